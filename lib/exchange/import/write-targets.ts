// Imported translations become saved versions like any other save: version 1 (or one more than
// saved), authored by the importing user; the database writes each version's revision (a trigger).
// The status follows the save's rules for the importer's role (target-status.ts). A target that is
// pristine in the file says nothing; a translation equal to what is saved (text and status) is left
// alone, so importing the same file twice adds nothing. Everything is decided before the write
// transaction; inside it, translations saved meanwhile are decided again on what they hold now, so
// the result is that of the import running right after those saves. A translation in a status the
// importer may not change (approved work, lockedStatuses in permissions.ts) is left as it is and
// listed in the report, as the editor and a save refuse to change it.

import { insertRows } from "../../db/bulk-write";
import type { Tx } from "../../db/client";
import { orderedId } from "../../db/ordered-id";
import type { DocumentRows } from "../../documents/create-document";
import type { TranslationStatus } from "../../segments/status";
import {
  changedSince,
  type StoredTranslation,
  type TranslationWrite,
  writeTranslations,
} from "../../translations/bulk";
import type { ExchangeTarget, ExchangeUnit } from "../types";
import { type AllowedStatuses, type Downgrade, decideTarget, pristine } from "./target-status";

/** A translation the file would change that the importer may not change (reviewed or approved work). */
export interface LockedTarget {
  position: number;
  lang: string;
  /** Its status, the one that locks it. */
  status: TranslationStatus;
}

export interface TargetInput {
  userId: string | null;
  /** Segment id for each unit's position; units without one are skipped. */
  segmentIds: Map<number, string>;
  units: ExchangeUnit[];
  allowedStatuses: AllowedStatuses;
  /** Statuses whose translations the importer may not change; undefined: none. */
  lockedStatuses?: readonly TranslationStatus[];
  now: Date;
}

/** An imported target of an existing document and the stored translation it is decided on. */
interface PlannedTarget {
  position: number;
  segmentId: string;
  lang: string;
  target: ExchangeTarget;
  /** Null while the document has no translation into that language (a language added later). */
  current: StoredTranslation | null;
}

export interface TargetPlan {
  documentId: string;
  input: TargetInput;
  targets: PlannedTarget[];
}

const key = (segmentId: string, lang: string) => `${segmentId}\u0000${lang}`;

function* importedTargets(input: TargetInput) {
  for (const unit of input.units) {
    const segmentId = input.segmentIds.get(unit.position);
    if (!segmentId) continue;
    for (const [lang, target] of Object.entries(unit.targets)) {
      if (!pristine(target)) yield { position: unit.position, segmentId, lang, target };
    }
  }
}

const downgrade = (t: Omit<PlannedTarget, "current">, status: ExchangeTarget["status"]): Downgrade => ({
  position: t.position,
  lang: t.lang,
  requested: t.target.status,
  status,
});

/** A new document: its empty translations filled in from the file, before anything is written. */
export function fillNewTargets(rows: DocumentRows, input: TargetInput) {
  const byKey = new Map(rows.translations.map((t) => [key(t.segmentId, t.lang), t]));
  const downgraded: Downgrade[] = [];
  let written = 0;
  for (const planned of importedTargets(input)) {
    const row = byKey.get(key(planned.segmentId, planned.lang));
    if (!row) continue;
    const decision = decideTarget(planned.target, row, input.allowedStatuses);
    if (decision.downgradedTo) downgraded.push(downgrade(planned, decision.downgradedTo));
    if (!decision.write) continue;
    Object.assign(row, { text: decision.text, status: decision.status, version: 1, updatedById: input.userId });
    written++;
  }
  return { written, downgraded };
}

/** An existing document: which of its translations the file speaks about, as they are stored now. */
export function planTargets(documentId: string, stored: StoredTranslation[], input: TargetInput): TargetPlan {
  const byKey = new Map(stored.map((t) => [key(t.segmentId, t.lang), t]));
  const targets = [...importedTargets(input)].map((t) => ({
    ...t,
    current: byKey.get(key(t.segmentId, t.lang)) ?? null,
  }));
  return { documentId, input, targets };
}

function decideAll(plan: TargetPlan) {
  const { userId, now, allowedStatuses, lockedStatuses = [] } = plan.input;
  const updates: TranslationWrite[] = [];
  const creates: (string | number | Date | null)[][] = [];
  const downgraded: Downgrade[] = [];
  const locked: LockedTarget[] = [];
  for (const planned of plan.targets) {
    const decision = decideTarget(planned.target, planned.current ?? { text: "", status: "new" }, allowedStatuses);
    const stored = planned.current?.status as TranslationStatus | undefined;
    // Locked work that the file would change is left alone and listed (what it says equal: nothing to say).
    if (stored && lockedStatuses.includes(stored) && (decision.write || decision.downgradedTo)) {
      locked.push({ position: planned.position, lang: planned.lang, status: stored });
      continue;
    }
    if (decision.downgradedTo) downgraded.push(downgrade(planned, decision.downgradedTo));
    if (!decision.write) continue;
    const { text, status } = decision;
    if (planned.current) {
      updates.push({
        id: planned.current.id,
        text,
        status,
        version: planned.current.version + 1,
        updatedById: userId,
        updatedAt: now,
      });
    } else {
      creates.push([orderedId(), planned.segmentId, plan.documentId, planned.lang, text, status, 1, userId, now, now]);
    }
  }
  locked.sort((a, b) => a.position - b.position || a.lang.localeCompare(b.lang));
  return { updates, creates, downgraded, locked };
}

/** Writes the plan inside the caller's transaction; returns what was written, downgraded and left locked. */
export async function writeTargets(tx: Tx, plan: TargetPlan) {
  const decidedOn = plan.targets.map((t) => ({
    segmentId: t.segmentId,
    lang: t.lang,
    version: t.current?.version ?? 0,
  }));
  const moved = await changedSince(tx, decidedOn);
  // The rows saved since the plan was made, in a copy: the plan stays as read, for another attempt
  // of this transaction (PostgreSQL may run it again: lib/db/serializable.ts) to start from.
  const now = new Map(moved.map((t) => [key(t.segmentId, t.lang), t]));
  const targets = plan.targets.map((t) => ({ ...t, current: now.get(key(t.segmentId, t.lang)) ?? t.current }));
  const { updates, creates, downgraded, locked } = decideAll({ ...plan, targets });
  await writeTranslations(tx, updates);
  await insertRows(
    tx,
    "Translation",
    ["id", "segmentId", "documentId", "lang", "text", "status", "version", "updatedById", "createdAt", "updatedAt"],
    creates,
  );
  return { written: updates.length + creates.length, downgraded, locked };
}
