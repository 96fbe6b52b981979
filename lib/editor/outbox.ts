// The browser's outbox of unsent edits (lib/editor/save-queue.ts) belongs to the signed-in
// account: one localStorage entry per account and document, so whoever signs in next on the same
// browser never sees, or sends, someone else's edits. Signing out asks first when edits are
// waiting, then removes them (app/_components/sign-out-button.tsx).

const PREFIX = "parallel:outbox:";

/** Sent on the window just before signing out: an open editor stops sending and keeping edits. */
export const SIGNING_OUT_EVENT = "parallel:signing-out";

type Storage = Pick<globalThis.Storage, "length" | "key" | "getItem" | "removeItem">;

export const outboxKey = (userId: string, documentId: string) => `${PREFIX}${userId}:${documentId}`;

function keysOf(storage: Storage, userId: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const rest = key.slice(PREFIX.length);
    // Outboxes from before they had an owner ("parallel:outbox:<documentId>") go too: nobody can claim them.
    if (rest.startsWith(`${userId}:`) || !rest.includes(":")) keys.push(key);
  }
  return keys;
}

/** How many edits of this account are waiting in this browser, over every document. */
export function unsentEdits(storage: Storage, userId: string): number {
  let count = 0;
  for (const key of keysOf(storage, userId)) {
    if (!key.startsWith(`${PREFIX}${userId}:`)) continue;
    try {
      const entries = JSON.parse(storage.getItem(key) ?? "[]");
      if (Array.isArray(entries)) count += entries.length;
    } catch {
      // A damaged entry holds nothing that could be sent.
    }
  }
  return count;
}

/** Removes this account's outboxes (and ownerless old ones) from the browser. */
export function clearOutboxes(storage: Storage, userId: string) {
  for (const key of keysOf(storage, userId)) storage.removeItem(key);
}
