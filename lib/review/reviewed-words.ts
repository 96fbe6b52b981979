// The words a quality report rests on: those of the paragraphs a reviewer looked at in one language
// (reviewed, approved or rejected, now or earlier in their history, or carrying an MQM error), and of
// the whole document for the share.
import type { Db } from "../db/client";
import { decisions } from "./decide";

export async function reviewedWords(db: Db, documentId: string, lang: string) {
  const decided = { status: { in: [...decisions] } };
  const [all, reviewed] = await Promise.all([
    db.segment.aggregate({ where: { documentId }, _sum: { wordCount: true } }),
    db.segment.aggregate({
      where: {
        documentId,
        OR: [
          { translations: { some: { lang, OR: [decided, { revisions: { some: decided } }] } } },
          { notes: { some: { lang, parentId: null, category: { not: null }, severity: { not: null } } } },
        ],
      },
      _sum: { wordCount: true },
    }),
  ]);
  return { document: all._sum.wordCount ?? 0, reviewed: reviewed._sum.wordCount ?? 0 };
}
