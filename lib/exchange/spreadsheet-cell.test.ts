// Cells a spreadsheet would run as a formula are written as text (a leading apostrophe) in CSV and
// TSV, and the import takes exactly that apostrophe off again: translations that really start with
// "=", "-", "'" and the like come back byte for byte.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBytes } from "../../tests/fixtures/import-world";
import { createWorld, type World } from "../../tests/world";
import { importDocument } from "./import/import-document";
import { protectCell, unprotectCell } from "./spreadsheet-cell";

const RISKY = [
  '=HYPERLINK("http://evil.example","click")',
  "+380 44 123 45 67",
  "-5 °C at night",
  "@SUM(A1:A2)",
  "\tindented with a tab",
  "'Twas the night before",
  "''double",
  "'=already quoted",
  "'",
  "-",
];

describe("protectCell / unprotectCell", () => {
  it("puts an apostrophe before every cell a spreadsheet would treat as a formula, or that starts with one", () => {
    expect(RISKY.map(protectCell)).toEqual(RISKY.map((v) => `'${v}`));
    expect(protectCell("\rcarriage return")).toBe("'\rcarriage return");
    for (const plain of ["", "Plain text", "1", "[52, с. 5]", "«Агенттік»", " -leading space"]) {
      expect(protectCell(plain)).toBe(plain);
    }
  });

  it("reads back exactly what was written", () => {
    for (const value of [...RISKY, "\rcr", "", "plain", "'''", "'x'"])
      expect(unprotectCell(protectCell(value))).toBe(value);
  });

  it("leaves an apostrophe alone that our export cannot have written (another tool's file)", () => {
    expect(unprotectCell("'twas")).toBe("'twas");
    expect(unprotectCell("'")).toBe("'");
    expect(unprotectCell("'-5")).toBe("-5");
  });
});

describe("CSV and TSV export → import", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
    for (const [i, text] of RISKY.entries()) {
      for (const lang of ["en", "kk"]) {
        await world.db.translation.update({
          where: { segmentId_lang: { segmentId: world.segments[i].id, lang } },
          data: { text: lang === "en" ? text : `${text} (kk)`, status: "translated", version: 1 },
        });
      }
    }
  }, 60_000);
  afterAll(() => world.cleanup());

  it.each(["csv", "tsv"] as const)(
    "%s: the risky cells are written as text and come back byte for byte",
    async (format) => {
      const { filename, bytes } = await exportBytes(world.db, world.document.id, format);
      const rows: Record<string, string>[] = parse(Buffer.from(bytes).toString("utf8"), {
        bom: true,
        columns: true,
        delimiter: format === "tsv" ? "\t" : ",",
      });
      // What a spreadsheet sees: every risky translation starts with the apostrophe, nothing else does.
      expect(rows.slice(0, RISKY.length).map((r) => r.en)).toEqual(RISKY.map((v) => `'${v}`));
      expect(rows.slice(0, RISKY.length).map((r) => r.kk)).toEqual(RISKY.map((v) => `'${v} (kk)`));
      const plain = rows.slice(RISKY.length).map((r) => r.uk);
      expect(plain.every((cell) => cell === "" || !/^['=+\-@\t\r]/.test(cell))).toBe(true);

      const report = await importDocument(world.db, {
        projectId: world.project.id,
        fileName: filename,
        bytes,
        mode: "new",
        userId: world.users.owner.id,
      });
      const texts = async (documentId: string, lang: string) =>
        (
          await world.db.translation.findMany({
            where: { documentId, lang },
            orderBy: { segment: { position: "asc" } },
            select: { text: true },
          })
        ).map((t) => Buffer.from(t.text).toString("hex"));
      for (const lang of ["en", "kk"]) {
        expect(await texts(report.documentId, lang)).toEqual(await texts(world.document.id, lang));
      }
      const sources = async (documentId: string) =>
        (await world.db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } })).map((s) => s.source);
      expect(await sources(report.documentId)).toEqual(await sources(world.document.id));
    },
  );
});

describe("glossary CSV", () => {
  it("writes risky terms as text and reads them back exactly", async () => {
    const { readGlossaryCsv, writeGlossaryCsv } = await import("../terms/exchange/csv");
    const entry = {
      id: "e1",
      term: "-ість",
      sourceLang: "uk",
      partOfSpeech: null,
      definition: "=SUM(A1)",
      note: "'цитата'",
      example: "@mention",
      caseSensitive: false,
      translations: [{ lang: "en", term: "+plus", status: "preferred", note: "" }],
    };
    const csv = writeGlossaryCsv([entry], "uk", ["en"]);
    const cells: string[][] = parse(csv, { bom: true });
    expect(cells[1]).toEqual(["'-ість", "'+plus", "preferred", "", "", "'=SUM(A1)", "''цитата'", "'@mention", ""]);
    const [read] = readGlossaryCsv(csv, "uk").entries;
    expect(read).toMatchObject({
      term: "-ість",
      definition: "=SUM(A1)",
      note: "'цитата'",
      example: "@mention",
      translations: [{ lang: "en", term: "+plus", status: "preferred" }],
    });
  });
});
