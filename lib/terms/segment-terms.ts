// Recognition for a caller: the terms of one paragraph (GET /segments/{id}/terms), and the entries a
// document's editor loads once per page to recognise terms in the browser itself.
import { requireDocument, requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { assertTarget } from "../projects/languages";
import { glossaryStamp, loadRecognitionEntries, loadTermIndex } from "./index-cache";
import { projectGlossaries } from "./list";
import { baseLang } from "./normalize";
import { termsInText } from "./recognize";

/** The terms found in a paragraph's source, with their translations into `target` (default: every target). */
export async function segmentTerms(db: Db, actor: Actor, segmentId: string, target: string | null) {
  const { segment, document, access } = await requireSegment(db, actor, segmentId, "project.read");
  const targets = target ? [target] : access.targetLangs;
  if (target) assertTarget(access.targetLangs, target, "target");
  const { index, stamp } = await loadTermIndex(db, document.projectId, document.sourceLang);
  const terms = termsInText(index, segment.source, targets).map(({ caseSensitive: _, ...term }) => term);
  return { terms, stamp };
}

/** The stamp of what recognition would find in a document: it changes with every glossary change. */
export async function documentGlossaryStamp(db: Db, projectId: string, sourceLang: string): Promise<string> {
  return glossaryStamp(sourceLang, await projectGlossaries(db, projectId));
}

/**
 * Every entry recognised in the document's source (the project's glossary and the attached ones, in
 * the document's source language), with the stamp they were read at.
 */
export async function documentGlossary(db: Db, actor: Actor, documentId: string) {
  const { document } = await requireDocument(db, actor, documentId, "project.read");
  const glossaries = await projectGlossaries(db, document.projectId);
  const entries = await loadRecognitionEntries(
    db,
    glossaries.map((g) => g.id),
  );
  const source = baseLang(document.sourceLang);
  return {
    stamp: glossaryStamp(document.sourceLang, glossaries),
    sourceLang: document.sourceLang,
    entries: entries.filter((e) => baseLang(e.sourceLang) === source),
  };
}
