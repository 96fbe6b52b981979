// The common save as one SQL statement. A translator saves the same paragraph every second or two;
// after the first save of a paragraph we remember what the decision rested on (SaveFacts: the
// asker's role, the project's "reviewers may edit" and "translators may change approved" settings,
// the translation as saved) and the next
// save is decided by the same rule as the full one (decideSave) from those facts, then written by a
// single compare-and-set UPDATE whose WHERE clause re-checks each fact at write time. The clauses
// come from one table with an entry per fact, so a fact the decision uses cannot go unchecked. The
// database trigger writes the revision. When the UPDATE changes nothing, or the rule refuses, the
// caller runs the full save, which finds out why and says so; so the fast path can only ever do what
// the full one would have done.
import type { ProjectRole } from "../auth/roles";
import { type Db, Prisma } from "../db/client";
import { isConflict } from "../db/serializable";
import { writableSql } from "../documents/visibility";
import { confirms } from "../review/send-backs";
import type { TranslationStatus } from "../segments/status";
import { decideSave } from "./save-rule";

/** What a save's decision rests on, as the full save found it (save-context.ts). */
export interface SaveFacts {
  documentId: string;
  projectId: string;
  role: ProjectRole;
  reviewersMayEdit: boolean;
  translatorsMayChangeApproved: boolean;
  /** Whether the language is one of the project's (the fast path needs it to be). */
  langIsTarget: boolean;
  /** The translation as saved; the fast path needs one. */
  current: { text: string; status: TranslationStatus; version: number } | null;
  /** Notes anchored in the translation (a changed text needs the full save, which moves them). */
  anchoredNotes: number;
  /** Open send-backs on the translation (a confirming save needs the full save, which closes them). */
  openSendBacks: number;
}

interface Write {
  segmentId: string;
  lang: string;
  userId: string;
  textChanged: boolean;
  /** The save confirms the translation (translated, reviewed, approved). */
  confirming: boolean;
}

/** Each fact as it must still hold when the UPDATE runs (on the row "Translation" of segment and language). */
const stillHolds: { [K in keyof SaveFacts]: (facts: SaveFacts, write: Write) => Prisma.Sql } = {
  documentId: (f) => Prisma.sql`"documentId" = ${f.documentId}`,
  // In that project, and still writable (neither archived nor in the trash, lib/documents/visibility.ts).
  projectId: (f) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Document" d JOIN "Project" p ON p."id" = d."projectId"
                WHERE d."id" = ${f.documentId} AND d."projectId" = ${f.projectId} AND ${writableSql})`,
  langIsTarget: (f, w) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "ProjectLanguage" pl WHERE pl."projectId" = ${f.projectId} AND pl."lang" = ${w.lang})`,
  role: (f, w) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Membership" m
                 WHERE m."projectId" = ${f.projectId} AND m."userId" = ${w.userId} AND m."role" = ${f.role})`,
  reviewersMayEdit: (f) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Project" p WHERE p."id" = ${f.projectId} AND p."reviewersMayEdit" = ${f.reviewersMayEdit})`,
  translatorsMayChangeApproved: (f) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Project" p
                 WHERE p."id" = ${f.projectId} AND p."translatorsMayChangeApproved" = ${f.translatorsMayChangeApproved})`,
  current: (f) =>
    Prisma.sql`"version" = ${f.current?.version ?? -1} AND "text" = ${f.current?.text ?? ""} AND "status" = ${f.current?.status ?? ""}`,
  anchoredNotes: (_f, w) =>
    w.textChanged
      ? Prisma.sql`NOT EXISTS (SELECT 1 FROM "Note" n
                     WHERE n."segmentId" = ${w.segmentId} AND n."lang" = ${w.lang} AND n."anchorSide" = 'target')`
      : Prisma.sql`1 = 1`,
  openSendBacks: (_f, w) =>
    w.confirming
      ? Prisma.sql`NOT EXISTS (SELECT 1 FROM "Note" n
                     WHERE n."segmentId" = ${w.segmentId} AND n."lang" = ${w.lang} AND n."decision" = 'rejected'
                       AND n."parentId" IS NULL AND n."resolvedAt" IS NULL)`
      : Prisma.sql`1 = 1`,
};

/** Enough for every paragraph a busy instance's editors touch in a while; the oldest go first. */
const MAX_HINTS = 20_000;
const hintsByDb = new WeakMap<Db, Map<string, SaveFacts>>();

const hintKey = (userId: string, segmentId: string, lang: string) => `${userId}\u0000${segmentId}\u0000${lang}`;

/** Remembers (or, with null, forgets) the facts of this person's last save of this translation. */
export function rememberHint(db: Db, userId: string, segmentId: string, lang: string, facts: SaveFacts | null) {
  let hints = hintsByDb.get(db);
  if (!hints) {
    hints = new Map();
    hintsByDb.set(db, hints);
  }
  const key = hintKey(userId, segmentId, lang);
  hints.delete(key);
  if (!facts) return;
  hints.set(key, facts);
  if (hints.size > MAX_HINTS) hints.delete(hints.keys().next().value as string);
}

export interface FastSave {
  userId: string;
  segmentId: string;
  lang: string;
  text: string;
  status?: TranslationStatus;
  baseVersion: number;
  now: Date;
}

/**
 * The save as one UPDATE, or null when it is not a plain case (no facts yet, another version than
 * the one they describe, a save the rule refuses or that must move anchored notes) or when the
 * UPDATE matched nothing.
 */
export async function tryFastSave(
  db: Db,
  input: FastSave,
): Promise<{ status: TranslationStatus; documentId: string } | null> {
  const facts = hintsByDb.get(db)?.get(hintKey(input.userId, input.segmentId, input.lang));
  if (!facts?.current || !facts.langIsTarget || facts.current.version !== input.baseVersion) return null;
  let decided: ReturnType<typeof decideSave>;
  try {
    decided = decideSave(facts, input);
  } catch {
    return null; // the full save decides again from what holds now, and explains a refusal
  }
  const { status, textChanged, changesNothing } = decided;
  // A save that changes nothing is the full save's to answer (with what is saved now).
  if (changesNothing || (textChanged && facts.anchoredNotes > 0)) return null;
  const confirming = confirms(status);
  if (confirming && facts.openSendBacks > 0) return null;
  const write = { segmentId: input.segmentId, lang: input.lang, userId: input.userId, textChanged, confirming };
  const checks = (Object.keys(stillHolds) as (keyof SaveFacts)[]).map((fact) => stillHolds[fact](facts, write));
  let updated: number;
  try {
    updated = await db.$executeRaw`
      UPDATE "Translation"
         SET "text" = ${input.text}, "status" = ${status}, "version" = "version" + 1,
             "updatedById" = ${input.userId}, "updatedAt" = ${input.now}
       WHERE "segmentId" = ${input.segmentId} AND "lang" = ${input.lang} AND ${Prisma.join(checks, " AND ")}`;
  } catch (error) {
    // PostgreSQL aborted the statement (a deadlock with another transaction): nothing was written,
    // and the full save, retried as a whole, decides again.
    if (isConflict(error)) return null;
    throw error;
  }
  if (updated !== 1) return null;
  facts.current = { text: input.text, status, version: input.baseVersion + 1 };
  return { status, documentId: facts.documentId };
}
