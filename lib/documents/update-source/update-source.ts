// A new version of a document's source (any importable format; a bilingual file lends only its
// source text). Paragraphs are matched to the old ones (match.ts): identical and moved ones keep
// their translations, statuses and notes; changed ones get the new text and keep their translations
// as "source changed" drafts; new ones start empty; removed ones go to the document's bin with their
// translations and notes. A dry run answers the counts and writes nothing. Everything is worked out
// before the transaction; the transaction writes it all or nothing and is one event of the document
// (a revision), refused if the paragraphs changed structure meanwhile.
import { randomUUID } from "node:crypto";
import { requireDocument } from "../../auth/access";
import type { Actor } from "../../auth/actor";
import type { Db, Tx } from "../../db/client";
import { importError } from "../../exchange/import/errors";
import { matchLang } from "../../exchange/import/languages";
import { parseFile } from "../../exchange/import/parse-file";
import { moveToBinIn } from "../../segments/bin";
import { reanchorSourceNotesIn } from "../../segments/edit-source";
import { claimStructureIn, recordEventIn } from "../../segments/events";
import { paragraphChanges } from "../../segments/paragraph-changes";
import { publishParagraphs } from "../../segments/paragraphs-live";
import { renumberIn } from "../../segments/positions";
import { markSourceChangedIn } from "../../segments/source-changes";
import { firstSourceIn, writeSourceIn } from "../../segments/source-history";
import { changedMeanwhile } from "../../segments/structure-change";
import { countWords } from "../../segments/word-count";
import { storeFileIn } from "../original-file";
import { countMatches, type MatchCounts, matchParagraphs } from "./match";

export interface SourceUpload {
  fileName: string;
  bytes: Uint8Array;
}

interface DocumentRow {
  id: string;
  projectId: string;
  sourceLang: string;
  structureVersion: number;
}

export async function updateSource(
  db: Db,
  actor: Actor,
  documentId: string,
  upload: SourceUpload,
  options: { dryRun: boolean },
): Promise<MatchCounts> {
  const { document, access } = await requireDocument(db, actor, documentId, "document.manage");
  return updateSourceOf(db, document, access.targetLangs, upload, { ...options, actorId: actor.userId });
}

/** The update for a document already allowed (the command line acts as the administrator). */
export async function updateSourceOf(
  db: Db,
  document: DocumentRow,
  targetLangs: readonly string[],
  upload: SourceUpload,
  options: { dryRun: boolean; actorId: string | null },
): Promise<MatchCounts> {
  const parsed = await parseFile(upload.fileName, upload.bytes);
  if (parsed.sourceLang && !matchLang(parsed.sourceLang, [document.sourceLang])) {
    throw importError("languages", `The file's source language is ${parsed.sourceLang}, not ${document.sourceLang}.`, {
      source: parsed.sourceLang,
      expectedSource: document.sourceLang,
      value: parsed.sourceLang,
    });
  }
  const units = parsed.units.map((u) => ({ kind: u.kind, source: u.source.normalize("NFC") }));
  const old = await db.segment.findMany({
    where: { documentId: document.id },
    orderBy: { position: "asc" },
    select: { id: true, source: true, version: true, kind: true, position: true },
  });
  const matching = matchParagraphs(
    old.map((s) => s.source),
    units.map((u) => u.source),
  );
  const counts = countMatches(matching);
  if (options.dryRun) return counts;

  // Everything the transaction writes, decided here.
  const now = new Date();
  const order: string[] = [];
  const changed: { segment: (typeof old)[number]; source: string }[] = [];
  const kinds: { id: string; kind: string }[] = [];
  const added: { id: string; kind: string; source: string }[] = [];
  matching.matches.forEach((m, n) => {
    const unit = units[n];
    if (m.kind === "added") {
      const id = randomUUID();
      added.push({ id, kind: unit.kind, source: unit.source });
      order.push(id);
      return;
    }
    const segment = old[m.old];
    order.push(segment.id);
    if (m.kind === "changed") changed.push({ segment, source: unit.source });
    if (segment.kind !== unit.kind) kinds.push({ id: segment.id, kind: unit.kind });
  });
  const removed = matching.removed.map((o) => old[o]);

  await db.$transaction(
    async (tx) => {
      if (!(await claimStructureIn(tx, document.id, document.structureVersion))) throw changedMeanwhile();
      const fileId = await storeFileIn(tx, document.id, { ...upload, format: parsed.format }, options.actorId);
      const eventId = await recordEventIn(tx, {
        documentId: document.id,
        kind: "source.update",
        segmentId: null,
        data: { fileId, fileName: upload.fileName, ...counts },
        authorId: options.actorId,
        now,
      });
      const by = { authorId: options.actorId, eventId, now };
      for (const c of changed) {
        const ok = await writeSourceIn(tx, {
          segmentId: c.segment.id,
          fromVersion: c.segment.version,
          fromSource: c.segment.source,
          source: c.source,
          kind: "update",
          lang: document.sourceLang,
          ...by,
        });
        if (!ok) throw changedMeanwhile();
        await reanchorSourceNotesIn(tx, c.segment.id, c.source);
      }
      await markSourceChangedIn(
        tx,
        changed.map((c) => c.segment.id),
        new Map(changed.map((c) => [c.segment.id, c.segment.source])),
        options.actorId,
        now,
      );
      for (const k of kinds) await tx.segment.update({ where: { id: k.id }, data: { kind: k.kind } });
      const moves = removed.map((s) => ({
        segmentId: s.id,
        position: s.position,
        reason: "source_update" as const,
        eventId,
      }));
      await moveToBinIn(tx, document, moves, options.actorId, now, false);
      await writeAddedIn(tx, document, added, targetLangs, by);
      await renumberIn(tx, document.id, order);
    },
    { maxWait: 10_000, timeout: 10 * 60_000 },
  );
  // Open editors read the rows named and apply the change in place; a change of more rows than that
  // names none (they offer a reload).
  const touched = [...changed.map((c) => c.segment.id), ...kinds.map((k) => k.id)];
  const changes = paragraphChanges(
    old.map((s) => s.id),
    order,
    touched,
    document.structureVersion + 1,
  );
  await publishParagraphs(db, options.actorId, document.id, "source-update", changes);
  return counts;
}

/** New paragraphs, parked at negative positions until the renumbering, each with empty translations. */
async function writeAddedIn(
  tx: Tx,
  document: DocumentRow,
  added: { id: string; kind: string; source: string }[],
  targetLangs: readonly string[],
  by: { authorId: string | null; eventId: string; now: Date },
) {
  if (added.length === 0) return;
  await tx.segment.createMany({
    data: added.map((a, i) => ({
      id: a.id,
      documentId: document.id,
      position: -10_000_000 - i,
      kind: a.kind,
      source: a.source,
      wordCount: countWords(a.source, document.sourceLang),
    })),
  });
  await tx.translation.createMany({
    data: added.flatMap((a) =>
      targetLangs.map((lang) => ({
        segmentId: a.id,
        documentId: document.id,
        lang,
        createdAt: by.now,
        updatedAt: by.now,
      })),
    ),
  });
  for (const a of added) await firstSourceIn(tx, a.id, a.source, "update", by);
}
