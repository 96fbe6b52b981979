// Where the time goes, measured in this process without HTTP or Next: each step of one save as
// saveTranslation (lib/translations/save.ts) and the request pipeline (lib/api/pipeline.ts) take them, against the
// bench database; the SQL one save runs; the same write with better-sqlite3 directly; and the editor
// page's reads.
import Database from "better-sqlite3";
import { PHASES } from "./config";
import type { BenchData } from "./setup-db";
import { median } from "./stats";

export interface PhaseTiming {
  name: string;
  /** Median milliseconds of one call. */
  ms: number;
}

async function time(name: string, fn: (i: number) => Promise<unknown> | unknown): Promise<PhaseTiming> {
  for (let i = 0; i < PHASES.warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < PHASES.iterations; i++) {
    const started = performance.now();
    await fn(PHASES.warmup + i);
    samples.push(performance.now() - started);
  }
  return { name, ms: median(samples) };
}

/** Uses segments that the load tests never touch (the last ones of the document). */
export async function measureSavePhases(data: BenchData): Promise<PhaseTiming[]> {
  const { getDb } = await import("../lib/db/client");
  const { userForToken } = await import("../lib/auth/tokens");
  const { actorFromHeaders, signedIn } = await import("../lib/auth/actor");
  const { loadSaveContext } = await import("../lib/translations/save-context");
  const { saveTranslation } = await import("../lib/translations/save");
  const { SaveTranslationInput } = await import("../lib/translations/validation");
  const db = getDb();
  const headers = new Headers({ authorization: `Bearer ${data.token}` });
  const actor = await actorFromHeaders(db, headers);
  if (!actor) throw new Error("the bench token was refused");
  const n = data.segmentIds.length;
  // The last 500 paragraphs: the load tests use the first 1,100.
  const firstSaves = data.segmentIds.slice(n - 400, n - 400 + PHASES.warmup + PHASES.iterations);
  const segSave = data.segmentIds[n - 2];
  const segRoute = data.segmentIds[n - 3];
  const segRaw = data.segmentIds[n - 4];
  const segPipeline = data.segmentIds[n - 5];

  const out: PhaseTiming[] = [];
  out.push(await time("one trivial query (SELECT 1 through Prisma)", () => db.$queryRaw`SELECT 1`));
  out.push(
    await time("validation (zod)", () =>
      SaveTranslationInput.parse({ segmentId: segSave, lang: "en", text: "A draft.", baseVersion: 1 }),
    ),
  );
  out.push(await time("actor: token → user", () => userForToken(db, data.token)));
  out.push(await time("save context (one query)", (i) => loadSaveContext(db, actor.userId, firstSaves[i], "en")));
  out.push(
    await time("first save of a paragraph (context + UPDATE)", (i) =>
      saveTranslation(db, actor, { segmentId: firstSaves[i], lang: "en", text: `First ${i}.`, baseVersion: 0 }),
    ),
  );
  let saveVersion = 0;
  out.push(
    await time("saveTranslation, later saves (one UPDATE)", async (i) => {
      const saved = await saveTranslation(db, actor, {
        segmentId: segSave,
        lang: "en",
        text: `Save ${i}.`,
        baseVersion: saveVersion,
      });
      saveVersion = saved.version;
    }),
  );
  let routeVersion = 0;
  out.push(
    await time("actor + saveTranslation (the route without HTTP)", async (i) => {
      const who = signedIn(await actorFromHeaders(db, headers));
      const saved = await saveTranslation(db, who, {
        segmentId: segRoute,
        lang: "en",
        text: `Route ${i}.`,
        baseVersion: routeVersion,
      });
      routeVersion = saved.version;
    }),
  );
  const { handle } = await import("../lib/api/pipeline");
  const { saveTranslationEndpoint } = await import("../lib/api/endpoints/translations");
  let pipelineVersion = 0;
  out.push(
    await time("the request pipeline in-process (body, actor, checks, save, answer)", async (i) => {
      const body = Buffer.from(JSON.stringify({ text: `Pipeline ${i}.`, baseVersion: pipelineVersion }));
      const answer = await handle(
        saveTranslationEndpoint,
        {
          method: "PUT",
          url: new URL(`http://localhost/api/v1/segments/${segPipeline}/translations/en`),
          headers,
          webHeaders: () => headers,
          body: (async function* () {
            yield body;
          })(),
          host: "localhost",
        },
        { segmentId: segPipeline, lang: "en" },
      );
      if (answer.status !== 200) throw new Error(`the pipeline answered ${answer.status}`);
      pipelineVersion = (answer.body as { json: { translation: { version: number } } }).json.translation.version;
    }),
  );
  out.push(await time("the same write with better-sqlite3 directly", rawWriter(data.dbPath, segRaw, actor.userId)));

  // The SQL of one save (actor + saveTranslation), counted and timed inside better-sqlite3.
  const meter = meterSqlite();
  const perSave: SqlMeter[] = [];
  for (let i = 0; i < 100; i++) {
    meter.reset();
    const who = signedIn(await actorFromHeaders(db, headers));
    const saved = await saveTranslation(db, who, {
      segmentId: segRoute,
      lang: "en",
      text: `SQL ${i}.`,
      baseVersion: routeVersion,
    });
    routeVersion = saved.version;
    perSave.push({ ...meter.counts });
  }
  meter.restore();
  out.push({
    name: "  of which SQLite: execute (statements come compiled from the cache)",
    ms: median(perSave.map((m) => m.executeMs)),
  });
  out.push({ name: "  SQL statements per save (count)", ms: median(perSave.map((m) => m.statements)) });
  return out;
}

