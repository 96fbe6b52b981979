import { defineConfig, devices } from "@playwright/test";
import { SETUP_CODE } from "./e2e/helpers";
import { chromiumLaunchOptions } from "./tests/chromium";

const port = Number(process.env.E2E_PORT || 3210);
const launchOptions = chromiumLaunchOptions;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    // First start: creates the owner account through /setup and keeps its session for the others.
    { name: "setup", testMatch: /first-start\.setup\.ts/, use: { ...devices["Desktop Chrome"], launchOptions } },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions, storageState: ".e2e/owner.json" },
    },
  ],
  // The production server on a fresh database of its own, started exactly as `npm start` starts.
  // PARALLEL_SETUP_CODE fixes the first-start code the server prints, so the setup spec can type it;
  // trusting 127.0.0.1 as a proxy lets specs sign in "from" other addresses with X-Forwarded-For.
  webServer: {
    command: `node -e "require('fs').rmSync('.e2e',{recursive:true,force:true})" && node node_modules/tsx/dist/cli.mjs scripts/start.ts`,
    url: `http://127.0.0.1:${port}/en`,
    env: {
      PORT: String(port),
      DATABASE_URL: "file:./.e2e/parallel.db",
      PARALLEL_SETUP_CODE: SETUP_CODE,
      PARALLEL_TRUSTED_PROXIES: "127.0.0.1",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
  },
});
