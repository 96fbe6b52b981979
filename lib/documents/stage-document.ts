// A big new document (an import) written a slice of paragraphs at a time, so that other people's
// saves are answered between the slices, and still all or nothing: until its last slice is written
// it belongs to a project of its own that nobody is a member of, so nobody can see or find it; then
// one short transaction moves it into its project, where it appears whole. A failed import deletes
// that hidden project (and so everything written); one interrupted by a crash is deleted on the next
// start (discardUnfinishedDocuments, run by prepareDatabase).
import type { Db, Tx } from "../db/client";
import { orderedId } from "../db/ordered-id";
import { letOthersRun } from "../event-loop";
import { type DocumentRows, writeSegmentsIn } from "./create-document";

/** Paragraphs (with their translations) written per transaction: a few tens of milliseconds each. */
export const SLICE = 2_000;
/** AppSetting keys naming the hidden projects of documents being written. */
export const STAGING_MARK = "document.staging.";
const MARK = STAGING_MARK;
// Another import's write may hold the writer for a while: waiting for it is fine, failing is not.
const SLOW = { maxWait: 30_000, timeout: 60_000 };

export async function writeDocumentInSlices(
  db: Db,
  rows: DocumentRows,
  /** Further writes once every paragraph is there (an import's notes), each a transaction of its own. */
  after: ((tx: Tx) => Promise<unknown>)[] = [],
): Promise<void> {
  const { document } = rows;
  const hidden = orderedId();
  await db.$transaction(async (tx) => {
    await tx.project.create({ data: { id: hidden, name: "(import in progress)", sourceLang: document.sourceLang } });
    await tx.appSetting.create({ data: { key: MARK + hidden, value: document.projectId } });
    await tx.document.create({ data: { ...document, projectId: hidden } });
  }, SLOW);
  try {
    const byLangs = rows.segments.length ? rows.translations.length / rows.segments.length : 0;
    for (let i = 0; i < rows.segments.length; i += SLICE) {
      await letOthersRun();
      const segments = rows.segments.slice(i, i + SLICE);
      const translations = rows.translations.slice(i * byLangs, (i + SLICE) * byLangs);
      await db.$transaction((tx) => writeSegmentsIn(tx, document.id, segments, translations, rows.now), SLOW);
    }
    for (const write of after) {
      await letOthersRun();
      await db.$transaction(write, SLOW);
    }
    await db.$transaction(async (tx) => {
      await tx.document.update({ where: { id: document.id }, data: { projectId: document.projectId } });
      await discardIn(tx, hidden);
    }, SLOW);
  } catch (error) {
    await db.$transaction((tx) => discardIn(tx, hidden), SLOW).catch((cleanup) => console.error(cleanup));
    throw error;
  }
}

/** Deletes a hidden project, with whatever document is still in it (the database cascades). */
async function discardIn(tx: Tx, hidden: string) {
  await tx.project.deleteMany({ where: { id: hidden } });
  await tx.appSetting.deleteMany({ where: { key: MARK + hidden } });
}

/** Documents whose writing never finished (the server stopped meanwhile): gone, as if never begun. */
export async function discardUnfinishedDocuments(db: Db): Promise<number> {
  const marks = await db.appSetting.findMany({ where: { key: { startsWith: MARK } } });
  for (const mark of marks) await db.$transaction((tx) => discardIn(tx, mark.key.slice(MARK.length)));
  return marks.length;
}
