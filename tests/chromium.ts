import { existsSync } from "node:fs";

const systemChromium = "/usr/bin/chromium";

/**
 * Debian's Chromium where it is installed (this machine cannot download Playwright's own build),
 * with the flags that keep it off the network; elsewhere Playwright's bundled browser, after
 * `npx playwright install chromium`. Used by the e2e specs and the benchmarks alike.
 */
export const chromiumLaunchOptions: { executablePath?: string; args?: string[] } = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    }
  : {};
