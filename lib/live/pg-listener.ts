// The PostgreSQL transport: one dedicated `pg` client per instance LISTENs on NOTIFY_CHANNEL (a pool
// connection cannot: LISTEN belongs to a session). When that connection is lost it reconnects with
// backoff and reports a gap, and the hub reads the log from where it was, so nothing announced while
// it was away is lost (a NOTIFY sent then is not queued for it). A cheap query every
// CHECK_EVERY_MS notices a connection that died without telling. Announcing goes through the app's
// pool: NOTIFY needs no session of its own.
import type { Client, ClientConfig } from "pg";
import { NOTIFY_CHANNEL } from "./event-log";
import { Prisma, type SqlRunner } from "./sql";
import type { LiveTransport } from "./transport";

const CHECK_EVERY_MS = 10_000;
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;

export interface PgListenerOptions {
  /** Shown in pg_stat_activity, so an operator can tell this connection apart. */
  applicationName?: string;
  /** Called with each state change (tests, logs). */
  onState?: (state: "listening" | "reconnecting" | "closed", error?: unknown) => void;
}

export function pgTransport(connectionString: string, sql: SqlRunner, options: PgListenerOptions = {}): LiveTransport {
  let client: Client | null = null;
  let closed = false;
  let retryMs = RETRY_FIRST_MS;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let checkTimer: ReturnType<typeof setInterval> | null = null;
  let connectedOnce = false;
  let hear: (message: string) => void = () => {};
  let gap: () => void = () => {};

  const state = options.onState ?? (() => {});

  async function connect(): Promise<void> {
    if (closed) return;
    const { default: pg } = await import("pg");
    const config: ClientConfig = {
      connectionString,
      application_name: options.applicationName ?? "parallel-live",
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    };
    const next = new pg.Client(config);
    // An error on an idle client would otherwise be thrown at the process.
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next));
    next.on("notification", (message) => {
      if (message.channel === NOTIFY_CHANNEL && message.payload) hear(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      next.removeAllListeners("end");
      next.end().catch(() => {});
      retry(error);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    retryMs = RETRY_FIRST_MS;
    state("listening");
    // Anything announced while no connection listened is in the log: the hub reads from where it was.
    if (connectedOnce) gap();
    connectedOnce = true;
  }

  function lost(which: Client, error?: unknown) {
    if (client !== which) return;
    client = null;
    which.removeAllListeners("end");
    which.end().catch(() => {});
    retry(error);
  }

  function retry(error?: unknown) {
    if (closed || retryTimer) return;
    state("reconnecting", error);
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, wait);
    retryTimer.unref?.();
  }

  return {
    async start(h, g) {
      hear = h;
      gap = g;
      await connect();
      checkTimer = setInterval(() => {
        const current = client;
        if (!current) return;
        current.query("SELECT 1").catch((error) => lost(current, error));
      }, CHECK_EVERY_MS);
      checkTimer.unref?.();
    },
    async announce(message) {
      await sql.execute(Prisma.sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${message})`);
    },
    appended() {
      // The append's own statement notified every instance when it committed.
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (checkTimer) clearInterval(checkTimer);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners("end");
        await current.end().catch(() => {});
      }
      state("closed");
    },
  };
}
