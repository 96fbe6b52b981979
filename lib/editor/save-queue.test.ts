// The browser's outbox, driven by fake timers against a stand-in for the network that answers as
// the save endpoint does (JSON bodies, 409 with the current translation, 5xx, no connection).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { outboxKey } from "./outbox";
import { type OutboxEntry, type SaveEvent, SaveQueue } from "./save-queue";

type Answer = { status: number; body?: unknown } | "offline";

function fakeServer() {
  const requests: { url: string; method: string; body: Record<string, unknown> }[] = [];
  const planned: Answer[] = [];
  let version = 1;
  let gate: Promise<void> | null = null;
  const fetch = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    requests.push({ url, method: String(init.method), body });
    if (gate) await gate;
    const answer = planned.shift() ?? {
      status: 200,
      body: { translation: { text: body.text, status: body.status ?? "draft", version: ++version } },
    };
    if (answer === "offline") throw new TypeError("Failed to fetch");
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status });
  }) as unknown as typeof globalThis.fetch;
  /** Holds the next answers back until the returned function is called. */
  const hold = () => {
    let release = () => {};
    gate = new Promise<void>((resolve) => {
      release = () => {
        gate = null;
        resolve();
      };
    });
    return release;
  };
  return { fetch, requests, hold, plan: (...answers: Answer[]) => planned.push(...answers) };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

let server: ReturnType<typeof fakeServer>;
let storage: ReturnType<typeof memoryStorage>;
let events: SaveEvent[];

function queue() {
  return new SaveQueue({
    documentId: "doc",
    userId: "u1",
    storage,
    fetch: server.fetch,
    onEvent: (e) => events.push(e),
    debounceMs: 800,
    retryMs: 3000,
  });
}

const outbox = () => JSON.parse(storage.getItem(outboxKey("u1", "doc")) ?? "[]") as OutboxEntry[];

beforeEach(() => {
  vi.useFakeTimers();
  server = fakeServer();
  storage = memoryStorage();
  events = [];
});
afterEach(() => vi.useRealTimers());

