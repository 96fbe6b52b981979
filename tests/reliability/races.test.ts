// Issue 18, races: `WRITERS` API tokens edit the same PARAGRAPHS paragraphs at once over real HTTP
// (every endpoint of the registry, lib/server/node-route.ts), mixed with review decisions, notes,
// find-and-replace and an update-import by the owner. Afterwards, from the database itself: every
// 200 is in the history with its text and author, nothing refused left a trace, versions run 1..n
// without gaps or duplicates, each paragraph's text is its last accepted write, no 500 anywhere.
// CI: 50 writers × RACE_EDITS (20) edits; the soak: 50 × 1,000 (tests/reliability/config.ts).
// At the same time, race-mix.ts: paragraphs split and merged while saved, the working memory written
// by confirms and read by pre-translation, QA ignore marks; checked by its checkMix().

import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBytes } from "../fixtures/import-world";
import { testProvider } from "../temp-db";
import { createWorld, type World } from "../world";
import { type Answer, type ApiClient, type ApiServer, apiClient, startApiServer } from "./api-server";
import { SOAK, size } from "./config";
import { checkMix, type Mix, mixDocuments, mixWork } from "./race-mix";
import { addWriters, sharedDocument, type Writer } from "./race-world";
import { recordResult } from "./report";

// At soak size a writer's token makes well over the default 600 requests a minute, and a 429 is not the
// race under test: the per-token limit has its own test (token-rate.test.ts).
process.env.PARALLEL_TOKEN_RATE_PER_MINUTE = "0";
const WRITERS = size("RACE_WRITERS", 50, 50);
const EDITS = size("RACE_EDITS", 20, 1_000);
const PARAGRAPHS = 20;
const REPLACES = size("RACE_REPLACES", 4, 100);
const IMPORTS = size("RACE_IMPORTS", 1, 20);
const LANG = "en";
// 50,000 edits over HTTP at soak size take many minutes on 2 shared cores (more on PostgreSQL).
const TIMEOUT_MS = SOAK ? 3_600_000 : 600_000;

let world: World;
let api: ApiServer;
/**
 * Every request of the race, its own and race-mix.ts's: a 503 is sent again after its Retry-After, as
 * the editor does (how many were is in the figures).
 */
let client: ApiClient;
let writers: Writer[];
let shared: string[];
let documentId: string;
/** Split/merge, memory and QA marks at once with the writers (race-mix.ts). */
let mix: Mix;

interface Logged {
  who: string;
  kind: "save" | "decision" | "note" | "replace" | "import";
  segmentId?: string;
  answer: Answer;
  text?: string;
}
const log: Logged[] = [];

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

beforeAll(async () => {
  world = await createWorld();
  ({ documentId, segmentIds: shared } = await sharedDocument(world, PARAGRAPHS));
  expect(shared).toHaveLength(PARAGRAPHS);
  writers = await addWriters(world, WRITERS);
  api = await startApiServer();
  client = apiClient(api.base, { retryUnavailable: true });
  const sources = await world.db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  mix = await mixDocuments(
    world,
    client,
    documentId,
    sources.map((s) => s.source),
  );
}, 120_000);
afterAll(async () => {
  await api?.close();
  await world?.cleanup();
});

