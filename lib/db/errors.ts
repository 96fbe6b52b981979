/** A problem with the database setup that the person running the app must fix; the message says how. */
export class DatabaseSetupError extends Error {
  constructor(
    readonly code:
      | "bad_url"
      | "bad_admin"
      | "bad_setup_code"
      | "busy"
      | "not_writable"
      | "newer_than_code"
      | "migration_failed"
      | "unsupported"
      | "unreachable",
    message: string,
  ) {
    super(message);
    this.name = "DatabaseSetupError";
  }
}

// What SQLite and PostgreSQL say when the disk under the database is full or cannot be written:
// SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR; PostgreSQL's disk_full (53100) and io_error (58030).
const STORAGE_TROUBLE =
  /database or disk is full|SQLITE_(?:FULL|READONLY|IOERR)|readonly database|disk I\/O error|No space left on device|ENOSPC|EROFS|read-only file system|could not extend file|\b53100\b|\b58030\b/i;

/**
 * Whether a failed query failed because the database's storage is full or read-only: the request was
 * fine and nothing was written, so it is answered 503 and may be sent again (found by issue 18's
 * disk test: it was a 500). The driver's words sit in the error, its cause or Prisma's meta.
 */
export function isStorageUnavailable(error: unknown): boolean {
  for (const x of errorChain(error)) {
    const text = `${String(x.message ?? "")} ${String(x.code ?? "")} ${x.meta ? JSON.stringify(x.meta) : ""}`;
    if (STORAGE_TROUBLE.test(text)) return true;
  }
  return false;
}

interface ErrorLink {
  message?: unknown;
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  meta?: { driverAdapterError?: unknown };
  cause?: unknown;
  driverAdapterError?: unknown;
}

/** An error and what it wraps: Prisma's meta.driverAdapterError, a driver's driverAdapterError, or its cause. */
function* errorChain(error: unknown, depth = 6): Generator<ErrorLink> {
  for (let e: unknown = error, n = 0; e && typeof e === "object" && n < depth; n++) {
    const x = e as ErrorLink;
    yield x;
    e = x.meta?.driverAdapterError ?? x.driverAdapterError ?? x.cause;
  }
}

/**
 * Whether a write was refused by a unique key: Prisma's P2002 from its own queries, or the driver's
 * UniqueConstraintViolation inside a raw statement's P2010 (either database).
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

/**
 * Whether a query or transaction never got a connection in time: Prisma's P2024 (the pool had none free)
 * or P2028 (an interactive transaction waited past its maxWait for a connection, or SQLite's one writer,
 * or ran past its timeout and was rolled back). Nothing was written, so it is answered 503 and may be
 * sent again; found by the race suite on PostgreSQL, where a split waited past the 2 s default with 50
 * writers on a pool of 10 and was answered 500.
 */
export function isWaitExceeded(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2024" || code === "P2028";
}

// Prisma's codes for a database it cannot get a session on: P1000 authentication failed, P1001 cannot
// reach the server, P1002 timed out, P1010 access denied, P1011 TLS, P1017 the server closed the connection.
const UNREACHABLE_CODES = new Set(["P1000", "P1001", "P1002", "P1010", "P1011", "P1017"]);
// The driver adapters' kinds for the same (@prisma/adapter-pg's convertDriverError).
const UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseAccessDenied",
  "DatabaseDoesNotExist",
  "AuthenticationFailed",
  "ConnectionClosed",
  "SocketTimeout",
  "TlsConnectionError",
  "TooManyConnections",
]);
// PostgreSQL's connection exceptions (class 08), its shutdowns and start-up (57P01–57P03), and what node-pg
// and SQLite say when there is no connection or no file to open.
const UNREACHABLE_TEXT =
  /\b(?:08(?:000|001|003|004|006|007|P01)|57P0[123])\b|Connection terminated|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|Can't reach database server|Server has closed the connection|SQLITE_CANTOPEN|unable to open database file/i;

/**
 * Whether a query failed because this instance cannot reach its database at all (PostgreSQL down,
 * the network between them cut, its role refused, its connections killed): the request was fine and
 * nothing was written, so it is answered 503 and may be sent again. Was a 500 (issue 17's
 * two-instance test, cutting instance B off from PostgreSQL).
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (const x of errorChain(error)) {
    if (typeof x.code === "string" && UNREACHABLE_CODES.has(x.code)) return true;
    if (typeof x.kind === "string" && UNREACHABLE_KINDS.has(x.kind)) return true;
    const text = `${String(x.message ?? "")} ${String(x.code ?? "")} ${String(x.originalCode ?? "")}`;
    if (UNREACHABLE_TEXT.test(text)) return true;
  }
  return false;
}
