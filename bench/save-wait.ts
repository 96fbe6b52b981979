// npm run bench:wait: how long a translator's autosave waits while someone else's big job runs on the
// same server (issue 10: an autosave once waited 12 s behind a 20,000-paragraph CSV update-import).
// Starts the production server (as npm start serves, build reused unless BENCH_REBUILD=1) on
// BENCH_PORT with a generated 20,000-paragraph document, then runs five jobs one after another over
// HTTP while 20 editors each autosave their own paragraph of another document every 200 ms:
//   - an owner's update-import of the document as CSV, every paragraph changed;
//   - a translator's, whose last row asks for "approved" (now downgraded and reported);
//   - one that fails at its last row inside its transaction (a database error: a revision with the
//     number its last version would get exists already), so everything is rolled back;
//   - the CSV imported as a new document;
//   - a find-and-replace that changes every paragraph.
// For each job the table gives its duration and the wait (send → answer) of every save that overlapped
// it: p50, p99 and max. Target: no save waits more than 2 s. Also bench/out/save-wait.{json,md}.
// BENCH_WAIT_PARAGRAPHS changes the document's size.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { APP_DIR, prepareBuild } from "./build";
import { APP_PORT, HOST, OUT_DIR, OWNER } from "./config";
import { keepAliveAgent, type SaveResult, save, translationText } from "./http-client";
import { formatMarkdown, formatText, int, ms, Table } from "./report";
import { guardRun, killAllChildren, startApp, stopChild } from "./server";
import { setupDatabase } from "./setup-db";
import { sleep, summarize } from "./stats";

const PARAGRAPHS = Number(process.env.BENCH_WAIT_PARAGRAPHS || 20_000);
const EDITORS = { count: 20, periodMs: 200, leadMs: 1_000, trailMs: 500, segments: 200 };
const TARGET_MS = 2_000;
const DEADLINE_MS = 20 * 60_000;
const base = `http://${HOST}:${APP_PORT}`;

/** The version each editor's paragraph is at, across the jobs. */
const versions = new Map<string, number>();

const step = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

interface JobAnswer {
  status: number;
  detail: string;
}

/** The document and the people the jobs need, and the files they import. */
async function prepare() {
  const data = await setupDatabase({ file: "save-wait.db", paragraphs: PARAGRAPHS });
  const { getDb } = await import("../lib/db/client");
  const { createUser } = await import("../lib/auth/users");
  const { addExistingUserIn } = await import("../lib/projects/members");
  const { createApiToken } = await import("../lib/auth/tokens");
  const { createDocument } = await import("../lib/documents/create-document");
  const { exportDocument } = await import("../lib/exchange/export/index");
  const db = getDb();
  const project = await db.project.findFirstOrThrow();
  const translator = await createUser(db, {
    email: "translator@parallel.test",
    name: "Bench Translator",
    password: OWNER.password,
  });
  await db.$transaction((tx) => addExistingUserIn(tx, null, project.id, translator, "translator"));
  const translatorToken = (await createApiToken(db, translator.id, "bench")).token;
  const editorsDocument = await createDocument(db, {
    projectId: project.id,
    title: "The editors' document",
    segments: Array.from({ length: EDITORS.segments }, (_, i) => ({
      kind: "paragraph",
      source: `Абзац ${i + 1}.`,
      wordCount: 2,
    })),
    targetLangs: ["en", "kk"],
  });
  const editorSegments = (
    await db.segment.findMany({
      where: { documentId: editorsDocument },
      orderBy: { position: "asc" },
      select: { id: true },
    })
  ).map((s) => s.id);

  const exported = await exportDocument(db, data.documentId, {
    format: "csv",
    targets: ["en"],
    approvedOnly: false,
    includeNotes: false,
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of exported.body) chunks.push(chunk);
  const rows = parse(Buffer.concat(chunks).toString("utf8"), { bom: true }) as string[][];
  const [en, status] = [rows[0].indexOf("en"), rows[0].indexOf("en status")];
  /** The document as CSV with every English translation set to `prefix n`, the last row's status as given. */
  const csv = (prefix: string, lastStatus = "translated") =>
    new TextEncoder().encode(
      stringify(
        rows.map((row, i) => {
          if (i === 0) return row;
          const copy = [...row];
          copy[en] = `${prefix} ${row[0]}`;
          copy[status] = i === rows.length - 1 ? lastStatus : "translated";
          return copy;
        }),
        { bom: true, record_delimiter: "windows" },
      ),
    );
  const lastSegment = await db.segment.findFirstOrThrow({
    where: { documentId: data.documentId },
    orderBy: { position: "desc" },
  });
  return {
    data,
    db,
    translatorToken,
    editorSegments,
    csv,
    lastSegment,
    bytes: chunks.reduce((n, c) => n + c.length, 0),
  };
}

async function upload(
  token: string,
  fields: Record<string, string>,
  bytes: Uint8Array,
  projectId: string,
): Promise<JobAnswer> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new File([bytes as BlobPart], "document.csv"));
  const res = await fetch(`${base}/api/v1/projects/${projectId}/documents`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const json = (await res.json()) as { translations?: number; downgraded?: unknown[]; error?: { code: string } };
  const detail =
    res.status === 201
      ? `${int(json.translations ?? 0)} translations${json.downgraded ? `, ${json.downgraded.length} downgraded` : ""}`
      : (json.error?.code ?? "");
  return { status: res.status, detail };
}

