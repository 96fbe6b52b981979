// Glossary exchange on a real SQLite file: TBX-Basic v3 round trip, a translate-toolkit v2 file,
// CSV, duplicates merged, hostile or malformed files refused with nothing written.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusal, termsProject } from "../../../tests/terms";
import { createWorld, type World } from "../../../tests/world";
import { listGlossaryEntries, projectGlossaries } from "../list";
import { exportGlossary } from "./export-glossary";
import { importGlossary } from "./import-glossary";
import { readTbx } from "./tbx-read";

let world: World;
let authorId: string;
const bytes = (s: string) => new TextEncoder().encode(s);
const demoCsv = readFileSync(path.resolve("prisma/seed/civil-service-glossary.csv"));
const ttTbx = readFileSync(path.resolve("tests/fixtures/glossary/translate-toolkit.tbx"));

beforeAll(async () => {
  world = await createWorld();
  authorId = world.users.owner.id;
});
afterAll(() => world.cleanup());

/** Every entry of a project's glossary as plain data, for comparing two glossaries. */
async function snapshot(projectId: string) {
  const ids = (await projectGlossaries(world.db, projectId)).filter((g) => g.own).map((g) => g.id);
  const { entries } = await listGlossaryEntries(world.db, ids, { limit: 500 });
  return entries.map((e) => ({
    term: e.term,
    partOfSpeech: e.partOfSpeech,
    definition: e.definition,
    note: e.note,
    example: e.example,
    caseSensitive: e.caseSensitive,
    translations: e.translations.map((t) => [t.lang, t.term, t.status, t.note]),
  }));
}