describe("SaveQueue", () => {
  it("keeps an edit in storage at once and sends it after a pause, against the version it started from", async () => {
    const q = queue();
    q.edit("s1", "en", "Hello", 1);
    expect(outbox()).toMatchObject([{ segmentId: "s1", lang: "en", text: "Hello", baseVersion: 1 }]);
    await vi.advanceTimersByTimeAsync(700);
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(server.requests).toEqual([
      { url: "/api/v1/segments/s1/translations/en", method: "PUT", body: { text: "Hello", baseVersion: 1 } },
    ]);
    expect(events).toContainEqual({
      kind: "saved",
      key: "s1|en",
      text: "Hello",
      status: "draft",
      version: 2,
      stillDirty: false,
    });
    expect(storage.items.size).toBe(0);
    expect(q.waiting).toBe(0);
  });

  it("sends only the last of quick edits, and a confirm at once with its status", async () => {
    const q = queue();
    q.edit("s1", "en", "H", 1);
    q.edit("s1", "en", "He", 1);
    q.edit("s1", "en", "Hey", 1, "translated");
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests.map((r) => r.body)).toEqual([{ text: "Hey", status: "translated", baseVersion: 1 }]);
  });

  it("sends again what was typed while a save was on its way, on top of the version it made", async () => {
    const q = queue();
    const release = server.hold();
    q.edit("s1", "en", "One", 1);
    q.flush("s1", "en");
    await vi.advanceTimersByTimeAsync(0);
    // Typing goes on while the answer is on its way.
    q.edit("s1", "en", "One, two", 1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    const saved = events.filter((e) => e.kind === "saved");
    expect(saved.at(-1)).toMatchObject({ text: "One", stillDirty: true });
    await vi.advanceTimersByTimeAsync(800);
    expect(server.requests.map((r) => r.body)).toEqual([
      { text: "One", baseVersion: 1 },
      { text: "One, two", baseVersion: 2 },
    ]);
    expect(storage.items.size).toBe(0);
  });

  it("builds an edit on the version its last save made, though the page has not shown that answer yet", async () => {
    const q = queue();
    q.edit("s1", "en", "One", 1);
    await vi.advanceTimersByTimeAsync(800);
    expect(events.filter((e) => e.kind === "saved").at(-1)).toMatchObject({ version: 2 });
    // The confirm comes from a page still showing version 1 (its render of the answer is yet to come).
    q.edit("s1", "en", "One", 1, "translated");
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests.map((r) => r.body)).toEqual([
      { text: "One", baseVersion: 1 },
      { text: "One", status: "translated", baseVersion: 2 },
    ]);
    // Once the page knows a newer version (someone else's save shown), that one counts.
    q.edit("s1", "en", "One more", 7);
    await vi.advanceTimersByTimeAsync(800);
    expect(server.requests.at(-1)?.body).toEqual({ text: "One more", baseVersion: 7 });
  });

  it("turns a 409 into a conflict with the server's text, sends nothing more, and saves the resolution on top", async () => {
    const q = queue();
    const current = {
      text: "Theirs",
      status: "draft",
      version: 5,
      updatedBy: { id: "u2", name: "Olena" },
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    server.plan({ status: 409, body: { error: { code: "conflict", message: "…", current } } });
    q.edit("s1", "en", "Mine", 1);
    await vi.advanceTimersByTimeAsync(800);
    expect(events).toContainEqual(expect.objectContaining({ kind: "conflict", key: "s1|en", current }));
    q.retryAll();
    q.flush("s1", "en");
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.requests).toHaveLength(1);
    expect(outbox()).toMatchObject([{ text: "Mine" }]);
    q.resolve("s1", "en", "Mine and theirs", 5);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests.at(-1)?.body).toEqual({ text: "Mine and theirs", baseVersion: 5 });
    expect(storage.items.size).toBe(0);
  });

  // The crash test's 409 (issue 18): a save committed, the server died before answering, and the
  // edit typed on meanwhile went after the restart on the version the lost save started from.
  const earlier = (text: string, version: number, by = { id: "u1", name: "Me" }) => ({
    status: 409,
    body: {
      error: {
        code: "conflict",
        message: "…",
        current: { text, status: "draft", version, updatedBy: by, updatedAt: "2026-01-01T00:00:00.000Z" },
      },
    },
  });

  it("takes its own earlier try, written although its answer never came, as saved, and sends the newer text on top", async () => {
    const q = queue();
    server.plan("offline", earlier("Café\nline two", 2));
    // Typed with CRLF and a combining accent: the server stores LF and NFC.
    q.edit("s1", "en", "Cafe\u0301\r\nline two", 1);
    await vi.advanceTimersByTimeAsync(800);
    expect(outbox()).toMatchObject([{ baseVersion: 1, unanswered: [{ text: "Cafe\u0301\r\nline two" }] }]);
    q.edit("s1", "en", "Café\nline two, three", 1);
    await vi.advanceTimersByTimeAsync(3100);
    expect(events.some((e) => e.kind === "conflict")).toBe(false);
    expect(events).toContainEqual({
      kind: "saved",
      key: "s1|en",
      text: "Café\nline two",
      status: "draft",
      version: 2,
      stillDirty: true,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests.map((r) => r.body)).toEqual([
      { text: "Cafe\u0301\r\nline two", baseVersion: 1 },
      { text: "Café\nline two, three", baseVersion: 1 },
      { text: "Café\nline two, three", baseVersion: 2 },
    ]);
    expect(events.at(-1)).toEqual({ kind: "network", online: true, waiting: 0 });
    expect(storage.items.size).toBe(0);
  });

  it("remembers an unanswered try across a reload of the page", async () => {
    const first = queue();
    server.plan({ status: 502 });
    first.edit("s1", "en", "Sent before the crash", 4);
    await vi.advanceTimersByTimeAsync(800);
    first.edit("s1", "en", "Typed after it", 4);
    const next = queue();
    next.restore();
    server.plan(earlier("Sent before the crash", 5));
    next.retryAll();
    await vi.advanceTimersByTimeAsync(100);
    expect(server.requests.map((r) => r.body).slice(1)).toEqual([
      { text: "Typed after it", baseVersion: 4 },
      { text: "Typed after it", baseVersion: 5 },
    ]);
    expect(events.some((e) => e.kind === "conflict")).toBe(false);
  });

  it("still opens the conflict when the newer version is someone else's, or not the very next one", async () => {
    for (const answer of [
      earlier("Mine, unanswered", 2, { id: "u2", name: "Olena" }),
      earlier("Mine, unanswered", 3),
      earlier("Something else", 2),
    ]) {
      events = [];
      const q = queue();
      server.plan("offline", answer);
      q.edit("s9", "en", "Mine, unanswered", 1);
      await vi.advanceTimersByTimeAsync(800);
      q.edit("s9", "en", "Mine, typed on", 1);
      await vi.advanceTimersByTimeAsync(3100);
      expect(events).toContainEqual(expect.objectContaining({ kind: "conflict", key: "s9|en" }));
      expect(outbox()).toMatchObject([{ text: "Mine, typed on" }]);
      q.discard("s9", "en");
    }
  });

  it("waits out a lost connection or a failing server and retries, keeping the edit meanwhile", async () => {
    const q = queue();
    server.plan("offline", { status: 503 });
    q.edit("s1", "en", "Kept", 1);
    await vi.advanceTimersByTimeAsync(800);
    expect(events).toContainEqual({ kind: "network", online: false, waiting: 1 });
    expect(outbox()).toMatchObject([{ text: "Kept" }]);
    await vi.advanceTimersByTimeAsync(3100);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3100);
    expect(server.requests).toHaveLength(3);
    expect(events.at(-1)).toEqual({ kind: "network", online: true, waiting: 0 });
    expect(storage.items.size).toBe(0);
  });

  it("says why the server cannot save (503 unavailable: its disk), keeps the edit, and sends it again", async () => {
    const q = queue();
    server.plan({ status: 503, body: { error: { code: "unavailable", message: "Disk" } } });
    q.edit("s1", "en", "Waits for the disk", 1);
    await vi.advanceTimersByTimeAsync(800);
    expect(events).toContainEqual({ kind: "network", online: false, waiting: 1, reason: "unavailable" });
    expect(outbox()).toMatchObject([{ text: "Waits for the disk" }]);
    await vi.advanceTimersByTimeAsync(3100);
    expect(events.at(-1)).toEqual({ kind: "network", online: true, waiting: 0 });
    expect(server.requests.map((r) => r.body)).toEqual([
      { text: "Waits for the disk", baseVersion: 1 },
      { text: "Waits for the disk", baseVersion: 1 },
    ]);
  });

  it("counts a 503 unavailable as maybe written: its own text found one version on is saved, not a conflict", async () => {
    // The disk failed during the commit: SQLite may have kept it (lib/db/sqlite-adapter.ts).
    const q = queue();
    server.plan({ status: 503, body: { error: { code: "unavailable", message: "Disk" } } }, earlier("Mid-commit", 2));
    q.edit("s1", "en", "Mid-commit", 1);
    await vi.advanceTimersByTimeAsync(800);
    expect(outbox()).toMatchObject([{ unanswered: [{ text: "Mid-commit" }] }]);
    await vi.advanceTimersByTimeAsync(3100);
    expect(events.some((e) => e.kind === "conflict")).toBe(false);
    expect(events.at(-1)).toEqual({ kind: "network", online: true, waiting: 0 });
    expect(storage.items.size).toBe(0);
  });

  it("reports a refusal with its code and keeps the text, not retrying it", async () => {
    const q = queue();
    server.plan({ status: 403, body: { error: { code: "forbidden", message: "No." } } });
    q.edit("s1", "en", "Not allowed", 1);
    await vi.advanceTimersByTimeAsync(800);
    expect(events).toContainEqual({ kind: "error", key: "s1|en", code: "forbidden" });
    q.retryAll();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.requests).toHaveLength(1);
    expect(outbox()).toMatchObject([{ text: "Not allowed" }]);
  });

  it("gives back what an earlier visit left unsent, and forgets a discarded edit", async () => {
    const first = queue();
    first.edit("s1", "en", "Left behind", 3);
    first.edit("s2", "kk", "Тоже", 1);
    first.discard("s2", "kk");
    const next = queue();
    expect(next.restore()).toMatchObject([{ segmentId: "s1", lang: "en", text: "Left behind", baseVersion: 3 }]);
    expect(next.has("s1", "en")).toBe(true);
    next.retryAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests.map((r) => r.body)).toEqual([{ text: "Left behind", baseVersion: 3 }]);
  });
});
