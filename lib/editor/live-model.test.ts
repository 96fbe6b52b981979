// What the editor does with the live stream: which changes it reads, what a newer version does to a
// row with and without unsaved edits, who is shown where, and the reconnecting stream (against a
// stand-in for the browser's EventSource, driven by fake timers).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ConflictInfo } from "./api-client";
import { LiveConnection } from "./live-connection";
import { initialsOf, needsRead, othersPresent, peopleByRow, retryDelay, withRemote } from "./live-model";
import type { Cell } from "./rows";

const cell = (over: Partial<Cell> = {}): Cell => ({
  text: "Saved text",
  savedText: "Saved text",
  status: "draft",
  version: 3,
  state: "saved",
  ...over,
});
const theirs = (version: number, text = "Their text"): ConflictInfo => ({
  text,
  status: "translated",
  version,
  updatedBy: { id: "u2", name: "Ivan Translator" },
  updatedAt: "2026-12-01T10:00:00.000Z",
});

describe("a translation someone else saved", () => {
  it("is read when it is newer than the row, and not for one's own save on its way", () => {
    expect(needsRead(cell(), { version: 4, by: { id: "u2" } }, "me")).toBe(true);
    expect(needsRead(cell(), { version: 3, by: { id: "u2" } }, "me")).toBe(false);
    expect(needsRead(cell({ state: "saving" }), { version: 4, by: { id: "me" } }, "me")).toBe(false);
    // Saved in another tab of one's own while this one shows the old text: news too.
    expect(needsRead(cell(), { version: 4, by: { id: "me" } }, "me")).toBe(true);
    expect(needsRead(undefined, { version: 4, by: null }, "me")).toBe(false);
    const open = cell({ state: "conflict", conflict: { mine: "Mine", current: theirs(5) } });
    expect(needsRead(open, { version: 5, by: { id: "u2" } }, "me")).toBe(false);
    expect(needsRead(open, { version: 6, by: { id: "u2" } }, "me")).toBe(true);
  });

  it("replaces a row without unsaved edits at once", () => {
    expect(withRemote(cell(), theirs(4))).toEqual({
      text: "Their text",
      savedText: "Their text",
      status: "translated",
      version: 4,
      state: "saved",
      error: undefined,
    });
    expect(withRemote(cell({ version: 5 }), theirs(4))).toEqual(cell({ version: 5 }));
  });

  it("opens the merge view on a row with unsaved edits, before its own save would be refused", () => {
    for (const state of ["dirty", "offline", "error"] as const) {
      const next = withRemote(cell({ text: "My edit", state }), theirs(4));
      expect([state, next.state, next.conflict, next.text, next.version]).toEqual([
        state,
        "conflict",
        { mine: "My edit", current: theirs(4) },
        "My edit",
        3,
      ]);
    }
    // A save on its way meets the conflict itself (409) and opens the same view then.
    expect(withRemote(cell({ text: "My edit", state: "saving" }), theirs(4))).toEqual(
      cell({ text: "My edit", state: "saving" }),
    );
    // One that failed and waits to be sent again (offline) is an unsaved edit: the merge view opens now.
    expect(withRemote(cell({ text: "My edit", state: "saving" }), theirs(4), false)).toMatchObject({
      state: "conflict",
      conflict: { mine: "My edit", current: theirs(4) },
    });
    // An open merge view follows the newest version, keeping the person's text.
    const open = cell({ state: "conflict", conflict: { mine: "Mine", current: theirs(4) } });
    expect(withRemote(open, theirs(6, "Newer")).conflict).toEqual({ mine: "Mine", current: theirs(6, "Newer") });
  });
});

describe("presence", () => {
  it("initials of names in any script", () => {
    expect(initialsOf("Ivan Translator")).toBe("IT");
    expect(initialsOf("Олена Коваль-Сидоренко")).toBe("ОК");
    expect(initialsOf("әлия")).toBe("Ә");
    expect(initialsOf("  ")).toBe("?");
  });

  it("others only, one entry per person with all their tabs' places, and who is in each paragraph", () => {
    const people = othersPresent(
      [
        { userId: "me", name: "Me", connection: "c0", segmentId: "s1", lang: "en" },
        { userId: "u2", name: "Ivan Translator", connection: "c1", segmentId: "s1", lang: "en" },
        { userId: "u2", name: "Ivan Translator", connection: "c2", segmentId: "s2", lang: "kk" },
        { userId: "u3", name: "Aigerim Reviewer", connection: "c3", segmentId: null, lang: null },
      ],
      "me",
    );
    expect(people.map((p) => [p.name, p.initials, p.places.length])).toEqual([
      ["Aigerim Reviewer", "AR", 0],
      ["Ivan Translator", "IT", 2],
    ]);
    const rows = peopleByRow(people);
    expect([...rows.keys()].sort()).toEqual(["s1", "s2"]);
    expect(rows.get("s1")?.map((r) => [r.person.initials, r.langs])).toEqual([["IT", ["en"]]]);
  });
});

