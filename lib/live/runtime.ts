// The live layer of one database client in this process: its SQL, the publisher and the hub, made
// on first use and kept on globalThis, because the production server's own code (the direct save
// path) and Next's bundle of the same modules must share one hub and one publisher.
import { type Db, targetOf } from "../db/client";
import { newestEventId } from "./event-log";
import type { NewLiveEvent } from "./events";
import { LiveHub } from "./hub";
import { pgTransport } from "./pg-listener";
import { Publisher } from "./publish";
import { prismaRunner, type SqlRunner } from "./sql";
import { inProcessTransport, type LiveTransport } from "./transport";

export interface LiveRuntime {
  sql: SqlRunner;
  hub: LiveHub;
  publisher: Publisher;
  /** Logs what is queued, ends this instance's streams (their clients reconnect elsewhere), stops listening. */
  close(): Promise<void>;
}

export function createLiveRuntime(sql: SqlRunner, transport: LiveTransport): LiveRuntime {
  const hub = new LiveHub(sql, transport);
  const publisher = new Publisher(sql, (lastId) => transport.appended(lastId));
  return {
    sql,
    hub,
    publisher,
    async close() {
      await publisher.flush();
      await hub.close();
    },
  };
}

const store = globalThis as unknown as { parallelLive?: WeakMap<Db, LiveRuntime> };

/**
 * The live layer of `db`, on `db`'s own database: the app's client is DATABASE_URL's, but the
 * command line and tests open others (openDb), and a PostgreSQL client given SQLite's statements
 * failed every append ("operator does not exist: bigint + text").
 */
export function liveFor(db: Db): LiveRuntime {
  store.parallelLive ??= new WeakMap();
  let runtime = store.parallelLive.get(db);
  if (!runtime) {
    const target = targetOf(db);
    const sql = prismaRunner(db, target.provider);
    runtime = createLiveRuntime(
      sql,
      target.provider === "postgres" ? pgTransport(target.url, sql) : inProcessTransport(),
    );
    store.parallelLive.set(db, runtime);
  }
  return runtime;
}

/** Emits an event after its change committed; see publish.ts for why nothing waits for it. */
export function publishLive(db: Db, event: NewLiveEvent): Promise<void> {
  return liveFor(db).publisher.publish(event);
}

/** Where a page rendered now starts its stream: the newest event, read before the page reads its rows. */
export function liveStartId(db: Db): Promise<number> {
  return newestEventId(liveFor(db).sql);
}

/** On shutdown: the events still queued are logged and the streams end. */
export async function closeLive(db: Db): Promise<void> {
  const runtime = store.parallelLive?.get(db);
  if (!runtime) return;
  store.parallelLive?.delete(db);
  await runtime.close();
}