interface SqlMeter {
  statements: number;
  executeMs: number;
}

/**
 * Counts and times better-sqlite3's statement executions in this process until restored. (Compiling
 * is not seen here: lib/db/statement-cache.ts keeps the compiled statements.)
 */
function meterSqlite() {
  const counts: SqlMeter = { statements: 0, executeMs: 0 };
  const probe = new Database(":memory:");
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  const stmtProto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as any;
  probe.close();
  const originals: [object, string, unknown][] = [];
  const wrap = (proto: Record<string, unknown>, name: string, onTime: (ms: number) => void) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    originals.push([proto, name, original]);
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        onTime(performance.now() - started);
      }
    };
  };
  for (const name of ["run", "all", "get"]) {
    wrap(stmtProto, name, (ms) => {
      counts.statements++;
      counts.executeMs += ms;
    });
  }
  return {
    counts,
    reset() {
      counts.statements = 0;
      counts.executeMs = 0;
    },
    restore() {
      for (const [proto, name, original] of originals) (proto as Record<string, unknown>)[name] = original;
    },
  };
}

/** The editor page's reads in this process: getDocument + getEditorRows for the whole document. */
export async function measureEditorQuery(data: BenchData): Promise<{ ms: number; rows: number; jsonBytes: number }> {
  const { getDb } = await import("../lib/db/client");
  const { getDocument, getEditorRows } = await import("../lib/documents/queries");
  const db = getDb();
  const samples: number[] = [];
  let rows: Awaited<ReturnType<typeof getEditorRows>> = [];
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    await getDocument(db, data.documentId);
    rows = await getEditorRows(db, data.documentId, ["en"]);
    if (i > 0) samples.push(performance.now() - started);
  }
  return { ms: median(samples), rows: rows.length, jsonBytes: Buffer.byteLength(JSON.stringify(rows)) };
}

function rawWriter(dbPath: string, segmentId: string, userId: string) {
  const sqlite = new Database(dbPath, { timeout: 10_000 });
  const find = sqlite.prepare(`SELECT id, version FROM "Translation" WHERE segmentId = ? AND lang = ?`);
  // The database's trigger writes the revision, as it does for the app.
  const update = sqlite.prepare(
    `UPDATE "Translation" SET text = ?, status = ?, version = version + 1, updatedById = ?, updatedAt = ? WHERE id = ? AND version = ?`,
  );
  const write = (id: string, version: number, text: string) => {
    const now = new Date().toISOString().replace("Z", "+00:00");
    if (update.run(text, "draft", userId, now, id, version).changes !== 1) throw new Error("unexpected conflict");
  };
  return (i: number) => {
    const row = find.get(segmentId, "en") as { id: string; version: number };
    write(row.id, row.version, `Raw ${i}.`);
  };
}