interface Measured {
  job: string;
  jobMs: number;
  answer: JobAnswer;
  waits: number[];
  errors: number;
}

/** Runs `job` while the editors autosave; the waits of the saves that overlapped it. */
async function during(
  job: string,
  segments: string[],
  token: string,
  run: () => Promise<JobAnswer>,
): Promise<Measured> {
  const agent = keepAliveAgent(EDITORS.count);
  const target = { port: APP_PORT, token, lang: "en" };
  const saves: { sent: number; answered: number; result: SaveResult }[] = [];
  let stop = false;
  const editor = async (i: number) => {
    const segmentId = segments[i];
    let next = performance.now() + (i * EDITORS.periodMs) / EDITORS.count;
    while (!stop) {
      await sleep(Math.max(0, next - performance.now()));
      const sent = performance.now();
      const result = await save(
        agent,
        target,
        segmentId,
        translationText(i, sent),
        versions.get(segmentId) ?? 0,
        60_000,
      );
      saves.push({ sent, answered: performance.now(), result });
      if (result.version !== null) versions.set(segmentId, result.version);
      next = Math.max(next + EDITORS.periodMs, performance.now());
    }
  };
  const editors = Array.from({ length: EDITORS.count }, (_, i) => editor(i));
  await sleep(EDITORS.leadMs);
  const started = performance.now();
  const answer = await run();
  const ended = performance.now();
  await sleep(EDITORS.trailMs);
  stop = true;
  await Promise.all(editors);
  agent.destroy();
  const overlapping = saves.filter((s) => s.answered >= started && s.sent <= ended);
  return {
    job,
    jobMs: ended - started,
    answer,
    waits: overlapping.map((s) => s.answered - s.sent),
    errors: saves.filter((s) => s.result.status !== 200).length,
  };
}