describe("glossary import and export", () => {
  it("imports the demo CSV, then merges a second import instead of doubling it", async () => {
    const project = await termsProject(world.db, "CSV");
    const first = await importGlossary(world.db, project.id, authorId, { bytes: demoCsv, fileName: "g.csv" });
    expect(first).toMatchObject({ format: "csv", entries: 10, created: 10, merged: 0, skippedLanguages: [] });
    const again = await importGlossary(world.db, project.id, authorId, { bytes: demoCsv, fileName: "g.csv" });
    expect(again).toMatchObject({ entries: 10, created: 0, merged: 10, duplicateTranslations: 24 });
    const entries = await snapshot(project.id);
    expect(entries).toHaveLength(10);
    expect(entries.find((e) => e.term === "державна служба")).toEqual({
      term: "державна служба",
      partOfSpeech: "noun",
      definition: "Професійна діяльність осіб на посадах у державних органах.",
      note: "",
      example: "Реформа державної служби.",
      caseSensitive: false,
      translations: [
        ["en", "civil service", "preferred", ""],
        ["en", "public service", "admitted", ""],
        ["en", "state service", "forbidden", "calque of the Ukrainian"],
        ["kk", "мемлекеттік қызмет", "preferred", ""],
      ],
    });
    expect(entries.find((e) => e.term === "ПРООН")?.caseSensitive).toBe(true);
  });

  it("round-trips TBX-Basic v3 and CSV: export, import elsewhere, the same glossary", async () => {
    const from = await termsProject(world.db, "From");
    await importGlossary(world.db, from.id, authorId, { bytes: demoCsv, fileName: "g.csv" });
    const original = await snapshot(from.id);
    for (const format of ["tbx", "csv"] as const) {
      const file = await exportGlossary(world.db, from.id, format);
      expect(file.fileName).toBe(`From-glossary.${format}`);
      const to = await termsProject(world.db, `To ${format}`);
      const report = await importGlossary(world.db, to.id, authorId, {
        bytes: bytes(file.body),
        fileName: file.fileName,
      });
      expect(report).toMatchObject({ created: 10, merged: 0, duplicateTranslations: 0 });
      expect(await snapshot(to.id)).toEqual(original);
    }
    const tbx = (await exportGlossary(world.db, from.id, "tbx")).body;
    expect(tbx).toContain('<tbx style="dca" type="TBX-Basic" xml:lang="uk" xmlns="urn:iso:std:iso:30042:ed-2"');
    expect(tbx).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    expect(tbx).toContain('<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>');
  });

  it("reads a translate-toolkit v2 martif file: notes, definition, part of speech, status, en-GB as en", async () => {
    const project = await termsProject(world.db, "TT");
    const report = await importGlossary(world.db, project.id, authorId, { bytes: ttTbx, fileName: "tt.tbx" });
    expect(report).toMatchObject({ format: "tbx", entries: 3, created: 3, skippedLanguages: [] });
    const entries = await snapshot(project.id);
    expect(entries.map((e) => [e.term, e.partOfSpeech, e.definition, e.note, e.translations])).toEqual([
      [
        "державна служба",
        "noun",
        "Professional activity of persons holding posts in state bodies.",
        'Not "state service".',
        [["en", "civil service", "preferred", ""]],
      ],
      ["круглий стіл", null, "", "Conference format.", [["en", "round table", "forbidden", ""]]],
      ["Регіональний хаб", null, "", "", [["en", "Regional Hub", "preferred", ""]]],
    ]);
  });

  it("reads ntig/termGrp, keeps source synonyms as entries, and reports languages the project lacks", () => {
    const tbx = `<martif type="TBX-Basic" xml:lang="uk-UA"><text><body>
      <termEntry><langSet xml:lang="uk-UA">
        <ntig><termGrp><term>публічна служба</term><termNote type="partOfSpeech">noun</termNote></termGrp></ntig>
        <ntig><termGrp><term>державна служба</term></termGrp></ntig>
      </langSet><langSet xml:lang="de"><ntig><termGrp><term>öffentlicher Dienst</term></termGrp></ntig></langSet></termEntry>
      <termEntry><langSet xml:lang="en"><tig><term>orphan</term></tig></langSet></termEntry>
    </body></text></martif>`;
    const parsed = readTbx(tbx, "uk");
    expect(parsed.withoutSource).toBe(1);
    expect(parsed.entries.map((e) => [e.term, e.partOfSpeech, e.translations.map((t) => t.lang)])).toEqual([
      ["публічна служба", "noun", ["de"]],
      ["державна служба", null, ["de"]],
    ]);
  });

  it("skips languages the project does not translate into, and says which", async () => {
    const project = await termsProject(world.db, "Langs");
    const csv = "uk,en,de\nхаб,hub,Knotenpunkt\n";
    const report = await importGlossary(world.db, project.id, authorId, { bytes: bytes(csv), fileName: "x.csv" });
    expect(report).toMatchObject({ created: 1, skippedLanguages: ["de"] });
  });

  it.each([
    [
      "entities",
      '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x "boom">]><tbx><text><body/></text></tbx>',
      "x.tbx",
      "xml_dtd",
    ],
    ["malformed XML", "<tbx><text><body><conceptEntry></body></text></tbx>", "x.tbx", "xml_malformed"],
    ["another XML root", "<tmx><body/></tmx>", "x.tbx", "glossary_not_tbx"],
    [
      "an unknown status",
      '<tbx><text><body><conceptEntry><langSec xml:lang="uk"><termSec><term>хаб</term></termSec></langSec><langSec xml:lang="en"><termSec><term>hub</term><termNote type="administrativeStatus">maybe</termNote></termSec></langSec></conceptEntry></body></text></tbx>',
      "x.tbx",
      "glossary_status",
    ],
    ["an unknown CSV column", "uk,en,colour\nхаб,hub,red\n", "x.csv", "glossary_columns"],
    ["no source-language column", "en,kk\nhub,хаб\n", "x.csv", "glossary_columns"],
    ["malformed CSV", 'uk,en\n"хаб,hub\n', "x.csv", "csv_malformed"],
    ["a term too long", `uk,en\nхаб,hub\n${"а".repeat(301)},long\n`, "x.csv", "glossary_term_too_long"],
    // The soak's fuzzing found it: 84,000 characters of tags, refused only after 40 s (now at once).
    [
      "a term of 24,000 tags",
      `uk,en\nхаб,hub\n${"<a>".repeat(12_000)}${"</a>".repeat(12_000)},long\n`,
      "x.csv",
      "glossary_term_too_long",
    ],
    ["an empty term", "uk,en\nхаб,hub\n,empty\n", "x.csv", "glossary_term_empty"],
    [
      "no source-language term",
      '<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>hub</term></termSec></langSec></conceptEntry></body></text></tbx>',
      "x.tbx",
      "glossary_languages",
    ],
    ["no entries", "uk,en\n", "x.csv", "glossary_empty"],
    ["another type", "just text", "x.txt", "glossary_type"],
  ])("refuses %s (%s) and writes nothing", async (_what, content, fileName, reason) => {
    const project = await termsProject(world.db, `Bad ${reason}`);
    const error = await refusal(importGlossary(world.db, project.id, authorId, { bytes: bytes(content), fileName }));
    expect(error.code).toBe("invalid_input");
    expect(error.details?.reason).toBe(reason);
    expect(await world.db.glossaryEntry.count({ where: { glossary: { projectId: project.id } } })).toBe(0);
  });

  it("names the entry of a bad row, and refuses files over the size limit", async () => {
    const project = await termsProject(world.db, "Limits");
    const bad = await refusal(
      importGlossary(world.db, project.id, authorId, { bytes: bytes("uk,en\nхаб,hub\n,x\n"), fileName: "x.csv" }),
    );
    expect(bad.details).toMatchObject({ unit: 3 });
    const saved = process.env.PARALLEL_MAX_UPLOAD_MB;
    process.env.PARALLEL_MAX_UPLOAD_MB = "0.00001";
    try {
      const big = await refusal(importGlossary(world.db, project.id, authorId, { bytes: demoCsv, fileName: "g.csv" }));
      expect(big.code).toBe("too_large");
    } finally {
      if (saved === undefined) delete process.env.PARALLEL_MAX_UPLOAD_MB;
      else process.env.PARALLEL_MAX_UPLOAD_MB = saved;
    }
  });
});
