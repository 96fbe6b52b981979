// What a translation-only export will find missing, per target the export page offers: paragraphs
// without a translation, and without an approved one (kk-Latn is the Kazakh translation).
import type { Db } from "../../db/client";
import { storedLang } from "../read-document";

export async function translationGaps(db: Db, documentId: string, targets: string[]) {
  const [total, filled, approved] = await Promise.all([
    db.segment.count({ where: { documentId } }),
    db.translation.groupBy({ by: ["lang"], where: { documentId, NOT: { text: "" } }, _count: { _all: true } }),
    db.translation.groupBy({
      by: ["lang"],
      where: { documentId, status: "approved", NOT: { text: "" } },
      _count: { _all: true },
    }),
  ]);
  const count = (rows: typeof filled, lang: string) => rows.find((r) => r.lang === lang)?._count._all ?? 0;
  const gaps: Record<string, { untranslated: number; unapproved: number }> = {};
  for (const target of targets) {
    const lang = storedLang(target);
    gaps[target] = { untranslated: total - count(filled, lang), unapproved: total - count(approved, lang) };
  }
  return { total, gaps };
}
