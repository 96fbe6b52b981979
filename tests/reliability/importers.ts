// Every importer of Parallel in one list, each with valid seed files to mutate and the call that
// imports bytes into the database. The fuzzing (fuzz-importers.test.ts) runs each of them; an
// importer that lands later (e.g. a project's bulk upload) is one more entry here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createDocument } from "../../lib/documents/create-document";
import { importDocument } from "../../lib/exchange/import/import-document";
import type { ExportFormat } from "../../lib/exchange/types";
import { writeGlossaryCsv } from "../../lib/terms/exchange/csv";
import { importGlossary } from "../../lib/terms/exchange/import-glossary";
import { importTmx } from "../../lib/tm/tmx-import";
import { bytes, encode1251, richDocx, sampleDocx, utf16 } from "../fixtures/import-files";
import { exportBytes } from "../fixtures/import-world";
import type { World } from "../world";

export interface Importer {
  name: string;
  /** The file name the bytes arrive under (its extension picks the parser). */
  fileName: string;
  seeds: Uint8Array[];
  /** What the damaged bytes become before they are imported (e.g. a part put into a valid zip). */
  wrap?: (bytes: Uint8Array) => Uint8Array;
  run(bytes: Uint8Array): Promise<unknown>;
}

const TXT = "Перший абзац.\n\n- пункт списку\nЦитата [52, с. 5].\nОстанній абзац.";
const DOCX_BODY =
  '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Заголовок</w:t></w:r></w:p>' +
  '<w:p><w:r><w:t xml:space="preserve">Абзац [52, с. 5]. </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>жирний</w:t></w:r></w:p>';
const MD = "# Заголовок\n\nАбзац із **жирним** і [посиланням](http://example.com).\n\n- пункт\n- ще пункт\n";

/** A small bilingual document to export as the seeds of the bilingual formats. */
async function smallDocument(world: World): Promise<string> {
  const id = await createDocument(world.db, {
    projectId: world.project.id,
    title: "Fuzz seed",
    segments: ["Перший абзац.", "Другий абзац [52, с. 5].", "- пункт списку"].map((source) => ({
      kind: "paragraph",
      source,
      wordCount: 2,
    })),
    targetLangs: ["en", "kk"],
  });
  const segments = await world.db.segment.findMany({ where: { documentId: id }, orderBy: { position: "asc" } });
  for (const [i, s] of segments.entries()) {
    await world.db.translation.updateMany({
      where: { segmentId: s.id, lang: "en" },
      data: { text: `English ${i} <b>&amp;</b>`, status: "translated", version: 1 },
    });
  }
  return id;
}

export async function importers(world: World): Promise<Importer[]> {
  const documentId = await smallDocument(world);
  const exported = async (format: ExportFormat) =>
    (await exportBytes(world.db, documentId, format, ["en", "kk"])).bytes;
  const asNew = (fileName: string, seeds: Uint8Array[]): Importer => ({
    name: fileName,
    fileName,
    seeds,
    run: (data) =>
      importDocument(world.db, {
        projectId: world.project.id,
        fileName,
        bytes: data,
        mode: "new",
        userId: world.users.owner.id,
      }),
  });
  const asUpdate = (fileName: string, seeds: Uint8Array[]): Importer => ({
    ...asNew(fileName, seeds),
    name: `${fileName} (update)`,
    run: (data) =>
      importDocument(world.db, {
        projectId: world.project.id,
        fileName,
        bytes: data,
        mode: "update",
        documentId,
        userId: world.users.owner.id,
      }),
  });
  const tmx = await exported("tmx");
  const xliff12 = await exported("xliff12");
  const xliff20 = await exported("xliff20");
  const csv = await exported("csv");
  const tbx = new Uint8Array(readFileSync(path.resolve("tests/fixtures/glossary/translate-toolkit.tbx")));
  const glossaryCsv = bytes(
    writeGlossaryCsv(
      [
        {
          id: "e1",
          term: "державна служба",
          sourceLang: "uk",
          partOfSpeech: "noun",
          definition: "Служба в органах влади",
          note: "",
          example: "",
          caseSensitive: false,
          translations: [{ lang: "en", term: "civil service", status: "preferred", note: "" }],
        },
      ],
      "uk",
      ["en", "kk"],
    ),
  );
  const glossary = (fileName: string, seeds: Uint8Array[]): Importer => ({
    name: `glossary ${fileName}`,
    fileName,
    seeds,
    run: (data) => importGlossary(world.db, world.project.id, world.users.owner.id, { bytes: data, fileName }),
  });
  return [
    asNew("doc.txt", [bytes(TXT), encode1251(TXT), utf16(TXT, "le"), utf16(TXT, "be")]),
    asNew("doc.md", [bytes(MD)]),
    asNew("doc.docx", [await sampleDocx(), richDocx()]),
    // The archive whole, its main part damaged: the XML inside gets the mutations.
    {
      ...asNew("doc.docx", [bytes(DOCX_BODY)]),
      name: "doc.docx (damaged XML inside)",
      wrap: (body) => richDocx(new TextDecoder().decode(body)),
    },
    asNew("doc.tmx", [tmx]),
    asNew("doc.xlf", [xliff12, xliff20]),
    asUpdate("doc.xlf", [xliff12, xliff20]),
    asNew("doc.csv", [csv]),
    asUpdate("doc.csv", [csv]),
    asNew("doc.tsv", [await exported("tsv")]),
    glossary("terms.tbx", [tbx]),
    glossary("terms.csv", [glossaryCsv]),
    {
      name: "memory tmx",
      fileName: "memory.tmx",
      seeds: [tmx],
      run: (data) =>
        importTmx(
          world.db,
          async function* () {
            yield data;
          },
          { projectId: world.project.id, name: "Fuzz memory", createdById: world.users.owner.id },
        ),
    },
  ];
}
