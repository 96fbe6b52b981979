// The first-start setup code, on real databases (SQLite or PostgreSQL): kept in the database (a restart and a second
// instance see the same code), checked with guesses throttled, spent with the first account.
import { afterEach, describe, expect, it } from "vitest";
import { testDatabase } from "../../tests/temp-db";
import { type Db, openDb } from "../db/client";
import { DatabaseSetupError } from "../db/errors";
import { prepareDatabase } from "../startup/prepare-database";
import { assertSetupCode, ensureSetupCode, normalizeSetupCode, setupCodeLines } from "./setup-code";
import { createFirstOwner } from "./users";

const opened: Db[] = [];
let cleanup = async () => {};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.$disconnect();
  await cleanup();
});

/** An empty database, as on the very first start. */
async function freshFile() {
  const database = await testDatabase({ empty: true });
  cleanup = database.cleanup;
  return database.url;
}

function open(url: string) {
  const db = openDb(url);
  opened.push(db);
  return db;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code,
  );

describe("setup code", () => {
  it("is made on first start, printed again by a restart, and accepted by another instance", async () => {
    const url = await freshFile();
    const first = await prepareDatabase(url);
    expect(first.setupCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const restart = await prepareDatabase(url);
    expect(restart.setupCode).toBe(first.setupCode);

    const instanceA = open(url);
    const instanceB = open(url);
    expect(await ensureSetupCode(instanceA, undefined)).toBe(first.setupCode);
    // Typed in lower case with spaces, on the other instance: still the code.
    const typed = first.setupCode!.toLowerCase().replaceAll("-", " ");
    expect(await codeOf(assertSetupCode(instanceB, typed, "192.0.2.1"))).toBe("ok");
    expect(await codeOf(assertSetupCode(instanceB, "AAAA-BBBB-CCCC", "192.0.2.1"))).toBe("setup_code_invalid");
    expect(setupCodeLines(first.setupCode, "http://localhost:3000").join("\n")).toContain(
      `http://localhost:3000/setup\nand enter this one-time setup code: ${first.setupCode}`,
    );
  });

  it("is spent by the first account, and no longer printed", async () => {
    const url = await freshFile();
    const { setupCode } = await prepareDatabase(url);
    const db = open(url);
    await createFirstOwner(db, { email: "admin@example.com", name: "Admin", password: "correct horse battery" });
    expect(await codeOf(assertSetupCode(db, setupCode!, "192.0.2.1"))).toBe("setup_code_invalid");
    expect(await ensureSetupCode(db, undefined)).toBeNull();
    expect((await prepareDatabase(url)).setupCode).toBeNull();
  });

  it("cannot be found by guessing: the sixth try from one address is refused, even with the right code", async () => {
    const url = await freshFile();
    const { setupCode } = await prepareDatabase(url);
    const db = open(url);
    const guesses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => codeOf(assertSetupCode(db, `WRONG-CODE-${i}`, "203.0.113.5"))),
    );
    expect(guesses).toEqual(Array(5).fill("setup_code_invalid"));
    expect(await codeOf(assertSetupCode(db, setupCode!, "203.0.113.5"))).toBe("rate_limited");
    expect(await codeOf(assertSetupCode(db, setupCode!, "198.51.100.5"))).toBe("ok");
  });

  it("can be fixed by PARALLEL_SETUP_CODE for automated first starts, and refuses a short one", async () => {
    const url = await freshFile();
    await prepareDatabase(url);
    const db = open(url);
    expect(await ensureSetupCode(db, "e2e-setup-code")).toBe("e2e-setup-code");
    expect(normalizeSetupCode("e2e-setup-code")).toBe("E2ESETUPCODE");
    expect(await codeOf(assertSetupCode(db, "e2e-setup-code", "192.0.2.1"))).toBe("ok");
    await expect(ensureSetupCode(db, "short")).rejects.toThrow(DatabaseSetupError);
  });
});