async function writer(w: Writer) {
  // What this writer last saw of each paragraph: the version its next edit starts from.
  const seen = new Map<string, { version: number; text: string }>();
  for (let k = 0; k < EDITS; k++) {
    const segmentId = pick(shared);
    const roll = Math.random();
    if (w.role === "reviewer" && roll < 0.5) {
      // A reviewer reads the paragraph's history before deciding, as the review view shows it.
      const path = `/api/v1/segments/${segmentId}/translations/${LANG}/revisions`;
      const read = await client.send("GET", path, w.token);
      expect(read.status).toBe(200);
      const newest = read.json.revisions[0];
      if (newest) seen.set(segmentId, { version: newest.version, text: newest.text });
    }
    const known = seen.get(segmentId) ?? { version: 0, text: "" };
    let entry: Logged;
    if (w.role === "reviewer" && roll < 0.5 && known.text.trim()) {
      const decision = pick(["reviewed", "approved", "rejected"] as const);
      const body = { decision, baseVersion: known.version, ...(decision === "rejected" ? { note: `Why ${k}` } : {}) };
      const path = `/api/v1/segments/${segmentId}/translations/${LANG}/decision`;
      entry = { who: w.userId, kind: "decision", segmentId, answer: await client.send("POST", path, w.token, body) };
    } else if (roll < 0.1) {
      const body = { body: `Note ${w.n}/${k} on @Writer`, lang: LANG };
      const path = `/api/v1/segments/${segmentId}/notes`;
      entry = { who: w.userId, kind: "note", segmentId, answer: await client.send("POST", path, w.token, body) };
    } else {
      const text = `w${w.n} e${k} ~ ${roll < 0.5 ? "ready" : "draft"}`;
      const body = { text, baseVersion: known.version, ...(roll < 0.5 ? { status: "translated" } : {}) };
      const path = `/api/v1/segments/${segmentId}/translations/${LANG}`;
      entry = {
        who: w.userId,
        kind: "save",
        segmentId,
        text,
        answer: await client.send("PUT", path, w.token, body),
      };
    }
    log.push(entry);
    const { status, json } = entry.answer;
    const now = status === 200 ? json.translation : status === 409 ? json.error.current : null;
    if (now) seen.set(segmentId, { version: now.version, text: now.text });
    // As the editor does after a conflict: merge with what is there and save once more, at once.
    if (entry.kind === "save" && status === 409 && now) {
      const text = `${entry.text} merged`;
      const path = `/api/v1/segments/${segmentId}/translations/${LANG}`;
      const answer = await client.send("PUT", path, w.token, { text, baseVersion: now.version });
      log.push({ who: w.userId, kind: "save", segmentId, text, answer });
      const after =
        answer.status === 200 ? answer.json.translation : answer.status === 409 ? answer.json.error.current : null;
      if (after) seen.set(segmentId, { version: after.version, text: after.text });
    }
  }
}

