import { afterEach, describe, expect, it } from "vitest";
import { sqliteTarget, tempDir } from "../../tests/temp-db";
import { openDb } from "../db/client";
import { prepareDatabase } from "../db/prepare";
import { assertSignInAllowed, MAX_FAILURES, recordSignInFailure, recordSignInSuccess } from "./throttle";

let cleanup = () => {};
afterEach(() => cleanup());

async function freshDb() {
  const tmp = tempDir();
  const url = `file:${sqliteTarget(tmp.dir).url}`;
  await prepareDatabase(url);
  const db = openDb(url);
  cleanup = () => {
    void db.$disconnect();
    tmp.cleanup();
  };
  return db;
}

describe("sign-in throttle", () => {
  it("locks an account after 5 failures for 15 minutes, whatever the address, and says how long", async () => {
    const db = await freshDb();
    const t0 = new Date("2026-11-28T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES.account - 1; i++) {
      await recordSignInFailure(db, "Olena@Example.com", `10.0.0.${i}`, t0);
      await assertSignInAllowed(db, "olena@example.com", "10.0.0.99", t0);
    }
    await recordSignInFailure(db, "olena@example.com", "10.0.0.9", t0);
    const locked = await assertSignInAllowed(db, "olena@example.com", "10.0.0.99", t0).catch((e) => e);
    expect(locked).toMatchObject({ code: "rate_limited", details: { retryAfter: 900 } });
    // Another account from the same address is not locked by this one.
    await assertSignInAllowed(db, "taras@example.com", "10.0.0.9", t0);
    // After the lock, sign-in is allowed again.
    await assertSignInAllowed(db, "olena@example.com", "10.0.0.99", new Date(t0.getTime() + 15 * 60_000 + 1));
  });

  it("forgets an account's failures after a success, and counts an address across accounts", async () => {
    const db = await freshDb();
    const t0 = new Date("2026-11-28T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES.account - 1; i++) await recordSignInFailure(db, "a@example.com", "192.0.2.1", t0);
    await recordSignInSuccess(db, "a@example.com");
    await recordSignInFailure(db, "a@example.com", "192.0.2.1", t0);
    await assertSignInAllowed(db, "a@example.com", "192.0.2.2", t0);

    // One address trying many accounts is stopped too.
    for (let i = 0; i < MAX_FAILURES.address; i++)
      await recordSignInFailure(db, `user${i}@example.com`, "198.51.100.7", t0);
    const locked = await assertSignInAllowed(db, "someone-new@example.com", "198.51.100.7", t0).catch((e) => e);
    expect(locked).toMatchObject({ code: "rate_limited" });
  });

  it("starts a new window after 15 quiet minutes", async () => {
    const db = await freshDb();
    const t0 = new Date("2026-11-28T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES.account - 1; i++) await recordSignInFailure(db, "b@example.com", "192.0.2.1", t0);
    const later = new Date(t0.getTime() + 16 * 60_000);
    await recordSignInFailure(db, "b@example.com", "192.0.2.1", later);
    await assertSignInAllowed(db, "b@example.com", "192.0.2.1", later);
  });
});
