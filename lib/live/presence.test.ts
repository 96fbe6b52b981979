// Presence on a real SQLite file through the real routes: a tab's pings show who is where to
// everyone else's stream; closing the tab's stream removes it at once; a silent tab expires; nobody
// can move someone else's tab; a slow read of who is where never overtakes a newer one.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SseReader } from "../../tests/sse-client";
import { call, createWorld, type World } from "../../tests/world";
import { Prisma } from "../db/client";
import type { PresentPerson } from "./events";
import { LiveHub } from "./hub";
import { PRESENCE_TTL_MS, pingPresence, presenceOf, sweepPresence } from "./presence";
import { liveFor } from "./runtime";
import type { SqlRunner } from "./sql";
import { inProcessTransport } from "./transport";

let world: World;
// biome-ignore lint/suspicious/noExplicitAny: route modules are loaded after DATABASE_URL is set.
let routes: Record<string, any>;
const readers: SseReader[] = [];

beforeAll(async () => {
  world = await createWorld();
  routes = {
    events: (await import("../../app/api/v1/documents/[id]/events/route")).GET,
    presence: (await import("../../app/api/v1/documents/[id]/presence/route")).PUT,
  };
}, 120_000);
afterAll(async () => {
  for (const reader of readers) await reader.cancel();
  if (!world) return;
  await world.cleanup();
});

type Who = keyof World["tokens"];

async function openTab(who: Who) {
  const id = world.document.id;
  const res: Response = await routes.events(
    new Request(`http://localhost/api/v1/documents/${id}/events`, {
      headers: { authorization: `Bearer ${world.tokens[who]}` },
    }),
    { params: Promise.resolve({ id }) },
  );
  const reader = new SseReader(res.body!);
  readers.push(reader);
  const hello = await reader.next((m) => m.event === "hello");
  await reader.next((m) => m.event === "presence");
  return { reader, connection: hello.json.connection as string };
}

function ping(who: Who, connection: string, segmentId: string | null, lang: string | null = "en") {
  return call(routes.presence, `/api/v1/documents/${world.document.id}/presence`, {
    method: "PUT",
    token: world.tokens[who],
    params: { id: world.document.id },
    body: { connection, segmentId, lang },
  });
}

/** The next presence message after `from` messages, as [name, segment index] pairs. */
async function nextPresence(reader: SseReader, from: number) {
  const message = await reader.next((m) => m.event === "presence", 10_000, from);
  return (message.json.people as { name: string; segmentId: string | null }[]).map((p) => [
    p.name,
    p.segmentId ? world.segments.findIndex((s) => s.id === p.segmentId) : null,
  ]);
}

describe("presence", () => {
  it("who is where, as the tabs say; the same place again tells nobody; a closed tab leaves at once", async () => {
    const watcher = await openTab("reviewer");
    const tab = await openTab("translator");
    let seen = watcher.reader.messages.length;
    const first = await ping("translator", tab.connection, world.segments[3].id);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ pingEveryMs: 8_000, expiresAfterMs: PRESENCE_TTL_MS });
    expect(await nextPresence(watcher.reader, seen)).toEqual([[world.users.translator.name, 3]]);

    seen = watcher.reader.messages.length;
    await ping("translator", tab.connection, world.segments[3].id);
    await ping("translator", tab.connection, world.segments[4].id);
    // The repeated ping changed nothing: the next message is already the move.
    expect(await nextPresence(watcher.reader, seen)).toEqual([[world.users.translator.name, 4]]);

    seen = watcher.reader.messages.length;
    await tab.reader.cancel();
    expect(await nextPresence(watcher.reader, seen)).toEqual([]);
    expect(await presenceOf(liveFor(world.db).sql, world.document.id)).toEqual([]);
  });

  it("a tab that goes silent expires by itself, and every stream is told", async () => {
    const watcher = await openTab("owner");
    const tab = await openTab("viewer");
    await ping("viewer", tab.connection, null);
    await watcher.reader.next((m) => m.event === "presence" && m.json.people.length === 1);
    const { sql, hub } = liveFor(world.db);
    // Not yet: a ping a moment ago.
    expect(await sweepPresence(sql, new Date(Date.now() + PRESENCE_TTL_MS - 1_000))).toEqual([]);
    // No ping for longer than the TTL (the sweep every instance runs every few seconds).
    const seen = watcher.reader.messages.length;
    const swept = await sweepPresence(sql, new Date(Date.now() + PRESENCE_TTL_MS + 1_000));
    expect(swept).toEqual([world.document.id]);
    await hub.announcePresence(world.document.id);
    expect(await nextPresence(watcher.reader, seen)).toEqual([]);
    await tab.reader.cancel();
  });

  it("nobody moves or claims someone else's tab", async () => {
    const tab = await openTab("translator");
    await ping("translator", tab.connection, world.segments[1].id);
    const hijack = await ping("reviewer", tab.connection, world.segments[9].id);
    expect(hijack.status).toBe(200);
    const people = await presenceOf(liveFor(world.db).sql, world.document.id);
    expect(people.map((p) => [p.userId, p.segmentId])).toEqual([[world.users.translator.id, world.segments[1].id]]);
    const outsider = await ping("outsider", tab.connection, null);
    expect(outsider.status).toBe(404);
    const bad = await ping("translator", "x".repeat(65), null);
    expect(bad.status).toBe(400);
    await tab.reader.cancel();
  });
  it("a read of who is where that answers late is never the last word: the newer place is sent after it", async () => {
    // The app's own database, with the hub's first read of presence held back after it has read: as a
    // loaded pool may answer it after a later one. The second ping's read must not overtake it.
    const inner = liveFor(world.db).sql;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let readHeld = () => {};
    const held = new Promise<void>((resolve) => {
      readHeld = resolve;
    });
    let first = true;
    const sql: SqlRunner = {
      ...inner,
      async query<T>(statement: Parameters<SqlRunner["query"]>[0]) {
        const rows = await inner.query<T>(statement);
        if (first && statement.sql.includes('FROM "Presence" p JOIN "User"')) {
          first = false;
          readHeld();
          await gate;
        }
        return rows;
      },
    };
    const hub = new LiveHub(sql, inProcessTransport());
    await hub.ready();
    const lists: PresentPerson[][] = [];
    hub.subscribe(world.document.id, {
      events() {},
      presence: (_bytes, people) => lists.push(people),
      close() {},
    });
    const where = (segment: number) => ({
      connection: "slow-read-tab",
      documentId: world.document.id,
      userId: world.users.translator.id,
      segmentId: world.segments[segment].id,
      lang: "en",
    });
    try {
      await pingPresence(sql, where(4));
      await hub.announcePresence(world.document.id);
      await held;
      // The tab moves on while the first read's answer is still on its way.
      await pingPresence(sql, where(3));
      await hub.announcePresence(world.document.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      const at = (list: PresentPerson[] | undefined) =>
        list?.map((p) => world.segments.findIndex((s) => s.id === p.segmentId));
      // The late answer arrives; what is sent last is where the tab is now.
      await vi.waitFor(() => expect(lists.some((list) => at(list)?.[0] === 4)).toBe(true));
      await vi.waitFor(() => expect(at(lists.at(-1))).toEqual([3]), { timeout: 2_000 });
    } finally {
      release();
      await hub.close();
    }
    await liveFor(world.db).sql.execute(Prisma.sql`DELETE FROM "Presence" WHERE "id" = 'slow-read-tab'`);
  });
});
