// Export → import → compare, for every bilingual format: the demo document with English and Kazakh
// translations in every status, and notes (replies, anchors, MQM labels, resolved, an author who is
// not a member), comes back identical as a new document, «», dashes and "[52, с. 5]" byte for byte.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBytes } from "../../../tests/fixtures/import-world";
import { createWorld, type World } from "../../../tests/world";
import { readExchangePages } from "../read-document";
import { bilingualFormats, type ExchangeUnit } from "../types";
import { importDocument } from "./import-document";

let world: World;

const REF = "[52, с. 5]";
const en = [
  ["Civil service reform in Kazakhstan — «the Agency» [52, с. 5].", "approved"],
  ["Second paragraph – with an en dash.\nAnd a second line\twith a tab.", "translated"],
  ["Third: «quoted» — draft.", "draft"],
  ["Fourth, reviewed.", "reviewed"],
  ["Fifth, rejected.", "rejected"],
] as const;
const kk = [
  ["Қазақстандағы мемлекеттік қызмет реформасы — «Агенттік» [52, с. 5].", "translated"],
  ["Екінші абзац.", "approved"],
  ["", "new"],
  ["Төртінші абзац — «тырнақша».", "draft"],
] as const;

async function seed() {
  const { db, segments, users } = world;
  const save = (segmentId: string, lang: string, text: string, status: string, userId: string) =>
    db.translation.update({
      where: { segmentId_lang: { segmentId, lang } },
      data: { text, status, version: 3, updatedById: userId },
    });
  for (const [i, [text, status]] of en.entries()) await save(segments[i].id, "en", text, status, users.translator.id);
  for (const [i, [text, status]] of kk.entries()) {
    if (status !== "new") await save(segments[i].id, "kk", text, status, users.reviewer.id);
  }
  const note = (data: Record<string, unknown>) =>
    db.note.create({ data: { documentId: world.document.id, ...data } as never });
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 10, 9, minute, 0, 123 + minute));
  const thread = await note({
    segmentId: segments[0].id,
    lang: "en",
    authorId: users.reviewer.id,
    body: `Термін «Agency» — перевірити ${REF}`,
    anchorSide: "target",
    anchorStart: 0,
    anchorEnd: 5,
    anchorText: "Civil",
    category: "accuracy.mistranslation",
    severity: "major",
    resolvedAt: at(30),
    resolvedById: users.owner.id,
    createdAt: at(1),
  });
  await note({
    segmentId: segments[0].id,
    lang: "en",
    authorId: users.translator.id,
    body: "Виправлено.",
    parentId: thread.id,
    createdAt: at(2),
  });
  await note({
    segmentId: segments[0].id,
    lang: "en",
    // Imported earlier from a file that names someone with no account here.
    fromFile: true,
    fileAuthor: "Гість Зовнішній",
    fileCreatedAt: at(3),
    body: "Згоден.\nДругий рядок.",
    parentId: thread.id,
    createdAt: at(3),
  });
  await note({
    segmentId: segments[1].id,
    lang: null,
    authorId: users.owner.id,
    body: "Про абзац загалом: «джерело» — [53].",
    anchorSide: "source",
    anchorStart: 2,
    anchorEnd: 9,
    anchorText: segments[1].source.slice(2, 9),
    createdAt: at(4),
  });
  await note({
    segmentId: segments[2].id,
    lang: "kk",
    fromFile: true,
    fileAuthor: "Сыртқы рецензент",
    fileCreatedAt: at(5),
    body: "Термин дұрыс емес.",
    category: "terminology",
    severity: "minor",
    createdAt: at(5),
  });
  await note({
    segmentId: segments[0].id,
    lang: "kk",
    authorId: null,
    body: "Анонім.",
    resolvedAt: at(40),
    createdAt: at(6),
  });
}

beforeAll(async () => {
  world = await createWorld();
  await seed();
}, 60_000);
afterAll(() => world.cleanup());

/** The document as the exchange reads it, without who saved a translation when (an import is a new save). */
async function snapshot(documentId: string): Promise<ExchangeUnit[]> {
  const units: ExchangeUnit[] = [];
  const options = { targets: ["en", "kk"], approvedOnly: false, includeNotes: true };
  for await (const page of readExchangePages(world.db, documentId, options)) {
    for (const unit of page) {
      for (const t of Object.values(unit.targets)) {
        t.updatedBy = null;
        t.updatedAt = null;
      }
      units.push(unit);
    }
  }
  return units;
}

describe("round trip", () => {
  it.each(bilingualFormats)("%s", async (format) => {
    const original = await snapshot(world.document.id);
    expect(original.flatMap((u) => u.notes)).toHaveLength(4);
    const { filename, bytes } = await exportBytes(world.db, world.document.id, format);
    const report = await importDocument(world.db, {
      projectId: world.project.id,
      fileName: filename,
      bytes,
      mode: "new",
      userId: world.users.owner.id,
    });
    expect(report).toMatchObject({ created: true, format, segments: 11, translations: 8, notes: 6, mismatches: [] });
    const imported = await snapshot(report.documentId);
    expect(imported).toEqual(original);
    // The title travels in TMX and XLIFF; CSV and TSV take it from the file name the export gave.
    const document = await world.db.document.findUniqueOrThrow({ where: { id: report.documentId } });
    expect(document.title).toBe(world.document.title);

    // Byte for byte, not only equal after some normalisation.
    const source = (
      await world.db.segment.findFirstOrThrow({ where: { documentId: report.documentId, source: { contains: REF } } })
    ).source;
    expect(Buffer.from(source)).toEqual(Buffer.from(world.segments.find((s) => s.source.includes(REF))!.source));
    const first = await world.db.translation.findMany({
      where: { documentId: report.documentId, segment: { position: 1 } },
      orderBy: { lang: "asc" },
    });
    expect(first.map((t) => Buffer.from(t.text).toString("hex"))).toEqual(
      [en[0][0], kk[0][0]].map((t) => Buffer.from(t).toString("hex")),
    );
    expect(first.map((t) => [t.version, t.updatedById])).toEqual([
      [1, world.users.owner.id],
      [1, world.users.owner.id],
    ]);

    // Every imported note is the importer's; who and when the file said stay beside it, whoever they name.
    const notes = await world.db.note.findMany({
      where: { documentId: report.documentId },
      orderBy: { fileCreatedAt: "asc" },
    });
    expect(notes.map((n) => [n.authorId, n.fromFile, n.fileAuthor, n.fileCreatedAt?.getUTCMinutes()])).toEqual([
      [world.users.owner.id, true, "A reviewer", 1],
      [world.users.owner.id, true, "A translator", 2],
      [world.users.owner.id, true, "Гість Зовнішній", 3],
      [world.users.owner.id, true, "Olena Owner", 4],
      [world.users.owner.id, true, "Сыртқы рецензент", 5],
      [world.users.owner.id, true, null, 6],
    ]);
    expect(notes[1].parentId).toBe(notes[0].id);
    expect(notes[2].parentId).toBe(notes[0].id);
    expect(await world.db.revision.count({ where: { translation: { documentId: report.documentId } } })).toBe(8);
  });
});
