// For the API tests: a real database (a SQLite file, or PostgreSQL: tests/temp-db.ts) with the demo project, one user per project role plus an
// outsider, their API tokens, new documents of the demo project (newDocument), and a helper that calls a route
// handler the way Next does.
import type { Actor } from "../lib/auth/actor";
import { testDatabase } from "./temp-db";

export const PASSWORD = "correct horse battery";
const ROLES = ["translator", "reviewer", "viewer"] as const;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  body?: unknown;
  params?: Record<string, string>;
}

/** Calls a route handler directly; `body` is sent as JSON unless it is already a string. */
export async function call(handler: unknown, url: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const req = new Request(`http://localhost${url}`, { method: options.method ?? "GET", headers, body });
  const res = await (handler as Handler)(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape the route answered with.
  const json: any = text ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, json };
}

/** Sets DATABASE_URL first: lib/db/client.ts caches its client from it on first use. */
export async function createWorld() {
  const database = await testDatabase();
  process.env.DATABASE_URL = database.url;
  const { prepareDatabase } = await import("../lib/startup/prepare-database");
  await prepareDatabase();
  const { getDb } = await import("../lib/db/client");
  const { createFirstOwner, createUser } = await import("../lib/auth/users");
  const { createApiToken, revokeApiToken } = await import("../lib/auth/tokens");
  const { addExistingUserIn } = await import("../lib/projects/members");
  const { createDocument } = await import("../lib/documents/create-document");
  const { parseLinesText } = await import("../lib/segments/parse-text");
  const db = getDb();

  const owner = await createFirstOwner(db, { email: "owner@example.com", name: "Olena Owner", password: PASSWORD });
  const project = await db.project.findFirstOrThrow();
  const document = await db.document.findFirstOrThrow({ where: { projectId: project.id } });
  const segments = await db.segment.findMany({ where: { documentId: document.id }, orderBy: { position: "asc" } });
  const users = { owner } as Record<"owner" | (typeof ROLES)[number] | "outsider", typeof owner>;
  for (const role of ROLES) {
    const user = await createUser(db, { email: `${role}@example.com`, name: `A ${role}`, password: PASSWORD });
    await db.$transaction((tx) => addExistingUserIn(tx, null, project.id, user, role));
    users[role] = user;
  }
  users.outsider = await createUser(db, { email: "outsider@example.com", name: "Outsider", password: PASSWORD });

  const tokens = {} as Record<keyof typeof users, string>;
  for (const [key, user] of Object.entries(users)) {
    tokens[key as keyof typeof users] = (await createApiToken(db, user.id, key)).token;
  }
  const revoked = await createApiToken(db, users.translator.id, "old");
  await revokeApiToken(db, users.translator.id, revoked.id);

  /** The session cookie a browser would send after signing in. */
  async function signIn(email: string) {
    const { getAuth } = await import("../lib/auth/auth");
    const auth = await getAuth();
    const res = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
    const cookie = res.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
    return cookie;
  }

  /** The user of `role` as the domain functions see a caller (as with their API token). */
  function actor(role: keyof typeof users): Actor {
    const user = users[role];
    return { userId: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, via: "token" };
  }

  /** A new document of the demo project, one paragraph per line, created by the owner; its paragraphs. */
  async function newDocument(title: string, lines: string[]) {
    const id = await createDocument(db, {
      projectId: project.id,
      title,
      segments: parseLinesText(lines.join("\n")),
      targetLangs: ["en", "kk"],
      createdById: owner.id,
    });
    return db.segment.findMany({ where: { documentId: id }, orderBy: { position: "asc" } });
  }

  return {
    db,
    /** The database's provider and a folder for the test's own files. */
    database,
    project,
    document,
    segments,
    users,
    tokens,
    revokedToken: revoked.token,
    signIn,
    actor,
    newDocument,
    async cleanup() {
      // Memory units queued by saves (lib/tm/after-confirm.ts) are written before the file goes.
      await (await import("../lib/tm/after-confirm")).memoryWritesSettled();
      // Events still queued are logged, and streams end, before the file goes.
      await (await import("../lib/live/runtime")).closeLive(db);
      await db.$disconnect();
      await database.cleanup();
    },
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