async function main() {
  const started = performance.now();
  mkdirSync(OUT_DIR, { recursive: true });
  const loadAtStart = os.loadavg()[0];
  step("Checking the production build…");
  const build = await prepareBuild();
  step(`Creating the database with a ${int(PARAGRAPHS)}-paragraph document and the import files…`);
  const setup = await prepare();
  const { data, db, translatorToken, editorSegments, csv, lastSegment } = setup;
  const projectId = (await db.document.findUniqueOrThrow({ where: { id: data.documentId } })).projectId;
  step(`Starting the app on ${HOST}:${APP_PORT}…`);
  const app = await startApp(APP_DIR, APP_PORT, data.databaseUrl, path.join(OUT_DIR, "save-wait-server.log"));
  const results: Measured[] = [];
  const jobs: [string, () => Promise<JobAnswer>][] = [
    [
      "update-import, every paragraph changed (owner)",
      () => upload(data.token, { mode: "update", documentId: data.documentId }, csv("Imported"), projectId),
    ],
    [
      "update-import by a translator, last row asks for approved",
      () =>
        upload(
          translatorToken,
          { mode: "update", documentId: data.documentId },
          csv("Imported again", "approved"),
          projectId,
        ),
    ],
    [
      "update-import failing at its last row (in its transaction)",
      async () => {
        // In the way of the last paragraph's next version: the revision trigger's insert fails.
        const last = await db.translation.findUniqueOrThrow({
          where: { segmentId_lang: { segmentId: lastSegment.id, lang: "en" } },
        });
        const poison = await db.revision.create({
          data: { translationId: last.id, version: last.version + 1, text: "In the way.", status: "draft" },
        });
        try {
          return await upload(data.token, { mode: "update", documentId: data.documentId }, csv("Never"), projectId);
        } finally {
          await db.revision.delete({ where: { id: poison.id } });
        }
      },
    ],
    ["the CSV imported as a new document", () => upload(data.token, { mode: "new" }, csv("Imported"), projectId)],
    [
      "find and replace in every paragraph",
      async () => {
        const res = await fetch(`${base}/api/v1/documents/${data.documentId}/replace`, {
          method: "POST",
          headers: { authorization: `Bearer ${data.token}`, "content-type": "application/json" },
          body: JSON.stringify({ lang: "en", find: "Imported again", replace: "Replaced", apply: true }),
        });
        const json = (await res.json()) as { changes?: unknown[]; error?: { code: string } };
        return {
          status: res.status,
          detail: json.changes ? `${int(json.changes.length)} changes` : (json.error?.code ?? ""),
        };
      },
    ],
  ];
  try {
    for (const [name, run] of jobs) {
      step(`${name}…`);
      results.push(await during(name, editorSegments, data.token, run));
    }
  } finally {
    await stopChild(app);
    await db.$disconnect();
  }

  const table = new Table();
  for (const r of results) {
    const s = summarize(r.waits);
    table.begin(r.job);
    table.info("job: answer, duration", `${r.answer.status} ${r.answer.detail}, ${ms(r.jobMs)}`);
    table.info("saves answered while it ran", int(s.count));
    table.info("save wait p50", ms(s.p50));
    table.check("save wait p99", ms(s.p99), `< ${int(TARGET_MS)} ms`, s.p99 < TARGET_MS);
    table.check("save wait max", ms(s.max), `< ${int(TARGET_MS)} ms`, s.max < TARGET_MS);
    table.check("saves not answered 200", int(r.errors), "0", r.errors === 0);
  }
  table.begin("Run");
  table.info("document", `${int(PARAGRAPHS)} paragraphs, CSV ${(setup.bytes / 1e6).toFixed(1)} MB`);
  table.info("editors", `${EDITORS.count}, each saving every ${EDITORS.periodMs} ms`);
  table.info(
    "machine",
    `${os.cpus().length} CPUs, load ${loadAtStart.toFixed(2)} at start / ${os.loadavg()[0].toFixed(2)} at end`,
  );
  table.info("build served", `${build.buildId}${build.warning ? ` (${build.warning})` : ""}`);
  table.info("total time", `${((performance.now() - started) / 1000).toFixed(0)} s`);
  const title = "Save wait behind big jobs (npm run bench:wait)";
  console.log(`\n${title}\n\n${formatText(table)}\n`);
  writeFileSync(
    path.join(OUT_DIR, "save-wait.json"),
    `${JSON.stringify({ title, rows: table.rows, results }, null, 2)}\n`,
  );
  writeFileSync(path.join(OUT_DIR, "save-wait.md"), formatMarkdown(table, title, []));
}

guardRun("bench:wait", DEADLINE_MS);

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    killAllChildren();
    process.exit(2);
  });
