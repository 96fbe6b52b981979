// A fresh database for the run (a SQLite file, or with `databaseUrl` an empty PostgreSQL database): migrated and seeded like a first start, an owner with an API
// token and a browser session, and the generated 10,000-paragraph document.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { APP_PORT, DOCUMENT, OUT_DIR, OWNER, TARGET_LANGS } from "./config";
import { generateDocument } from "./generate-document";

export interface BenchData {
  dbPath: string;
  databaseUrl: string;
  documentId: string;
  userId: string;
  token: string;
  /** "parallel.session_token=…" as a browser would send it. */
  sessionCookie: { name: string; value: string };
  /** Segment ids in document order. */
  segmentIds: string[];
  sourceBytes: number;
  listItems: number;
  setupMs: number;
}

/** A fresh database in bench/out/<file> (or at `databaseUrl`) with the generated document of `paragraphs`. */
export async function setupDatabase({
  file = "bench.db",
  paragraphs = DOCUMENT.paragraphs,
  databaseUrl: givenUrl,
}: {
  file?: string;
  paragraphs?: number;
  databaseUrl?: string;
} = {}): Promise<BenchData> {
  const started = performance.now();
  const dbPath = path.join(OUT_DIR, file);
  if (!givenUrl) for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbPath + suffix, { force: true });
  const databaseUrl = givenUrl ?? `file:${dbPath}`;
  // lib/db/client.ts and lib/auth/auth.ts read these on first use.
  process.env.DATABASE_URL = databaseUrl;
  process.env.PORT = String(APP_PORT);

  const { prepareDatabase } = await import("../lib/startup/prepare-database");
  await prepareDatabase(databaseUrl);
  const { getDb } = await import("../lib/db/client");
  const { createFirstOwner } = await import("../lib/auth/users");
  const { createApiToken } = await import("../lib/auth/tokens");
  const { createDocument } = await import("../lib/documents/create-document");
  const db = getDb();

  const owner = await createFirstOwner(db, OWNER);
  const project = await db.project.findFirstOrThrow({ include: { languages: true } });
  const langs = project.languages.map((l) => l.lang);
  for (const lang of TARGET_LANGS) {
    if (!langs.includes(lang)) throw new Error(`the demo project has no target language ${lang}`);
  }
  const { token } = await createApiToken(db, owner.id, "bench");

  // The same density of text per paragraph whatever their number.
  const bytes = Math.round((DOCUMENT.targetBytes * paragraphs) / DOCUMENT.paragraphs);
  const doc = generateDocument(paragraphs, bytes, DOCUMENT.seed);
  const documentId = await createDocument(db, {
    projectId: project.id,
    title: `Benchmark: ${paragraphs.toLocaleString("en")} paragraphs`,
    segments: doc.segments,
    targetLangs: TARGET_LANGS,
    createdById: owner.id,
  });
  const segments = await db.segment.findMany({
    where: { documentId },
    orderBy: { position: "asc" },
    select: { id: true },
  });

  const { getAuth } = await import("../lib/auth/auth");
  const auth = await getAuth();
  const res = await auth.api.signInEmail({
    body: { email: OWNER.email, password: OWNER.password },
    asResponse: true,
  });
  const pair = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  const eq = pair.indexOf("=");
  if (!res.ok || eq < 0) throw new Error(`signing in the bench owner failed: HTTP ${res.status}`);
  const sessionCookie = { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  if (!givenUrl && !existsSync(dbPath)) throw new Error(`no database at ${dbPath}`);

  return {
    dbPath,
    databaseUrl,
    documentId,
    userId: owner.id,
    token,
    sessionCookie,
    segmentIds: segments.map((s) => s.id),
    sourceBytes: doc.bytes,
    listItems: doc.listItems,
    setupMs: performance.now() - started,
  };
}
