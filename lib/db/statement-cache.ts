// better-sqlite3 compiles a statement on every prepare(), and Prisma's SQLite adapter (pinned at
// 7.10.0) prepares every query it runs and drops the statement afterwards. For a save, compiling
// its one UPDATE (with the revision trigger and permission checks) is a fifth of the server's CPU
// (bench/). This keeps the compiled statements of the client's connection by SQL text. A
// better-sqlite3 statement's bind() is permanent, so the adapter gets a one-use view of the cached
// statement that passes its arguments at execution instead; the view offers exactly what the
// adapter calls (bind, reader, columns, raw().all, run) and what sqlite-adapter.ts asks (readonly),
// so an adapter update that calls anything else fails loudly in every test rather than silently.
import type { Database, Statement } from "better-sqlite3";

/** Distinct SQL texts kept; bulk inserts of varying sizes come and go, the hot statements stay. */
const MAX_STATEMENTS = 300;

class OneUse {
  private args: unknown[] = [];
  constructor(private readonly statement: Statement) {}
  bind(args: unknown[]) {
    this.args = args;
    return this;
  }
  get reader() {
    return this.statement.reader;
  }
  get readonly() {
    return this.statement.readonly;
  }
  columns() {
    return this.statement.columns();
  }
  run() {
    return this.statement.run(this.args);
  }
  raw() {
    const statement = this.statement.raw(true);
    return { all: () => statement.all(this.args) };
  }
}

/** Makes `db.prepare` answer from a cache of compiled statements (least recently used go first). */
export function cacheStatements(db: Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  const cached = (sql: string): OneUse => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return new OneUse(statement);
  };
  db.prepare = cached as unknown as Database["prepare"];
}
