// The live stream of a document on a real SQLite file, through the real routes: saves, notes and
// decisions reach other readers' streams; a reconnecting client gets what it missed, or a resync
// when the log no longer holds it; heartbeats; a reader who loses access is cut off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SseReader } from "../../tests/sse-client";
import { call, createWorld, type World } from "../../tests/world";
import { appendEvents, LOG_MAX_AGE_MS, newestEventId, pruneLog } from "./event-log";
import { openEventStream } from "./event-stream";
import { liveFor } from "./runtime";

let world: World;
// biome-ignore lint/suspicious/noExplicitAny: route modules are loaded after DATABASE_URL is set.
let routes: Record<string, any>;
const open: SseReader[] = [];

beforeAll(async () => {
  world = await createWorld();
  routes = {
    events: (await import("../../app/api/v1/documents/[id]/events/route")).GET,
    translation: await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/route"),
    notes: (await import("../../app/api/v1/segments/[segmentId]/notes/route")).POST,
    note: (await import("../../app/api/v1/notes/[id]/route")).PATCH,
    decision: (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/decision/route")).POST,
    approveAll: (await import("../../app/api/v1/documents/[id]/approve-all/route")).POST,
  };
}, 120_000);
afterAll(async () => {
  for (const reader of open) await reader.cancel();
  if (!world) return;
  await world.cleanup();
});

/** Opens the events route as `who`, the way an EventSource does (Last-Event-ID as a header). */
async function stream(who: keyof World["tokens"], lastEventId?: number | string, documentId = world.document.id) {
  const headers = new Headers({ authorization: `Bearer ${world.tokens[who]}` });
  if (lastEventId !== undefined) headers.set("last-event-id", String(lastEventId));
  const res: Response = await routes.events(
    new Request(`http://localhost/api/v1/documents/${documentId}/events`, { headers }),
    {
      params: Promise.resolve({ id: documentId }),
    },
  );
  if (res.status !== 200 || !res.body) return { res, reader: null };
  const reader = new SseReader(res.body);
  open.push(reader);
  await reader.next((m) => m.event === "presence");
  return { res, reader };
}

async function save(who: keyof World["tokens"], segmentIndex: number, text: string, status?: string) {
  const segment = world.segments[segmentIndex];
  const current = await world.db.translation.findUniqueOrThrow({
    where: { segmentId_lang: { segmentId: segment.id, lang: "en" } },
  });
  const res = await call(routes.translation.PUT, `/api/v1/segments/${segment.id}/translations/en`, {
    method: "PUT",
    token: world.tokens[who],
    params: { segmentId: segment.id, lang: "en" },
    body: { text, baseVersion: current.version, status },
  });
  expect(res.status).toBe(200);
  return res.json.translation;
}

describe("the events stream", () => {
  it("is open to everyone who may read the document, and to nobody else", async () => {
    for (const who of ["owner", "translator", "reviewer", "viewer"] as const) {
      const { res, reader } = await stream(who);
      expect([who, res.status]).toEqual([who, 200]);
      expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      // Never compressed or cached on the way; the security headers still apply.
      expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(reader?.messages[0]).toMatchObject({ event: "hello", json: { heartbeatMs: 20_000 } });
      await reader?.cancel();
    }
    const outsider = await stream("outsider");
    expect(outsider.res.status).toBe(404);
    const anonymous = await routes.events(
      new Request(`http://localhost/api/v1/documents/${world.document.id}/events`),
      {
        params: Promise.resolve({ id: world.document.id }),
      },
    );
    expect(anonymous.status).toBe(401);
    const badId = await stream("viewer", "12abc");
    expect(badId.res.status).toBe(400);
    expect((await badId.res.json()).error.details).toMatchObject({ field: "lastEventId", reason: "bad_event_id" });
  });

  it("tells a viewer of someone else's save: segment, language, version, status, who", async () => {
    const { reader } = await stream("viewer");
    const saved = await save("translator", 0, "The civil service of Kazakhstan");
    const event = await reader!.next((m) => m.event === "translation.saved");
    expect(event.json).toMatchObject({
      type: "translation.saved",
      documentId: world.document.id,
      segmentId: world.segments[0].id,
      lang: "en",
      version: saved.version,
      status: "draft",
      by: { id: world.users.translator.id, name: world.users.translator.name },
    });
    // Ids and versions, never the text: the client reads the translation itself.
    expect(event.data).not.toContain("civil service");
    expect(event.id).toBe(String(event.json.id));
    const read = await call(routes.translation.GET, `/api/v1/segments/${world.segments[0].id}/translations/en`, {
      token: world.tokens.viewer,
      params: { segmentId: world.segments[0].id, lang: "en" },
    });
    expect(read.json.translation).toMatchObject({
      text: "The civil service of Kazakhstan",
      version: saved.version,
      updatedBy: { id: world.users.translator.id },
    });
  });

  it("a save that changes nothing says nothing; a second save of a paragraph (the fast path) does", async () => {
    const { reader } = await stream("viewer");
    await save("translator", 1, "First text");
    await save("translator", 1, "First text");
    const second = await save("translator", 1, "Second text");
    const events = async () => {
      await reader!.next((m) => m.event === "translation.saved" && m.json.version === second.version);
      return reader!.of("translation.saved").filter((m) => m.json.segmentId === world.segments[1].id);
    };
    expect((await events()).map((m) => m.json.version)).toEqual([second.version - 1, second.version]);
  });

  it("notes added, changed, resolved and a decision reach the stream", async () => {
    const { reader } = await stream("translator");
    const segmentId = world.segments[2].id;
    await save("owner", 2, "A text to review", "translated");
    const added = await call(routes.notes, `/api/v1/segments/${segmentId}/notes`, {
      method: "POST",
      token: world.tokens.reviewer,
      params: { segmentId },
      body: { body: "Check the term", lang: "en" },
    });
    expect(added.status).toBe(201);
    const noteId = added.json.note.id;
    await call(routes.note, `/api/v1/notes/${noteId}`, {
      method: "PATCH",
      token: world.tokens.reviewer,
      params: { id: noteId },
      body: { body: "Check the term, please" },
    });
    await call(routes.note, `/api/v1/notes/${noteId}`, {
      method: "PATCH",
      token: world.tokens.reviewer,
      params: { id: noteId },
      body: { resolved: true },
    });
    const decided = await call(routes.decision, `/api/v1/segments/${segmentId}/translations/en/decision`, {
      method: "POST",
      token: world.tokens.reviewer,
      params: { segmentId, lang: "en" },
      body: { decision: "rejected", note: "Not the official term" },
    });
    expect(decided.status).toBe(200);
    const decision = await reader!.next((m) => m.event === "decision");
    expect(decision.json).toMatchObject({
      segmentId,
      lang: "en",
      decision: "rejected",
      status: "rejected",
      version: decided.json.translation.version,
      noteId: decided.json.translation.noteId,
      by: { id: world.users.reviewer.id },
    });
    const noteEvents = reader!.messages.filter((m) => m.event.startsWith("note."));
    expect(noteEvents.map((m) => [m.event, m.json.noteId, m.json.threadId, m.json.resolved])).toEqual([
      ["note.added", noteId, noteId, false],
      ["note.changed", noteId, noteId, false],
      ["note.resolved", noteId, noteId, true],
    ]);
  });

  it("approve all is one document.changed event for the language", async () => {
    const { reader } = await stream("viewer");
    await save("translator", 3, "Ready", "translated");
    const res = await call(routes.approveAll, `/api/v1/documents/${world.document.id}/approve-all`, {
      method: "POST",
      token: world.tokens.owner,
      params: { id: world.document.id },
      body: { lang: "en" },
    });
    expect(res.json.approved).toBeGreaterThan(0);
    const changed = await reader!.next((m) => m.event === "document.changed");
    expect(changed.json).toMatchObject({ change: "translations", lang: "en", reason: "approve-all" });
  });
});

describe("reconnecting with Last-Event-ID", () => {
  it("gets exactly what it missed, of its own document, in order", async () => {
    const live = liveFor(world.db);
    const { reader } = await stream("viewer");
    const hello = reader!.messages[0].json;
    await reader!.cancel();
    const a = await save("translator", 4, "Missed one");
    const b = await save("translator", 5, "Missed two");
    // Another document's event in between is not this stream's business.
    await appendEvents(live.sql, [
      {
        type: "note.added",
        documentId: "another-document",
        actorId: null,
        data: { noteId: "n", segmentId: "s", threadId: "n", lang: null, resolved: false },
      },
    ]);
    await live.publisher.flush();
    const again = await stream("viewer", hello.lastEventId);
    const missed = again.reader!.of("translation.saved");
    expect(missed.map((m) => [m.json.segmentId, m.json.version])).toEqual([
      [world.segments[4].id, a.version],
      [world.segments[5].id, b.version],
    ]);
    expect(again.reader!.messages.every((m) => m.json.documentId !== "another-document")).toBe(true);
    expect(again.reader!.of("resync")).toHaveLength(0);
    // The ids only grow.
    const ids = again.reader!.messages.filter((m) => m.id).map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });

  it("is told to re-sync when the log no longer holds what it missed, or never gave that id", async () => {
    const live = liveFor(world.db);
    const before = await newestEventId(live.sql);
    await save("translator", 6, "Soon pruned");
    await save("translator", 7, "Kept");
    await live.publisher.flush();
    // Only the newest event is kept: the one after `before` is gone.
    await pruneLog(live.sql, new Date(), { maxAgeMs: LOG_MAX_AGE_MS, maxRows: 1 });
    const newest = await newestEventId(live.sql);
    const old = await stream("viewer", before);
    const resync = old.reader!.of("resync");
    expect(resync.map((m) => [m.json.reason, m.json.lastEventId, m.id])).toEqual([["too_old", newest, String(newest)]]);
    expect(old.reader!.of("translation.saved")).toHaveLength(0);

    const ahead = await stream("viewer", newest + 1000);
    expect(ahead.reader!.of("resync").map((m) => m.json.reason)).toEqual(["unknown"]);

    // Just behind the oldest kept: complete, nothing to re-sync.
    const current = await stream("viewer", newest - 1);
    expect(current.reader!.of("resync")).toHaveLength(0);
    expect(current.reader!.of("translation.saved").map((m) => m.json.segmentId)).toEqual([world.segments[7].id]);
  });
});

describe("keeping the stream open", () => {
  it("sends a comment line every heartbeat and ends once the reader may no longer read", async () => {
    const { addExistingUserIn } = await import("../projects/members");
    const { createUser } = await import("../auth/users");
    const { createApiToken } = await import("../auth/tokens");
    const person = await createUser(world.db, {
      email: "leaving@example.com",
      name: "Leaving Soon",
      password: "x".repeat(12),
    });
    await world.db.$transaction((tx) => addExistingUserIn(tx, null, world.project.id, person, "viewer"));
    const { token } = await createApiToken(world.db, person.id, "stream");
    const { documentEvents } = await import("./document-live");
    const headers = new Headers({ authorization: `Bearer ${token}` });
    const actor = { userId: person.id, name: person.name, email: person.email, isAdmin: false, via: "token" as const };
    const reader = new SseReader(
      await documentEvents(world.db, actor, world.document.id, {
        lastEventId: null,
        headers: () => headers,
        heartbeatMs: 50,
      }),
    );
    open.push(reader);
    await reader.next((m) => m.event === "hello");
    const deadline = Date.now() + 5_000;
    while (reader.comments.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(reader.comments.slice(0, 2)).toEqual(["keep-alive", "keep-alive"]);
    expect(reader.closed).toBe(false);
    await world.db.membership.deleteMany({ where: { userId: person.id } });
    await reader.ended();
  });

  it("a stream asking from now on starts at the newest event", async () => {
    const live = liveFor(world.db);
    const reader = new SseReader(openEventStream(live, { documentId: world.document.id, after: null }));
    open.push(reader);
    const hello = await reader.next((m) => m.event === "hello");
    expect(hello.json.lastEventId).toBe(await newestEventId(live.sql));
  });
});
