import { afterEach, describe, expect, it } from "vitest";
import { testDatabase } from "../../tests/temp-db";
import { type Db, openDb } from "../db/client";
import { prepareDatabase } from "../startup/prepare-database";
import { addressKey, reserveAttempt, THROTTLE } from "./throttle";

let cleanup = async () => {};
afterEach(() => cleanup());

async function freshDb() {
  const database = await testDatabase();
  await prepareDatabase(database.url);
  const db = openDb(database.url);
  cleanup = async () => {
    await db.$disconnect();
    await database.cleanup();
  };
  return db;
}

const t0 = new Date("2026-11-28T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/** "ok", or the refusal's retryAfter in seconds. */
async function tryOnce(db: Db, email: string, address: string, when = t0): Promise<"ok" | number> {
  try {
    await reserveAttempt(db, email, address, when);
    return "ok";
  } catch (error) {
    expect(error).toMatchObject({ code: "rate_limited" });
    return (error as { details: { retryAfter: number } }).details.retryAfter;
  }
}

async function failures(db: Db, key: string) {
  return (await db.signInThrottle.findUnique({ where: { key } }))?.failures ?? 0;
}

describe("password-guess throttle", () => {
  it("stops one account from one address after 5 failures, and nobody else", async () => {
    const db = await freshDb();
    for (let i = 0; i < THROTTLE.pair.max; i++)
      expect(await tryOnce(db, "Olena@Example.com", "203.0.113.7")).toBe("ok");
    // The guesser waits out the 15-minute window…
    expect(await tryOnce(db, "olena@example.com", "203.0.113.7", at(60_000))).toBe(14 * 60);
    // …while the real person, from another address, goes on, and so do other accounts from the guesser's.
    expect(await tryOnce(db, "olena@example.com", "198.51.100.20", at(60_000))).toBe("ok");
    expect(await tryOnce(db, "taras@example.com", "203.0.113.7", at(60_000))).toBe("ok");
    expect(await tryOnce(db, "olena@example.com", "203.0.113.7", at(15 * 60_000))).toBe("ok");
  });

  it("counts parallel attempts one by one: of 12 at once, exactly 5 get through", async () => {
    const db = await freshDb();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => tryOnce(db, "olena@example.com", "203.0.113.7")),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(THROTTLE.pair.max);
    expect(await failures(db, "pair:olena@example.com|203.0.113.7")).toBe(THROTTLE.pair.max);
    // The refused ones were given back: the account counts only the attempts that were checked.
    expect(await failures(db, "email:olena@example.com")).toBe(THROTTLE.pair.max);
  });

  it("a locked-out guesser hammering on does not count against the account", async () => {
    const db = await freshDb();
    for (let i = 0; i < 40; i++) await tryOnce(db, "olena@example.com", "203.0.113.7");
    expect(await failures(db, "email:olena@example.com")).toBe(THROTTLE.pair.max);
    expect(await tryOnce(db, "olena@example.com", "198.51.100.20")).toBe("ok");
  });

  it("slows an account guessed from many addresses: 10 free, then 1 s, 2 s, 4 s … at most 5 minutes", async () => {
    const db = await freshDb();
    let address = 0;
    const next = () => `192.0.2.${++address}`;
    for (let i = 0; i < THROTTLE.account.free; i++) expect(await tryOnce(db, "olena@example.com", next())).toBe("ok");
    // The 10th failure asks the next attempt, from anywhere, to wait a second.
    expect(await tryOnce(db, "olena@example.com", next())).toBe(1);
    let now = 1_000;
    expect(await tryOnce(db, "olena@example.com", next(), at(now))).toBe("ok");
    expect(await tryOnce(db, "olena@example.com", next(), at(now + 1_000))).toBe(1);
    expect(await tryOnce(db, "olena@example.com", next(), at(now + 2_000))).toBe("ok");
    now += 2_000;
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = await tryOnce(db, "olena@example.com", next(), at(now));
      waits.push(refused as number);
      now += (refused as number) * 1000;
      expect(await tryOnce(db, "olena@example.com", next(), at(now))).toBe("ok");
    }
    expect(waits).toEqual([4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300, 300]);
  });

  it("stops one address trying many accounts after 30 failures", async () => {
    const db = await freshDb();
    for (let i = 0; i < THROTTLE.address.max; i++)
      expect(await tryOnce(db, `user${i}@example.com`, "198.51.100.7")).toBe("ok");
    expect(await tryOnce(db, "someone-new@example.com", "198.51.100.7")).toBeGreaterThan(0);
    expect(await tryOnce(db, "someone-new@example.com", "198.51.100.8")).toBe("ok");
  });

  it("a right password gives the attempt back and clears the pair", async () => {
    const db = await freshDb();
    for (let i = 0; i < THROTTLE.pair.max - 1; i++) await tryOnce(db, "a@example.com", "192.0.2.1");
    const right = await reserveAttempt(db, "a@example.com", "192.0.2.1", t0);
    await right.succeeded();
    expect(await failures(db, "pair:a@example.com|192.0.2.1")).toBe(0);
    expect(await failures(db, "email:a@example.com")).toBe(THROTTLE.pair.max - 1);
    for (let i = 0; i < THROTTLE.pair.max; i++) expect(await tryOnce(db, "a@example.com", "192.0.2.1")).toBe("ok");
  });

  it("counts IPv6 addresses by their /64", () => {
    expect(addressKey("2001:db8:1:2:3:4:5:6")).toBe(addressKey("2001:db8:1:2::9"));
    expect(addressKey("2001:db8:1:2::9")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:3::9")).not.toBe(addressKey("2001:db8:1:2::9"));
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("192.0.2.1")).toBe("192.0.2.1");
  });
});
