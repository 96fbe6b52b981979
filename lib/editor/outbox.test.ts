// The outbox of unsent edits belongs to the signed-in account. A Map stands in for the browser's
// localStorage (same interface); the queue is the real one, talking to a server that is down.
import { describe, expect, it } from "vitest";
import { clearOutboxes, outboxKey, unsentEdits } from "./outbox";
import { SaveQueue } from "./save-queue";

class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  keys() {
    return [...this.items.keys()].sort();
  }
}

const offline = (() => Promise.reject(new TypeError("Failed to fetch"))) as unknown as typeof fetch;

function queueFor(storage: MemoryStorage, userId: string, documentId: string) {
  return new SaveQueue({
    documentId,
    userId,
    storage,
    fetch: offline,
    onEvent: () => {},
    debounceMs: 0,
    retryMs: 60_000,
  });
}

describe("the outbox of unsent edits", () => {
  it("is kept per account: another account on the same browser neither sees nor sends it", async () => {
    const storage = new MemoryStorage();
    const olena = queueFor(storage, "user-olena", "doc-1");
    olena.edit("seg-1", "en", "Olena's unsent text", 3);
    olena.edit("seg-2", "kk", "Тағы бір мәтін", 1);
    expect(storage.keys()).toEqual([outboxKey("user-olena", "doc-1")]);
    expect(storage.keys()[0]).toContain("user-olena");

    expect(queueFor(storage, "user-taras", "doc-1").restore()).toEqual([]);
    const again = queueFor(storage, "user-olena", "doc-1").restore();
    expect(again.map((e) => e.text)).toEqual(["Olena's unsent text", "Тағы бір мәтін"]);
  });

  it("counts and clears one account's edits over every document, leaving other accounts' alone", () => {
    const storage = new MemoryStorage();
    queueFor(storage, "user-olena", "doc-1").edit("seg-1", "en", "a", 1);
    queueFor(storage, "user-olena", "doc-2").edit("seg-9", "en", "b", 1);
    queueFor(storage, "user-taras", "doc-1").edit("seg-1", "en", "c", 1);
    // From before outboxes had an owner: nobody can claim it, so it goes with the next sign-out.
    storage.setItem("parallel:outbox:doc-3", JSON.stringify([{ segmentId: "s", lang: "en", text: "old" }]));
    storage.setItem("unrelated", "kept");

    expect(unsentEdits(storage, "user-olena")).toBe(2);
    expect(unsentEdits(storage, "user-taras")).toBe(1);
    clearOutboxes(storage, "user-olena");
    expect(unsentEdits(storage, "user-olena")).toBe(0);
    expect(storage.keys()).toEqual([outboxKey("user-taras", "doc-1"), "unrelated"]);
  });

  it("once told to forget (signing out), an open editor neither writes the edits back nor sends them", async () => {
    const storage = new MemoryStorage();
    const requests: string[] = [];
    const queue = new SaveQueue({
      documentId: "doc-1",
      userId: "user-olena",
      storage,
      fetch: ((url: string) => {
        requests.push(url);
        return Promise.reject(new TypeError("Failed to fetch"));
      }) as unknown as typeof fetch,
      onEvent: () => {},
      debounceMs: 10_000,
    });
    queue.edit("seg-1", "en", "typed just before signing out", 1);
    expect(unsentEdits(storage, "user-olena")).toBe(1);
    queue.forget();
    expect(storage.keys()).toEqual([]);
    // What the page does as it unloads: send everything waiting, edit once more.
    await queue.flushAll();
    queue.edit("seg-1", "en", "typed after", 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toEqual([]);
    expect(storage.keys()).toEqual([]);
  });
});