describe("reconnecting", () => {
  it("waits longer after each failure, up to 30 s, spread by ±20 %", () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => retryDelay(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(retryDelay(0, () => 0)).toBe(800);
    expect(retryDelay(0, () => 1)).toBe(1200);
  });
});

/** The browser's EventSource as far as LiveConnection uses it; `emit` plays the server. */
class FakeSource {
  static opened: FakeSource[] = [];
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((e: Event) => void)[]>();
  constructor(readonly url: string) {
    FakeSource.opened.push(this);
  }
  addEventListener(type: string, listener: (e: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  fail() {
    this.onerror?.(new Event("error"));
  }
}

describe("the live connection", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSource.opened = [];
  });
  afterEach(() => vi.useRealTimers());

  function connect() {
    const seen = { status: [] as string[], events: [] as number[], hello: [] as string[], resyncs: 0 };
    const connection = new LiveConnection({
      documentId: "doc 1",
      startAfter: 41,
      EventSource: FakeSource as unknown as new (url: string) => EventSource,
      onStatus: (s) => seen.status.push(s),
      onHello: (c) => seen.hello.push(c),
      onEvent: (e) => seen.events.push(e.id),
      onPresence: () => {},
      onResync: () => {
        seen.resyncs += 1;
      },
    });
    connection.start();
    return { connection, seen };
  }

  it("asks from the page's event, says live on hello, and keeps the last event it got", () => {
    const { connection, seen } = connect();
    expect(FakeSource.opened.map((s) => s.url)).toEqual(["/api/v1/documents/doc%201/events?lastEventId=41"]);
    const source = FakeSource.opened[0];
    source.emit("hello", { connection: "c1", lastEventId: 41, heartbeatMs: 20000 });
    source.emit("translation.saved", { id: 42, type: "translation.saved" });
    source.emit("note.added", { id: 43, type: "note.added" });
    source.emit("note.added", { id: 43, type: "note.added" });
    expect(seen).toMatchObject({ status: ["live"], hello: ["c1"], events: [42, 43] });
    expect(connection.lastEventId).toBe(43);
  });

  it("on failure says reconnecting and opens again after a growing pause, from its last event", () => {
    const { seen } = connect();
    FakeSource.opened[0].emit("translation.saved", { id: 45, type: "translation.saved" });
    FakeSource.opened[0].fail();
    expect(seen.status).toEqual(["reconnecting"]);
    expect(FakeSource.opened[0].closed).toBe(true);
    vi.advanceTimersByTime(700);
    expect(FakeSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(600);
    expect(FakeSource.opened.map((s) => s.url.split("?")[1])).toEqual(["lastEventId=41", "lastEventId=45"]);
    FakeSource.opened[1].fail();
    vi.advanceTimersByTime(1300);
    expect(FakeSource.opened).toHaveLength(2);
    vi.advanceTimersByTime(1200);
    expect(FakeSource.opened).toHaveLength(3);
    // A greeting resets the pause.
    FakeSource.opened[2].emit("hello", { connection: "c3" });
    FakeSource.opened[2].fail();
    vi.advanceTimersByTime(1300);
    expect(FakeSource.opened).toHaveLength(4);
    expect(seen.status).toEqual(["reconnecting", "reconnecting", "live", "reconnecting"]);
  });

  it("the network gone: reconnecting at once; back: opened again at once, from its last event", () => {
    const { connection, seen } = connect();
    FakeSource.opened[0].emit("hello", { connection: "c1" });
    FakeSource.opened[0].emit("translation.saved", { id: 44, type: "translation.saved" });
    connection.lost();
    expect(FakeSource.opened[0].closed).toBe(true);
    expect(seen.status).toEqual(["live", "reconnecting"]);
    connection.reconnectNow();
    expect(FakeSource.opened.map((s) => s.url.split("?")[1])).toEqual(["lastEventId=41", "lastEventId=44"]);
    // The retry the loss scheduled is not run on top of it.
    vi.advanceTimersByTime(60_000);
    expect(FakeSource.opened).toHaveLength(2);
  });

  it("a resync moves it to the newest event; a stream behind the server twice running is opened again", () => {
    const { connection, seen } = connect();
    FakeSource.opened[0].emit("resync", { lastEventId: 90, reason: "too_old" });
    expect([seen.resyncs, connection.lastEventId]).toEqual([1, 90]);
    connection.serverHas(90);
    connection.serverHas(95);
    expect(FakeSource.opened).toHaveLength(1);
    connection.serverHas(95);
    expect(FakeSource.opened).toHaveLength(2);
    expect(FakeSource.opened[1].url.endsWith("lastEventId=90")).toBe(true);
  });
});
