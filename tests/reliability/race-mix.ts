// The rest of issue 18's race mix, run at once with races.test.ts's writers: paragraphs split and
// merged by the owner while translators save them, the working memory written by every confirm and
// read by pre-translation (the owner's, on a document of the same sources, while translators save
// some of its paragraphs), and QA ignore marks set and taken back by several people on the same
// findings. checkMix() then asserts, from the database: every 200 is in history with its text and
// author, versions run 1..n, nothing refused left a trace, pre-translation never overwrote text,
// each confirmed paragraph is in the working memory as saved, at most one mark in force per
// finding, no orphan rows, and each document's paragraphs in positions 1..n.
import { expect } from "vitest";
import { createDocument } from "../../lib/documents/create-document";
import { memoryWritesSettled } from "../../lib/tm/after-confirm";
import type { World } from "../world";
import type { Answer, ApiClient } from "./api-server";
import { size } from "./config";
import type { Writer } from "./race-world";

const LANG = "en";
const STRUCTURE_PARAGRAPHS = 12;

export interface MixEntry {
  who: string;
  kind: "save" | "split" | "merge" | "pretranslate" | "ignore" | "unignore";
  documentId: string;
  segmentId?: string;
  text?: string;
  answer: Answer;
}

export interface Mix {
  /** races.test.ts's client: the mix's requests are sent as the writers' are, counted with theirs. */
  api: ApiClient;
  world: World;
  /** Paragraphs split and merged while saved. */
  structureId: string;
  /** The shared document's sources again, pre-translated from the working memory while saved. */
  pretranslateId: string;
  /** The shared document (races.test.ts), whose QA findings are ignored. */
  sharedId: string;
  log: MixEntry[];
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function mixDocuments(
  world: World,
  api: ApiClient,
  sharedId: string,
  sharedSources: string[],
): Promise<Mix> {
  const make = (title: string, sources: string[]) =>
    createDocument(world.db, {
      projectId: world.project.id,
      title,
      segments: sources.map((source) => ({ kind: "paragraph", source, wordCount: 6 })),
      targetLangs: ["en", "kk"],
    });
  const structureId = await make(
    "Split and merged while saved",
    Array.from(
      { length: STRUCTURE_PARAGRAPHS },
      (_, i) => `Перше речення абзацу ${i + 1}. Друге речення [52, с. ${i}].`,
    ),
  );
  const pretranslateId = await make("Pre-translated while saved", sharedSources);
  return { api, world, structureId, pretranslateId, sharedId, log: [] };
}

type Listed = { id: string; position: number; source: string; translation: { text: string; version: number } };

async function paragraphs(mix: Mix, documentId: string, token: string): Promise<Listed[]> {
  const read = await mix.api.send("GET", `/api/v1/documents/${documentId}/segments?target=${LANG}`, token);
  expect(read.status).toBe(200);
  return read.json.segments;
}

/** The owner splits a paragraph at a space near its middle, or merges one with the next, `ops` times. */
export async function structureEditor(mix: Mix, ops: number) {
  const { owner } = mix.world.tokens;
  for (let i = 0; i < ops; i++) {
    const list = await paragraphs(mix, mix.structureId, owner);
    let split = i % 2 === 0 || list.length < 4;
    let target = pick(split ? list : list.slice(0, -1));
    const middle = target.source.indexOf(" ", Math.floor(target.source.length / 2));
    // A paragraph with no space after its middle cannot be split: another one is merged instead, never
    // the last (picked from the whole list, it was once: the PostgreSQL soak's one 400 merge_last).
    if (split && middle <= 0) {
      if (list.length < 2) continue;
      split = false;
      target = pick(list.slice(0, -1));
    }
    const path = `/api/v1/segments/${target.id}/${split ? "split" : "merge"}`;
    const body = split ? { offset: middle + 1 } : undefined;
    const answer = await mix.api.send("POST", path, owner, body);
    mix.log.push({
      who: mix.world.users.owner.id,
      kind: split ? "split" : "merge",
      documentId: mix.structureId,
      segmentId: target.id,
      answer,
    });
    await pause(20);
  }
}

/** A writer saving paragraphs of `documentId` (the first `only` of them, if given), merging after a conflict. */
export async function mixSaver(mix: Mix, w: Writer, documentId: string, edits: number, only?: number) {
  let list: Listed[] = [];
  for (let k = 0; k < edits; k++) {
    if (k % 5 === 0) list = (await paragraphs(mix, documentId, w.token)).slice(0, only);
    const p = pick(list);
    const text = `m${w.n} e${k} on ${p.id.slice(-4)}`;
    const save = (t: string, baseVersion: number) =>
      mix.api.send("PUT", `/api/v1/segments/${p.id}/translations/${LANG}`, w.token, { text: t, baseVersion });
    let answer = await save(text, p.translation.version);
    mix.log.push({ who: w.userId, kind: "save", documentId, segmentId: p.id, text, answer });
    if (answer.status === 409 && answer.json.error.current) {
      answer = await save(`${text} merged`, answer.json.error.current.version);
      mix.log.push({ who: w.userId, kind: "save", documentId, segmentId: p.id, text: `${text} merged`, answer });
    }
    if (answer.status === 200) p.translation = answer.json.translation;
  }
}

/** The owner pre-translates the second document from the working memory, `runs` times. */
export async function pretranslator(mix: Mix, runs: number) {
  for (let i = 0; i < runs; i++) {
    const path = `/api/v1/documents/${mix.pretranslateId}/pretranslate`;
    const answer = await mix.api.send("POST", path, mix.world.tokens.owner, { target: LANG, apply: true });
    mix.log.push({ who: mix.world.users.owner.id, kind: "pretranslate", documentId: mix.pretranslateId, answer });
    await pause(100);
  }
}

/** Someone ignoring findings of the shared document's QA report, and taking some of their marks back. */
export async function qaIgnorer(mix: Mix, w: Writer, ops: number) {
  const mine: string[] = [];
  for (let i = 0; i < ops; i++) {
    if (mine.length > 0 && Math.random() < 0.3) {
      const id = mine.splice(Math.floor(Math.random() * mine.length), 1)[0];
      const answer = await mix.api.send("DELETE", `/api/v1/qa/ignores/${id}`, w.token);
      mix.log.push({ who: w.userId, kind: "unignore", documentId: mix.sharedId, answer });
      continue;
    }
    const report = await mix.api.send("GET", `/api/v1/documents/${mix.sharedId}/qa?target=${LANG}`, w.token);
    expect(report.status).toBe(200);
    const finding = report.json.findings.length ? pick(report.json.findings as Record<string, never>[]) : null;
    if (!finding) continue;
    const { segmentId, key, check, messageKey, params } = finding;
    const body = { key, check, messageKey, params, reason: `Checked by ${w.n}` };
    const answer = await mix.api.send(
      "POST",
      `/api/v1/segments/${segmentId}/translations/${LANG}/qa/ignores`,
      w.token,
      body,
    );
    mix.log.push({ who: w.userId, kind: "ignore", documentId: mix.sharedId, segmentId, answer });
    if (answer.status === 201) mine.push(answer.json.ignore.id);
  }
}

const STRUCTURE_OPS = size("RACE_STRUCTURE_OPS", 12, 300);
const MIX_EDITS = size("RACE_MIX_EDITS", 20, 1_000);
const PRETRANSLATIONS = size("RACE_PRETRANSLATIONS", 4, 100);
const IGNORE_OPS = size("RACE_IGNORE_OPS", 15, 500);

/** The mix's work, to run at once with the writers: some of them save here too, and mark QA findings. */
export function mixWork(mix: Mix, writers: Writer[]): Promise<void>[] {
  const translators = writers.filter((w) => w.role === "translator");
  const markers = [
    ...writers.filter((w) => w.role === "reviewer").slice(0, 2),
    ...translators.slice(-2),
    ...writers.filter((w) => w.role === "viewer").slice(0, 1),
  ];
  return [
    structureEditor(mix, STRUCTURE_OPS),
    ...translators.slice(0, 4).map((w) => mixSaver(mix, w, mix.structureId, MIX_EDITS)),
    pretranslator(mix, PRETRANSLATIONS),
    ...translators.slice(4, 7).map((w) => mixSaver(mix, w, mix.pretranslateId, MIX_EDITS, 10)),
    ...markers.map((w) => qaIgnorer(mix, w, IGNORE_OPS)),
  ];
}

/** What each kind may answer; anything else (a 500 above all) fails the test. */
const ALLOWED: Record<MixEntry["kind"], number[]> = {
  save: [200, 403, 404, 409],
  split: [200, 409],
  merge: [200, 409],
  pretranslate: [200],
  ignore: [201, 403, 409],
  unignore: [200, 403, 409],
};

export async function checkMix(mix: Mix): Promise<Record<string, number>> {
  const { db } = mix.world;
  const counts: Record<string, number> = {};
  for (const e of mix.log) counts[`${e.kind} ${e.answer.status}`] = (counts[`${e.kind} ${e.answer.status}`] ?? 0) + 1;
  const unexpected = mix.log.filter((e) => !ALLOWED[e.kind].includes(e.answer.status));
  expect(unexpected.map((e) => `${e.kind} ${e.answer.status} ${e.answer.text.slice(0, 200)}`)).toEqual([]);
  for (const e of mix.log.filter((x) => x.answer.status >= 400)) expect(e.answer.json.error.message).toBeTruthy();
  // A save refused as not found is one of a paragraph merged away meanwhile: it is in the bin.
  for (const e of mix.log.filter((x) => x.answer.status === 404)) {
    expect(e.documentId).toBe(mix.structureId);
    expect(await db.trashedSegment.count({ where: { segmentId: e.segmentId, documentId: mix.structureId } })).toBe(1);
  }
  expect(counts["split 200"] ?? 0).toBeGreaterThan(0);
  expect(counts["merge 200"] ?? 0).toBeGreaterThan(0);

  for (const documentId of [mix.structureId, mix.pretranslateId]) {
    const live = await db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
    expect(live.map((s) => s.position)).toEqual(live.map((_, i) => i + 1));
    const binned = await db.trashedSegment.findMany({ where: { documentId }, select: { segmentId: true } });
    const ids = [...live.map((s) => s.id), ...binned.map((b) => b.segmentId)];
    const accepted = mix.log.filter((e) => e.kind === "save" && e.documentId === documentId && e.answer.status === 200);
    const translations = await db.translation.findMany({
      where: { segmentId: { in: ids }, lang: LANG },
      include: { revisions: { orderBy: { version: "asc" } } },
    });
    for (const t of translations) {
      expect(t.revisions.map((r) => r.version)).toEqual(Array.from({ length: t.version }, (_, i) => i + 1));
      expect(t.text).toBe(t.revisions.at(-1)?.text ?? "");
      const mine = accepted.filter((e) => e.segmentId === t.segmentId);
      const byVersion = new Map(t.revisions.map((r) => [r.version, r]));
      for (const e of mine)
        expect(byVersion.get(e.answer.json.translation.version)).toMatchObject({ text: e.text, authorId: e.who });
      // Nothing refused was written: the writers' revisions are exactly their accepted saves.
      expect(t.revisions.filter((r) => r.authorId !== mix.world.users.owner.id).length).toBe(mine.length);
      // Pre-translation only ever fills an empty translation.
      if (documentId === mix.pretranslateId)
        for (const r of t.revisions.filter((x) => x.authorId === mix.world.users.owner.id))
          expect(byVersion.get(r.version - 1)?.text.trim() ?? "").toBe("");
    }
  }
  // The last run, after every confirm reached the memory, leaves no paragraph empty that the memory
  // holds a translation of: it fills them, unless a run during the race or the server's repetitions of
  // a confirm in the same document (lib/tm/propagate.ts) already did.
  await memoryWritesSettled();
  await pretranslator(mix, 1);
  expect(mix.log.at(-1)?.answer.status).toBe(200);
  const remembered = new Set(
    (await db.memoryUnit.findMany({ where: { targetLang: LANG }, select: { source: true } })).map((u) => u.source),
  );
  const paragraphs = await db.segment.findMany({
    where: { documentId: mix.pretranslateId },
    select: { source: true, translations: { where: { lang: LANG }, select: { text: true } } },
  });
  const rememberedParagraphs = paragraphs.filter((p) => remembered.has(p.source));
  expect(rememberedParagraphs.length).toBeGreaterThan(0);
  expect(rememberedParagraphs.filter((p) => !p.translations[0]?.text.trim()).map((p) => p.source)).toEqual([]);
  await checkMemory(mix);
  await checkIgnores(mix);
  await checkNoOrphans(mix);
  return counts;
}

/** Each shared paragraph whose newest version is a writer's confirm is in the working memory as saved. */
async function checkMemory(mix: Mix) {
  const { db } = mix.world;
  const memory = await db.memory.findUniqueOrThrow({ where: { workingOf: mix.world.project.id } });
  const shared = await db.translation.findMany({
    where: { documentId: mix.sharedId, lang: LANG, status: { in: ["translated", "reviewed", "approved"] } },
    include: { segment: true, revisions: { orderBy: { version: "desc" }, take: 1 } },
  });
  let checked = 0;
  for (const t of shared) {
    if (t.revisions[0]?.authorId === mix.world.users.owner.id) continue; // a replace or an import came last
    const unit = await db.memoryUnit.findFirst({
      where: { memoryId: memory.id, kind: "paragraph", targetLang: LANG, originSegmentId: t.segmentId },
      orderBy: { id: "desc" },
    });
    expect(unit, t.text).toMatchObject({ source: t.segment.source, target: t.text });
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
  const twice = await db.$queryRaw<{ n: number }[]>`
    SELECT COUNT(*) AS n FROM (SELECT 1 FROM "MemoryUnit" WHERE "memoryId" = ${memory.id}
     GROUP BY "kind", "sourceHash", "targetLang", "sentenceIndex" HAVING COUNT(*) > 1) dup`;
  expect(Number(twice[0].n)).toBe(0);
}

/** At most one mark in force per finding; every mark answered 201 is stored, every one taken back is. */
async function checkIgnores(mix: Mix) {
  const { db } = mix.world;
  const open = await db.qaIgnore.groupBy({
    by: ["segmentId", "lang", "findingKey"],
    where: { documentId: mix.sharedId, unignoredAt: null },
    _count: { _all: true },
  });
  expect(open.filter((g) => g._count._all > 1)).toEqual([]);
  for (const e of mix.log.filter((x) => x.kind === "ignore" && x.answer.status === 201))
    expect(await db.qaIgnore.count({ where: { id: e.answer.json.ignore.id, createdById: e.who } })).toBe(1);
  for (const e of mix.log.filter((x) => x.kind === "unignore" && x.answer.status === 200)) {
    const row = await db.qaIgnore.findUniqueOrThrow({ where: { id: e.answer.json.ignore.id } });
    expect(row.unignoredAt).not.toBeNull();
  }
}

/** No row pointing at what is not there, nor at another document than its paragraph's. */
async function checkNoOrphans(mix: Mix) {
  const { db } = mix.world;
  const rows = await db.$queryRaw<{ what: string; n: number }[]>`
    SELECT 'revision' AS what, COUNT(*) AS n FROM "Revision" r
      WHERE NOT EXISTS (SELECT 1 FROM "Translation" t WHERE t."id" = r."translationId")
    UNION ALL SELECT 'translation', COUNT(*) FROM "Translation" t
      WHERE NOT EXISTS (SELECT 1 FROM "Segment" s WHERE s."id" = t."segmentId" AND s."documentId" = t."documentId")
    UNION ALL SELECT 'note', COUNT(*) FROM "Note" n
      WHERE NOT EXISTS (SELECT 1 FROM "Segment" s WHERE s."id" = n."segmentId")
    UNION ALL SELECT 'ignore', COUNT(*) FROM "QaIgnore" q
      WHERE NOT EXISTS (SELECT 1 FROM "Segment" s WHERE s."id" = q."segmentId" AND s."documentId" = q."documentId")
    UNION ALL SELECT 'memory origin', COUNT(*) FROM "MemoryUnit" m
      WHERE m."originSegmentId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Segment" s WHERE s."id" = m."originSegmentId")
    UNION ALL SELECT 'trashed', COUNT(*) FROM "TrashedSegment" b
      WHERE NOT EXISTS (SELECT 1 FROM "Segment" s WHERE s."id" = b."segmentId")`;
  expect(rows.filter((r) => Number(r.n) > 0).map((r) => `${r.what}: ${r.n}`)).toEqual([]);
}
