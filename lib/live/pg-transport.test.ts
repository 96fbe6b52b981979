// The PostgreSQL transport on a real throwaway cluster: two "instances" (each its own pool and its
// own LISTEN connection) share one database. An event logged by A reaches a stream on B; appends
// from both at once get gapless ids in commit order; presence written on A shows on B; and when B's
// database connections are killed while A keeps saving, B's stream still gets every event.
// PostgreSQL machinery: runs in the suite's PostgreSQL pass (vitest.config.ts), on a database made
// by the app's PostgreSQL migrations.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPeople, pgInstance } from "../../tests/live-postgres";
import { SseReader } from "../../tests/sse-client";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { appendEvents, eventsAfter, logBounds } from "./event-log";
import { openEventStream } from "./event-stream";
import type { NewLiveEvent } from "./events";
import { pingPresence } from "./presence";

let database: TestDatabase;
let admin: pg.Client;
let a: ReturnType<typeof pgInstance>;
let b: ReturnType<typeof pgInstance>;
const readers: SseReader[] = [];

const saved = (documentId: string, version: number, segmentId = "s1"): NewLiveEvent => ({
  type: "translation.saved",
  documentId,
  actorId: "u1",
  data: { segmentId, lang: "en", version, status: "draft" },
});

beforeAll(async () => {
  database = await testDatabase({ provider: "postgres" });
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await addPeople(admin, [
    { id: "u1", name: "Ivan Translator" },
    { id: "u2", name: "Олена Коваль" },
  ]);
  a = pgInstance(database.url, "live-a");
  b = pgInstance(database.url, "live-b");
}, 120_000);

afterAll(async () => {
  for (const reader of readers) await reader.cancel();
  await a?.close();
  await b?.close();
  await admin?.end();
  await database?.cleanup();
});

async function streamOn(instance: typeof a, documentId: string, after: number | null = null) {
  const reader = new SseReader(openEventStream(instance.live, { documentId, after }));
  readers.push(reader);
  await reader.next((m) => m.event === "presence");
  return reader;
}

async function until(condition: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Kills every connection of an instance (its pool's and its LISTEN connection), as a network cut would. */
async function killConnections(applicationName: string) {
  const { rows } = await admin.query(
    "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1",
    [applicationName],
  );
  return rows.length;
}

describe("live events through PostgreSQL LISTEN/NOTIFY", () => {
  it("an event logged on instance A reaches a stream on instance B, with who did it", async () => {
    const reader = await streamOn(b, "doc-1");
    await a.live.publisher.publish(saved("doc-1", 1));
    const event = await reader.next((m) => m.event === "translation.saved");
    expect(event.json).toMatchObject({ documentId: "doc-1", version: 1, by: { id: "u1", name: "Ivan Translator" } });
    expect(b.states).toContain("listening");
  });

  it("appends from both instances at once get gapless ids in commit order, and B hears them all in order", async () => {
    const reader = await streamOn(b, "doc-2");
    const before = (await logBounds(a.live.sql)).newest;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => appendEvents((i % 2 ? a : b).live.sql, [saved("doc-2", i + 1, `s${i}`)])),
    );
    const { newest } = await logBounds(a.live.sql);
    expect(newest - before).toBe(60);
    const logged = await eventsAfter(a.live.sql, before, 100);
    expect(logged.map((e) => e.id)).toEqual(Array.from({ length: 60 }, (_, i) => before + i + 1));
    await reader.next((m) => Number(m.id) === newest);
    const ids = reader.of("translation.saved").map((m) => Number(m.id));
    expect(ids).toEqual(Array.from({ length: 60 }, (_, i) => before + i + 1));
  });

  it("presence written through A shows in B's stream", async () => {
    const reader = await streamOn(b, "doc-3");
    const { changed } = await pingPresence(a.live.sql, {
      connection: "tab-1",
      documentId: "doc-3",
      userId: "u2",
      segmentId: "s7",
      lang: "kk",
    });
    expect(changed).toBe(true);
    await a.live.hub.announcePresence("doc-3");
    const presence = await reader.next((m) => m.event === "presence" && m.json.people.length === 1);
    expect(presence.json.people).toEqual([
      { userId: "u2", name: "Олена Коваль", connection: "tab-1", segmentId: "s7", lang: "kk" },
    ]);
  });

  it("B's database connections killed and restored while A saves: B's stream loses no event", async () => {
    const reader = await streamOn(b, "doc-4");
    await a.live.publisher.publish(saved("doc-4", 1));
    await reader.next((m) => m.json.version === 1);
    const listeningBefore = b.states.filter((s) => s === "listening").length;
    expect(await killConnections(b.applicationName)).toBeGreaterThan(0);
    await until(() => b.states.includes("reconnecting"));
    // While B is away (its LISTEN connection reconnects with backoff), A goes on saving.
    for (let version = 2; version <= 6; version++) await a.live.publisher.publish(saved("doc-4", version));
    await reader.next((m) => m.event === "translation.saved" && m.json.version === 6, 20_000);
    expect(reader.of("translation.saved").map((m) => m.json.version)).toEqual([1, 2, 3, 4, 5, 6]);
    // It did reconnect (the NOTIFY of those saves went nowhere while it was away: the log filled the gap).
    await until(() => b.states.filter((s) => s === "listening").length > listeningBefore);
    expect(b.states.filter((s) => s === "listening").length).toBe(listeningBefore + 1);
    // And it is live again: a new save arrives through NOTIFY.
    await a.live.publisher.publish(saved("doc-4", 7));
    await reader.next((m) => m.json.version === 7);
  });

  it("a client reconnecting to the other instance with Last-Event-ID gets what it missed there", async () => {
    const first = await streamOn(a, "doc-5");
    await b.live.publisher.publish(saved("doc-5", 1));
    const last = Number((await first.next((m) => m.json.version === 1)).id);
    await first.cancel();
    await a.live.publisher.publish(saved("doc-5", 2));
    await a.live.publisher.publish(saved("doc-5", 3));
    const again = await streamOn(b, "doc-5", last);
    expect(again.of("translation.saved").map((m) => m.json.version)).toEqual([2, 3]);
  });
});
