// The permission matrix's table runner (tests/permission-matrix*.test.ts). A table's rows are what is
// asked; each row has its answer per caller written out, and one loop asks every row as every caller
// and names the caller and the row when an answer differs. The answers are written in the tables,
// never derived from lib/auth/permissions.ts, so a change to the rules has to change a table too.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "../lib/auth/actor";
import { call, createWorld, type World } from "./world";

export type Who = "owner" | "translator" | "reviewer" | "viewer" | "outsider" | "anonymous";
export const everyone: Who[] = ["owner", "translator", "reviewer", "viewer", "outsider", "anonymous"];
export type Answers = Record<Who, number>;

/** The caller order for a row where the owner's success would change what the others meet: the owner last. */
export const ownerLast: Who[] = [...everyone.filter((w) => w !== "owner"), "owner"];

// The answers most rows share. Strangers to the project always get 404 (it leaves no trace), and a
// caller with no session or token 401.
/** Every member of the project. */
export const members = (ok: number): Answers => ({
  owner: ok,
  translator: ok,
  reviewer: ok,
  viewer: ok,
  outsider: 404,
  anonymous: 401,
});
/** Whoever edits translations: owners and translators. */
export const editors = (ok: number): Answers => ({ ...members(ok), reviewer: 403, viewer: 403 });
/** Whoever comments: every member but viewers. */
export const commenters = (ok: number): Answers => ({ ...members(ok), viewer: 403 });
/** Whoever reviews: owners and reviewers. */
export const reviewers = (ok: number): Answers => ({ ...members(403), owner: ok, reviewer: ok });
/** Owners only. */
export const ownersOnly = (ok: number): Answers => ({ ...members(403), owner: ok });
/** Anyone signed in, member or not. */
export const signedInAnyone = (ok: number): Answers => ({ ...members(ok), outsider: ok });

export interface Row {
  /** What is asked; a failure names it with the caller. */
  action: string;
  expected: Answers;
  /** Asks as `who` (the i-th caller to ask) and gives the HTTP status, or a domain error's (statusOf). */
  ask(who: Who, i: number): Promise<number>;
}

export interface Table {
  rows: Row[];
  /** The callers in the order they ask (default everyone). */
  order?: Who[];
  /** Before each caller's rows (e.g. approve the paragraph again). */
  beforeEach?(who: Who, i: number): Promise<void>;
  /** After each caller's rows (e.g. put their address back). */
  afterEach?(who: Who, i: number): Promise<void>;
  /** Once everyone has asked: what must hold afterwards. */
  after?(): Promise<void>;
}

/**
 * Asks the rows as each caller in turn (one caller's rows in order, so a row may use what the row
 * before it did for the same caller) and checks every answer.
 */
export async function expectTable(table: Table): Promise<void> {
  for (const [i, who] of (table.order ?? everyone).entries()) {
    await table.beforeEach?.(who, i);
    for (const row of table.rows) {
      const got = await row.ask(who, i);
      expect([who, row.action, got]).toEqual([who, row.action, row.expected[who]]);
    }
    await table.afterEach?.(who, i);
  }
  await table.after?.();
}

/** A test of its own for one table, made (with what it needs first) when the test runs. */
export function matrix(name: string, table: () => Table | Promise<Table>): void {
  it(name, async () => expectTable(await table()));
}

/**
 * The test world of a matrix file (tests/world.ts: a user per role, an outsider, their tokens), made
 * before its tests and removed after them. `world` reads through to it once made, so a table written
 * at the top of a file can name it.
 */
export function matrixWorld() {
  let made: World | undefined;
  beforeAll(async () => {
    made = await createWorld();
  });
  afterAll(() => made?.cleanup());
  const current = () => {
    if (!made) throw new Error("the matrix world is made in beforeAll: read it inside a test or hook");
    return made;
  };
  const world = new Proxy({} as World, { get: (_, key) => Reflect.get(current(), key) });
  /** The caller's API token; none for the anonymous caller. */
  const token = (who: Who) => (who === "anonymous" ? undefined : current().tokens[who]);
  /** The caller as the domain functions see it (as with their API token); null for the anonymous one. */
  const actorOf = (who: Who): Actor | null =>
    who === "anonymous"
      ? null
      : { userId: world.users[who].id, name: who, email: world.users[who].email, isAdmin: false, via: "token" };
  /** Saves a translation through the route as `who`, on top of the version stored now. */
  async function put(who: Who, segmentId: string, body: Record<string, unknown>, lang = "en") {
    const route = await import("../app/api/v1/segments/[segmentId]/translations/[lang]/route");
    return call(route.PUT, `/api/v1/segments/${segmentId}/translations/${lang}`, {
      method: "PUT",
      token: token(who),
      params: { segmentId, lang },
      body: { baseVersion: await version(segmentId, lang), ...body },
    });
  }
  /** The stored version of a translation. */
  async function version(segmentId: string, lang = "en") {
    const where = { segmentId_lang: { segmentId, lang } };
    return (await world.db.translation.findUniqueOrThrow({ where })).version;
  }
  return { world, token, actorOf, put, version };
}

/** A domain function's outcome as the HTTP status a route would give it. */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
    return 200;
  } catch (error) {
    return (error as { status?: number }).status ?? 500;
  }
}
