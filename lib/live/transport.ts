// How an instance hears that something happened. The message is tiny and names ids only:
// "e <id>" (events up to this id are in the log) or "p <documentId>" (a document's presence changed);
// the hub reads the rest from the database. On SQLite there is one instance and the message goes
// straight to the hub; on PostgreSQL every instance LISTENs (pg-listener.ts) and NOTIFY carries it.
export interface LiveTransport {
  /** Starts hearing; `gap` is called when messages may have been missed (a reconnection). */
  start(hear: (message: string) => void, gap: () => void): Promise<void>;
  /** Tells every instance, this one included. */
  announce(message: string): Promise<void>;
  /** Events up to `lastId` were appended here (PostgreSQL's append has notified already). */
  appended(lastId: number): void;
  close(): Promise<void>;
}

export const eventsMessage = (lastId: number) => `e ${lastId}`;
export const presenceMessage = (documentId: string) => `p ${documentId}`;

/** One process: what is announced is heard at once, in order. */
export function inProcessTransport(): LiveTransport {
  let hear: ((message: string) => void) | null = null;
  const deliver = (message: string) => {
    const to = hear;
    if (to) queueMicrotask(() => to(message));
  };
  return {
    async start(h) {
      hear = h;
    },
    async announce(message) {
      deliver(message);
    },
    appended(lastId) {
      deliver(eventsMessage(lastId));
    },
    async close() {
      hear = null;
    },
  };
}
