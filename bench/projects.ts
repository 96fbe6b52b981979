// Projects and documents (issue #13) on a real SQLite file, in process (the domain functions the
// routes and pages call, no HTTP): what a team does in its first hour, at the sizes a busy
// installation reaches.
//  - home page: the projects list of a member of PROJECTS projects with DOCS documents each (the
//    query the page renders from: names, roles, languages, last activity, every document's progress);
//  - update the source of the 10,000-paragraph document: the preview (dry run: parse, match, count)
//    and the apply (one transaction) of a version with ~1 % changed, ~0.5 % added, ~0.5 % removed;
//  - split and merge near the start of that document (every paragraph after it renumbered), the undo
//    of each, and reading one paragraph back as an open editor does after a live event;
//  - move a document to the trash and restore it; the same for a project.
// Issue #13 names no numbers: the targets are ours ("instant" in the product card: an action a
// person clicks answers well under 200 ms; a whole-document job in seconds). Load averages are
// printed with the table (2 cores shared by several people: timings are noisy).
// Run: npm run bench:projects   (BENCH_PROJECTS=100 BENCH_DOCS=5 BENCH_REPEAT=15 change the sizes)
import { mkdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { OUT_DIR } from "./config";
import { formatText, int, ms, Table } from "./report";
import { setupDatabase } from "./setup-db";

const PROJECTS = Number(process.env.BENCH_PROJECTS || 100);
const DOCS = Number(process.env.BENCH_DOCS || 5);
const DOC_PARAGRAPHS = 40;
const REPEAT = Number(process.env.BENCH_REPEAT || 15);
const TARGETS = { clickMs: 200, readMs: 20, homeMs: 300, previewMs: 2_000, applyMs: 5_000 };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await work();
  return [performance.now() - t0, out];
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const loadStart = loadavg();
  const data = await setupDatabase({ file: "projects.db" });
  const { getDb } = await import("../lib/db/client");
  const { createProject } = await import("../lib/projects/create-project");
  const { createDocument } = await import("../lib/documents/create-document");
  const { parseLinesText } = await import("../lib/segments/parse-text");
  const { listProjects } = await import("../lib/documents/queries");
  const { listTrashedProjects, trashProject, restoreProject } = await import("../lib/projects/trash");
  const { trashDocument, restoreDocument } = await import("../lib/documents/trash");
  const { updateSource } = await import("../lib/documents/update-source/update-source");
  const { splitSegment } = await import("../lib/segments/split");
  const { mergeWithNext } = await import("../lib/segments/merge");
  const { undoEvent } = await import("../lib/segments/undo");
  const { readParagraph } = await import("../lib/segments/read-paragraph");
  const { liveFor } = await import("../lib/live/runtime");
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: data.userId } });
  const actor = { userId: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, via: "token" as const };

  // Many projects, each with a few small documents, for the home page.
  const t0 = performance.now();
  const projectIds: string[] = [];
  for (let p = 0; p < PROJECTS; p++) {
    const { id } = await createProject(db, actor, {
      name: `Bench project ${p + 1}`,
      sourceLang: "uk",
      targetLangs: ["en", "kk"],
    });
    projectIds.push(id);
    for (let d = 0; d < DOCS; d++) {
      const lines = Array.from(
        { length: DOC_PARAGRAPHS },
        (_, i) => `Абзац ${i + 1} документа ${d + 1} проєкту ${p + 1}.`,
      );
      await createDocument(db, {
        projectId: id,
        title: `Document ${d + 1}`,
        segments: parseLinesText(lines.join("\n")),
        targetLangs: ["en", "kk"],
        createdById: actor.userId,
      });
    }
  }
  const fillMs = performance.now() - t0;

  const home: number[] = [];
  let listed = 0;
  for (let i = 0; i < REPEAT; i++) {
    const [took, projects] = await timed(async () => {
      const [list] = await Promise.all([listProjects(db, actor.userId), listTrashedProjects(db, actor)]);
      return list;
    });
    home.push(took);
    listed = projects.reduce((n, p) => n + p.documents.length, 0);
  }
  const search: number[] = [];
  for (let i = 0; i < REPEAT; i++) search.push((await timed(() => listProjects(db, actor.userId, "project 7")))[0]);

  // The big document: a new version of its source.
  const segments = await db.segment.findMany({
    where: { documentId: data.documentId },
    orderBy: { position: "asc" },
    select: { source: true },
  });
  const lines: string[] = [];
  segments.forEach((s, i) => {
    if (i % 200 === 100) return; // removed
    lines.push(i % 100 === 50 ? `${s.source} Змінено.` : s.source); // changed
    if (i % 200 === 150) lines.push(`Новий абзац ${i} про реформу державної служби.`); // added
  });
  const upload = { fileName: "bench-v2.txt", bytes: new TextEncoder().encode(lines.join("\n")) };
  const [previewMs, preview] = await timed(() => updateSource(db, actor, data.documentId, upload, { dryRun: true }));
  const [applyMs] = await timed(() => updateSource(db, actor, data.documentId, upload, { dryRun: false }));
  const total = await db.segment.count({ where: { documentId: data.documentId } });

  // Split and merge near the start (every later paragraph renumbered), each undone.
  const splits: number[] = [];
  const merges: number[] = [];
  const undos: number[] = [];
  const reads: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const target = await db.segment.findFirstOrThrow({
      where: { documentId: data.documentId, position: 10 + i },
    });
    const offset = target.source.indexOf(" ", Math.floor(target.source.length / 2));
    const [splitMs, split] = await timed(() => splitSegment(db, actor, target.id, { offset: Math.max(1, offset) }));
    splits.push(splitMs);
    reads.push((await timed(() => readParagraph(db, actor, split.newSegmentId)))[0]);
    const splitEvent = await db.documentEvent.findFirstOrThrow({
      where: { documentId: data.documentId, kind: "segment.split", undoneAt: null },
      orderBy: { createdAt: "desc" },
    });
    undos.push((await timed(() => undoEvent(db, actor, splitEvent.id)))[0]);
    const [mergeMs] = await timed(() => mergeWithNext(db, actor, target.id));
    merges.push(mergeMs);
    const mergeEvent = await db.documentEvent.findFirstOrThrow({
      where: { documentId: data.documentId, kind: "segment.merge", undoneAt: null },
      orderBy: { createdAt: "desc" },
    });
    undos.push((await timed(() => undoEvent(db, actor, mergeEvent.id)))[0]);
  }

  // Trash and restore: the big document, then a project.
  const docTrash: number[] = [];
  const docRestore: number[] = [];
  const projectTrash: number[] = [];
  const projectRestore: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    docTrash.push((await timed(() => trashDocument(db, actor, data.documentId)))[0]);
    docRestore.push((await timed(() => restoreDocument(db, actor, data.documentId)))[0]);
    const projectId = projectIds[i % projectIds.length];
    projectTrash.push((await timed(() => trashProject(db, actor, projectId)))[0]);
    projectRestore.push((await timed(() => restoreProject(db, actor, projectId)))[0]);
  }
  await liveFor(db).publisher.flush();
  const loadEnd = loadavg();

  const t = new Table();
  const p50p95 = (xs: number[]) => `p50 ${ms(quantile(xs, 0.5))} · p95 ${ms(quantile(xs, 0.95))}`;
  const under = (xs: number[], limit: number) => quantile(xs, 0.5) < limit;
  t.begin(`Home page: ${int(PROJECTS + 1)} projects, ${int(listed)} documents (filled in ${ms(fillMs)})`);
  t.check(
    "projects list with progress + trash",
    p50p95(home),
    `p50 < ${TARGETS.homeMs} ms`,
    under(home, TARGETS.homeMs),
  );
  t.check("search", p50p95(search), `p50 < ${TARGETS.homeMs} ms`, under(search, TARGETS.homeMs));
  t.begin(`Update the source: ${int(segments.length)} paragraphs, ${(upload.bytes.length / 1e6).toFixed(2)} MB`);
  t.info(
    "preview counts",
    `kept ${preview.kept} · changed ${preview.changed} · added ${preview.added} · removed ${preview.removed}`,
  );
  t.check("preview (dry run)", ms(previewMs), `< ${TARGETS.previewMs} ms`, previewMs < TARGETS.previewMs);
  t.check("apply (one transaction)", ms(applyMs), `< ${TARGETS.applyMs} ms`, applyMs < TARGETS.applyMs);
  t.begin(`Split and merge at paragraph 10+ of ${int(total)} (${REPEAT} each)`);
  t.check("split", p50p95(splits), `p50 < ${TARGETS.clickMs} ms`, under(splits, TARGETS.clickMs));
  t.check("merge", p50p95(merges), `p50 < ${TARGETS.clickMs} ms`, under(merges, TARGETS.clickMs));
  t.check("undo (of a split or a merge)", p50p95(undos), `p50 < ${TARGETS.clickMs} ms`, under(undos, TARGETS.clickMs));
  t.check(
    "read one paragraph (live follow-up)",
    p50p95(reads),
    `p50 < ${TARGETS.readMs} ms`,
    under(reads, TARGETS.readMs),
  );
  t.begin(`Trash and restore (${REPEAT} each)`);
  t.check(
    `document of ${int(total)} paragraphs to the trash`,
    p50p95(docTrash),
    `p50 < ${TARGETS.clickMs} ms`,
    under(docTrash, TARGETS.clickMs),
  );
  t.check("document restored", p50p95(docRestore), `p50 < ${TARGETS.clickMs} ms`, under(docRestore, TARGETS.clickMs));
  t.check(
    "project to the trash",
    p50p95(projectTrash),
    `p50 < ${TARGETS.clickMs} ms`,
    under(projectTrash, TARGETS.clickMs),
  );
  t.check(
    "project restored",
    p50p95(projectRestore),
    `p50 < ${TARGETS.clickMs} ms`,
    under(projectRestore, TARGETS.clickMs),
  );
  t.begin("Machine");
  t.info("cpus", `${cpus().length} × ${cpus()[0]?.model ?? "?"}`);
  t.info("load average at start (1, 5, 15 min)", loadStart.map((l) => l.toFixed(2)).join(", "));
  t.info("load average at end (1, 5, 15 min)", loadEnd.map((l) => l.toFixed(2)).join(", "));
  console.log(formatText(t));
  console.log(`\n(database: ${path.relative(process.cwd(), data.dbPath)})`);
  await db.$disconnect();
  process.exit(t.failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