/** The owner's find-and-replace over the shared paragraphs, back and forth between ~ and ≈. */
async function replacer() {
  for (let i = 0; i < REPLACES; i++) {
    const [find, replace] = i % 2 === 0 ? ["~", "≈"] : ["≈", "~"];
    const body = { lang: LANG, find, replace, apply: true, segmentIds: shared };
    const answer = await client.send("POST", `/api/v1/documents/${documentId}/replace`, world.tokens.owner, body);
    log.push({ who: world.users.owner.id, kind: "replace", answer });
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The owner's update-import of a CSV that rewrites every shared paragraph's English. */
async function importer() {
  for (let i = 0; i < IMPORTS; i++) {
    const csv = new TextDecoder().decode((await exportBytes(world.db, documentId, "csv", [LANG])).bytes);
    const rows = parse(csv, { bom: true }) as string[][];
    const en = rows[0].indexOf(LANG);
    const status = rows[0].indexOf(`${LANG} status`);
    const kept = rows.slice(1, PARAGRAPHS + 1).map((row) => {
      row[en] = `Imported ${i} ${row[0]}`;
      row[status] = "translated";
      return row;
    });
    const form = new FormData();
    form.set("mode", "update");
    form.set("documentId", documentId);
    form.set("file", new File([stringify([rows[0], ...kept], { bom: true })], "update.csv"));
    const answer = await client.send(
      "POST",
      `/api/v1/projects/${world.project.id}/documents`,
      world.tokens.owner,
      form,
    );
    log.push({ who: world.users.owner.id, kind: "import", answer });
  }
}

describe(`races: ${WRITERS} writers × ${EDITS} edits over ${PARAGRAPHS} paragraphs`, { timeout: TIMEOUT_MS }, () => {
  it("keeps every accepted write, refuses with reasons, never answers 500", async () => {
    const work = [...writers.map(writer), replacer(), importer(), ...mixWork(mix, writers)];
    await Promise.all(work);

    const statuses = new Map<string, number>();
    for (const e of log)
      statuses.set(`${e.kind} ${e.answer.status}`, (statuses.get(`${e.kind} ${e.answer.status}`) ?? 0) + 1);
    console.log("answers:", Object.fromEntries([...statuses].sort()));
    const unexpected = log.filter((e) => ![200, 201, 403, 409].includes(e.answer.status));
    expect(unexpected.map((e) => `${e.kind} ${e.answer.status} ${e.answer.text.slice(0, 200)}`)).toEqual([]);
    for (const e of log.filter((x) => x.answer.status === 403 || x.answer.status === 409)) {
      expect(e.answer.json.error.code).toMatch(/^(forbidden|conflict)$/);
      expect(e.answer.json.error.message).toBeTruthy();
      if (e.answer.status === 409) expect(e.answer.json.error.current).toBeTruthy();
    }
    // Viewers may write nothing; every one of their writes was refused.
    const viewerIds = new Set(writers.filter((w) => w.role === "viewer").map((w) => w.userId));
    expect(log.filter((e) => viewerIds.has(e.who) && e.answer.status < 300)).toEqual([]);
    expect(log.filter((e) => e.kind === "replace" || e.kind === "import").map((e) => e.answer.status)).not.toContain(
      500,
    );
    // The race really raced: both acceptances and conflicts happened.
    expect(log.filter((e) => e.kind === "save" && e.answer.status === 200).length).toBeGreaterThan(PARAGRAPHS);
    expect(log.filter((e) => e.answer.status === 409).length).toBeGreaterThan(0);

    const accepted = log.filter((e) => (e.kind === "save" || e.kind === "decision") && e.answer.status === 200);
    for (const segmentId of shared) {
      const translation = await world.db.translation.findUniqueOrThrow({
        where: { segmentId_lang: { segmentId, lang: LANG } },
        include: { revisions: { orderBy: { version: "asc" } } },
      });
      const versions = translation.revisions.map((r) => r.version);
      expect(versions).toEqual(Array.from({ length: translation.version }, (_, i) => i + 1));
      expect(translation.text).toBe(translation.revisions.at(-1)?.text ?? "");
      const byVersion = new Map(translation.revisions.map((r) => [r.version, r]));
      const mine = accepted.filter((e) => e.segmentId === segmentId);
      for (const e of mine) {
        const t = e.answer.json.translation;
        expect(byVersion.get(t.version)).toMatchObject({ text: t.text, status: t.status, authorId: e.who });
        if (e.kind === "save") expect(t.text).toBe(e.text);
      }
      // Nothing refused was written: each writer's revisions are exactly their accepted writes.
      const writerRevisions = translation.revisions.filter((r) => r.authorId !== world.users.owner.id);
      expect(writerRevisions.length).toBe(mine.length);
      // The last accepted write is the text now, unless the owner's replace or import came after it.
      const last = Math.max(0, ...mine.map((e) => e.answer.json.translation.version));
      for (const r of translation.revisions.filter((x) => x.version > last))
        expect(r.authorId).toBe(world.users.owner.id);
    }
    const mixAnswers = await checkMix(mix);
    console.log("split/merge, memory, QA marks:", mixAnswers);
    recordResult({
      property: `Races on ${testProvider() === "postgres" ? "PostgreSQL" : "SQLite"}: concurrent token writers over shared paragraphs, with decisions, notes, replace, update-import, split/merge, memory, QA marks`,
      test: "tests/reliability/races.test.ts",
      figures: {
        writers: WRITERS,
        editsEach: EDITS,
        paragraphs: PARAGRAPHS,
        answers: Object.fromEntries(statuses),
        mix: mixAnswers,
        lost: 0,
        gaps: 0,
        errors500: 0,
        sentAgainAfter503: client.sentAgain,
      },
    });
    for (const e of log.filter((x) => x.kind === "note" && x.answer.status === 201)) {
      expect(await world.db.note.count({ where: { id: e.answer.json.note.id } })).toBe(1);
    }
  });
});
