// Imported translations become saved versions like any other save: version 1 (or one more than
// saved), authored by the importing user; the database writes each version's revision (a trigger).
// A target that is pristine in the file (empty and "new": never touched, docs/exchange.md) says
// nothing and never overwrites a saved one; a translation equal to what is saved (text and status)
// is left alone, so importing the same file twice adds nothing.
import { randomUUID } from "node:crypto";
import { insertRows } from "../../db/bulk-write";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors";
import type { TranslationStatus } from "../../segments/status";
import type { ExchangeTarget, ExchangeUnit } from "../types";

export interface WriteTargets {
  documentId: string;
  userId: string | null;
  /** Segment id for each unit's position; units without one are skipped. */
  segmentIds: Map<number, string>;
  units: ExchangeUnit[];
  allowedStatuses?: readonly TranslationStatus[];
}

const pristine = (t: ExchangeTarget) => t.text === "" && t.status === "new";

function checkStatus(input: WriteTargets, target: ExchangeTarget, previous: string, unit: number, lang: string) {
  if (input.allowedStatuses && target.status !== previous && !input.allowedStatuses.includes(target.status))
    throw new AppError("forbidden", { action: "status", status: target.status, unit, lang });
}

/**
 * A new document's translations, one per paragraph and project language, written in bulk: the
 * imported ones as version 1, the others empty (status new) as a typed-in document has them.
 */
export async function createTargets(tx: Tx, input: WriteTargets & { langs: string[] }): Promise<number> {
  const now = new Date();
  const rows: {
    id: string;
    segmentId: string;
    documentId: string;
    lang: string;
    text: string;
    status: string;
    version: number;
    updatedById: string | null;
    updatedAt: Date;
  }[] = [];
  let imported = 0;
  for (const unit of input.units) {
    const segmentId = input.segmentIds.get(unit.position);
    if (!segmentId) continue;
    for (const lang of input.langs) {
      const target = unit.targets[lang];
      const id = randomUUID();
      if (!target || pristine(target)) {
        rows.push({
          id,
          segmentId,
          documentId: input.documentId,
          lang,
          text: "",
          status: "new",
          version: 0,
          updatedById: null,
          updatedAt: now,
        });
        continue;
      }
      checkStatus(input, target, "new", unit.position, lang);
      const saved = { text: target.text, status: target.status, version: 1 };
      rows.push({
        id,
        segmentId,
        documentId: input.documentId,
        lang,
        ...saved,
        updatedById: input.userId,
        updatedAt: now,
      });
      imported++;
    }
  }
  await insertRows(
    tx,
    "Translation",
    ["id", "segmentId", "documentId", "lang", "text", "status", "version", "updatedById", "createdAt", "updatedAt"],
    rows.map((r) => [r.id, r.segmentId, r.documentId, r.lang, r.text, r.status, r.version, r.updatedById, now, now]),
  );
  return imported;
}

/** An existing document's translations: only those that differ from what is saved are written. */
export async function updateTargets(tx: Tx, input: WriteTargets): Promise<number> {
  const existing = await tx.translation.findMany({
    where: { documentId: input.documentId },
    select: { id: true, segmentId: true, lang: true, text: true, status: true, version: true },
  });
  const byKey = new Map(existing.map((t) => [`${t.segmentId}\u0000${t.lang}`, t]));
  const now = new Date();
  let written = 0;
  for (const unit of input.units) {
    const segmentId = input.segmentIds.get(unit.position);
    if (!segmentId) continue;
    for (const [lang, target] of Object.entries(unit.targets)) {
      if (pristine(target)) continue;
      const current = byKey.get(`${segmentId}\u0000${lang}`);
      if (current && current.text === target.text && current.status === target.status) continue;
      checkStatus(input, target, current?.status ?? "new", unit.position, lang);
      const version = (current?.version ?? 0) + 1;
      const data = { text: target.text, status: target.status, version, updatedById: input.userId, updatedAt: now };
      if (current) {
        await tx.translation.updateMany({ where: { id: current.id }, data });
      } else {
        // A language added to the project after the document was created: its row starts here.
        await tx.translation.create({ data: { segmentId, documentId: input.documentId, lang, ...data } });
      }
      written++;
    }
  }
  return written;
}
