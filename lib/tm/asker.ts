// The memory as a project member asks for it: matches beside a paragraph, concordance, with the
// memories the asker's project reads and the project's settings. Access is checked first, like
// every domain function (lib/auth/access.ts); the lookups themselves are in lookup.ts and concordance.ts.
import { z } from "zod";
import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { parseInput } from "../parse-input";
import { assertTarget } from "../projects/languages";
import { searchConcordance } from "./concordance";
import { lookupSegmentMatches, type Match } from "./lookup";
import { projectMemoryIds } from "./memories";
import { requireMemory } from "./memory-access";
import { memorySettings } from "./settings";

export const MatchesInput = z.object({ target: z.string().min(1).max(20) });

/** What the panel shows of where a match came from. */
export interface MatchOrigin {
  memoryId: string;
  memoryName: string;
  memoryKind: string;
  documentId: string | null;
  documentTitle: string | null;
  segmentId: string | null;
  sentenceIndex: number | null;
}

async function originsOf(db: Db, matches: Match[]): Promise<Map<number, MatchOrigin>> {
  const memoryIds = [...new Set(matches.map((m) => m.origin.memoryId))];
  const documentIds = [...new Set(matches.flatMap((m) => (m.origin.documentId ? [m.origin.documentId] : [])))];
  const [memories, documents] = await Promise.all([
    db.memory.findMany({ where: { id: { in: memoryIds } }, select: { id: true, name: true, kind: true } }),
    db.document.findMany({ where: { id: { in: documentIds } }, select: { id: true, title: true } }),
  ]);
  const memory = new Map(memories.map((m) => [m.id, m]));
  const title = new Map(documents.map((d) => [d.id, d.title]));
  return new Map(
    matches.map((m) => [
      m.unitId,
      {
        ...m.origin,
        memoryName: memory.get(m.origin.memoryId)?.name ?? "",
        memoryKind: memory.get(m.origin.memoryId)?.kind ?? "imported",
        documentTitle: m.origin.documentId ? (title.get(m.origin.documentId) ?? null) : null,
      },
    ]),
  );
}

/**
 * Matches for a paragraph and each of its sentences from every memory its project reads, at or
 * above the project's threshold: the paragraph's best first, then each sentence's.
 */
export async function segmentMatches(db: Db, actor: Actor, segmentId: string, raw: unknown) {
  const { access } = await requireSegment(db, actor, segmentId, "project.read");
  const { target } = parseInput(MatchesInput, raw);
  assertTarget(access.targetLangs, target, "target");
  const [memoryIds, settings] = await Promise.all([
    projectMemoryIds(db, access.projectId),
    memorySettings(db, access.projectId),
  ]);
  const found = await lookupSegmentMatches(db, segmentId, {
    memoryIds,
    targetLang: target,
    threshold: settings.threshold,
  });
  const matches = found?.matches ?? [];
  const origins = await originsOf(db, matches);
  return {
    threshold: settings.threshold,
    sentences: (found?.sentences ?? []).map((s) => ({ index: s.index, text: s.text, start: s.start, end: s.end })),
    matches: matches.map((m) => ({
      score: m.score,
      source: m.source,
      target: m.target,
      diff: m.diff,
      origin: origins.get(m.unitId)!,
      unitId: m.unitId,
      ...(m.sentence === undefined ? {} : { sentence: m.sentence }),
      numbersReplaced: m.numbersReplaced,
      context: m.context,
      status: m.status,
      author: m.author,
      updatedAt: m.updatedAt.toISOString(),
    })),
  };
}

export const SearchInput = z.object({
  q: z.string(),
  target: z.string().min(1).max(20),
  side: z.enum(["source", "target"]).default("source"),
  project: z.string().optional(),
  memory: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The memories the actor may read: every one a project of theirs uses (or one project's). */
async function readableMemoryIds(db: Db, actor: Actor, projectId?: string): Promise<string[]> {
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId, ...(projectId ? { projectId } : {}) },
    select: { projectId: true },
  });
  const lists = await Promise.all(memberships.map((m) => projectMemoryIds(db, m.projectId)));
  return [...new Set(lists.flat())];
}

/** Concordance over the memories the asker may read (one project's with `project`, one memory with `memory`). */
export async function searchMemories(db: Db, actor: Actor, raw: unknown) {
  const input = parseInput(SearchInput, raw);
  const memoryIds = input.memory
    ? [(await requireMemory(db, actor, input.memory, "read")).memory.id]
    : await readableMemoryIds(db, actor, input.project);
  const result = await searchConcordance(db, {
    memoryIds,
    targetLang: input.target,
    query: input.q,
    side: input.side,
    limit: input.limit,
    offset: input.offset,
  });
  return { ...result, hits: result.hits.map((h) => ({ ...h, updatedAt: h.updatedAt.toISOString() })) };
}
