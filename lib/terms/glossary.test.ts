// Glossary entries on a real SQLite file: validation, duplicates merged, updates, search, and the
// recognition index seeing every edit at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusal, termsProject } from "../../tests/terms";
import { createWorld, type World } from "../../tests/world";
import { createGlossaryEntry, deleteGlossaryEntry, glossaryEntryOwner, updateGlossaryEntry } from "./glossary";
import { loadDocumentTermIndex, loadTermIndex } from "./index-cache";
import { attachGlossary, detachGlossary, listGlossaryEntries, projectGlossaries } from "./list";

let world: World;
let projectId: string;
let authorId: string;

beforeAll(async () => {
  world = await createWorld();
  // A project of its own: the demo project comes with the demo glossary.
  const project = await termsProject(world.db, "Terms");
  projectId = project.id;
  authorId = world.users.translator.id;
});
afterAll(() => world.cleanup());

const civil = {
  term: "державна служба",
  translations: [
    { lang: "en", term: "civil service" },
    { lang: "en", term: "state service", status: "forbidden" },
    { lang: "kk", term: "мемлекеттік қызмет" },
  ],
  partOfSpeech: "noun",
  definition: "Професійна діяльність осіб, які займають посади в державних органах.",
};

describe("glossary entries", () => {
  let civilId: string;

  it("creates an entry in the project's own glossary with its author", async () => {
    const { entry, merged } = await createGlossaryEntry(world.db, projectId, authorId, civil);
    civilId = entry.id;
    expect(merged).toBe(false);
    expect(entry).toMatchObject({
      term: "державна служба",
      sourceLang: "uk",
      createdById: authorId,
      caseSensitive: false,
    });
    expect(entry.translations.map((t) => [t.lang, t.term, t.status])).toEqual([
      ["en", "civil service", "preferred"],
      ["en", "state service", "forbidden"],
      ["kk", "мемлекеттік қызмет", "preferred"],
    ]);
    expect(await glossaryEntryOwner(world.db, entry.id)).toMatchObject({ projectId });
  });

  it("merges a duplicate instead of doubling it, and says so", async () => {
    const again = await createGlossaryEntry(world.db, projectId, authorId, {
      term: "  Державна   служба ",
      translations: [
        { lang: "en", term: "Civil Service" },
        { lang: "en", term: "public service", status: "admitted" },
        { lang: "en", term: "public service", status: "admitted" },
      ],
      example: "Реформа державної служби.",
    });
    expect(again).toMatchObject({ merged: true, duplicateTranslations: 2 });
    expect(again.entry.id).toBe(civilId);
    expect(again.entry.example).toBe("Реформа державної служби.");
    expect(again.entry.translations.map((t) => t.term)).toEqual([
      "civil service",
      "state service",
      "мемлекеттік қызмет",
      "public service",
    ]);
    expect(await world.db.glossaryEntry.count({ where: { glossary: { projectId } } })).toBe(1);
  });

  it.each([
    [{ term: "   " }, "term", "term_empty"],
    [{ term: "а".repeat(301) }, "term", "term_too_long"],
    [{ term: "—" }, "term", "term_no_word"],
    [{ term: "хаб", translations: [{ lang: "de", term: "Hub" }] }, "translations.0.lang", "lang_not_in_project"],
    [{ term: "хаб", translations: [{ lang: "en", term: "" }] }, "translations.0.term", "term_empty"],
    [
      { term: "хаб", translations: [{ lang: "en", term: "hub", status: "approved" }] },
      "translations.0.status",
      "bad_term_status",
    ],
    [{ term: "хаб", partOfSpeech: "pronoun" }, "partOfSpeech", "bad_part_of_speech"],
    [{ term: "hub", sourceLang: "en" }, "sourceLang", "not_source_lang"],
  ])("refuses %j: %s %s, writing nothing", async (input, field, reason) => {
    const before = await world.db.glossaryEntry.count();
    const error = await refusal(createGlossaryEntry(world.db, projectId, authorId, input));
    expect(error).toMatchObject({ code: "invalid_input", details: { field, reason } });
    expect(await world.db.glossaryEntry.count()).toBe(before);
  });

  it("updates fields, replaces translations, refuses a term another entry has", async () => {
    const hub = await createGlossaryEntry(world.db, projectId, authorId, {
      term: "Регіональний хаб",
      translations: [{ lang: "en", term: "regional hub" }],
    });
    const updated = await updateGlossaryEntry(world.db, hub.entry.id, world.users.owner.id, {
      translations: [
        { lang: "en", term: "Regional Hub" },
        { lang: "kk", term: "Өңірлік хаб" },
      ],
      caseSensitive: true,
    });
    expect(updated.translations.map((t) => t.term)).toEqual(["Regional Hub", "Өңірлік хаб"]);
    expect(updated).toMatchObject({ caseSensitive: true, updatedById: world.users.owner.id, createdById: authorId });
    const clash = await refusal(updateGlossaryEntry(world.db, hub.entry.id, authorId, { term: "Державна служба" }));
    expect(clash).toMatchObject({ code: "conflict", details: { reason: "term_exists", entryId: civilId } });
    expect(await refusal(updateGlossaryEntry(world.db, hub.entry.id, authorId, {}))).toMatchObject({
      details: { reason: "nothing_to_change" },
    });
    expect(await refusal(updateGlossaryEntry(world.db, "nope", authorId, { note: "x" }))).toMatchObject({
      code: "not_found",
    });
  });

  it("lists with search by any inflected form, case-insensitively, and filters by language and status", async () => {
    const [own] = await projectGlossaries(world.db, projectId);
    const ids = [own.id];
    const terms = async (query: object) => (await listGlossaryEntries(world.db, ids, query)).entries.map((e) => e.term);
    expect(await terms({})).toEqual(["державна служба", "Регіональний хаб"]);
    expect(await terms({ q: "ДЕРЖАВНОЇ служби" })).toEqual(["державна служба"]);
    expect(await terms({ q: "хаба" })).toEqual(["Регіональний хаб"]);
    expect(await terms({ q: "services" })).toEqual(["державна служба"]);
    expect(await terms({ q: "қызметтің" })).toEqual(["державна служба"]);
    expect(await terms({ q: "%" })).toEqual([]);
    expect(await terms({ q: "_" })).toEqual([]);
    expect(await terms({ lang: "kk" })).toEqual(["державна служба", "Регіональний хаб"]);
    expect(await terms({ lang: "en", status: "forbidden" })).toEqual(["державна служба"]);
    const page = await listGlossaryEntries(world.db, ids, { limit: 1 });
    expect(page).toMatchObject({ total: 2, nextCursor: page.entries[0].id });
    const rest = await listGlossaryEntries(world.db, ids, { limit: 1, cursor: page.nextCursor });
    expect(rest.entries.map((e) => e.term)).toEqual(["Регіональний хаб"]);
    expect(rest.nextCursor).toBeNull();
  });
});

describe("the recognition index", () => {
  it("is loaded once, and an edit, a deletion or an attachment is seen at once", async () => {
    // The demo document comes with the demo glossary.
    const demo = await loadDocumentTermIndex(world.db, world.document.id);
    expect(demo!.index.findSource(world.segments[0].source).map((m) => m.text)).toContain("державної служби");

    const first = await loadTermIndex(world.db, projectId, "uk");
    const again = await loadTermIndex(world.db, projectId, "uk");
    expect(again.index).toBe(first.index);
    const text = "Реформа державної служби та Регіонального хаба, круглий стіл.";
    expect(first.index.findSource(text).map((m) => m.text)).toEqual(["державної служби", "Регіонального хаба"]);

    const table = await createGlossaryEntry(world.db, projectId, authorId, { term: "круглий стіл" });
    const edited = await loadTermIndex(world.db, projectId, "uk");
    expect(edited.stamp).not.toBe(first.stamp);
    expect(edited.index.findSource(text).map((m) => m.text)).toContain("круглий стіл");

    await deleteGlossaryEntry(world.db, table.entry.id);
    expect((await loadTermIndex(world.db, projectId, "uk")).index.findSource(text)).toHaveLength(2);

    // Another project's glossary, attached read-only.
    const other = await world.db.project.create({ data: { name: "Other", sourceLang: "uk" } });
    await createGlossaryEntry(world.db, other.id, authorId, { term: "круглий стіл" });
    await attachGlossary(world.db, projectId, other.id);
    const refs = await projectGlossaries(world.db, projectId);
    expect(refs.map((r) => [r.projectName, r.own])).toEqual([
      ["Terms", true],
      ["Other", false],
    ]);
    expect((await loadTermIndex(world.db, projectId, "uk")).index.findSource(text)).toHaveLength(3);
    await detachGlossary(world.db, projectId, refs[1].id);
    expect((await loadTermIndex(world.db, projectId, "uk")).index.findSource(text)).toHaveLength(2);
    expect(await refusal(attachGlossary(world.db, projectId, projectId))).toMatchObject({
      details: { reason: "glossary_self" },
    });
  });
});

describe("a big glossary", () => {
  // More entries than the SQLite driver binds parameters in one query (the relation load bound one per entry).
  const SIZE = 2_000;
  it("loads for recognition and exports every entry", async () => {
    const { ensureGlossary, bumpGlossary } = await import("./glossary");
    const { writeEntries } = await import("./write-entries");
    const { loadRecognitionEntries } = await import("./index-cache");
    const { exportGlossary } = await import("./exchange/export-glossary");
    const big = await termsProject(world.db, "Big glossary");
    const entries = Array.from({ length: SIZE }, (_, i) => ({
      term: `термін номер ${i}`,
      sourceLang: "uk",
      translations: [{ lang: "en", term: `term ${i}`, status: "preferred" as const, note: "" }],
      partOfSpeech: null,
      definition: "",
      note: "",
      example: "",
      caseSensitive: false,
    }));
    const glossaryId = await world.db.$transaction(
      async (tx) => {
        const { id } = await ensureGlossary(tx, big.id);
        await writeEntries(tx, id, entries, null);
        await bumpGlossary(tx, id);
        return id;
      },
      { timeout: 60_000 },
    );
    const loaded = await loadRecognitionEntries(world.db, [glossaryId]);
    expect(loaded).toHaveLength(SIZE);
    expect(loaded.find((e) => e.term === `термін номер ${SIZE - 1}`)?.translations).toEqual([
      { lang: "en", term: `term ${SIZE - 1}`, status: "preferred" },
    ]);
    const csv = await exportGlossary(world.db, big.id, "csv");
    expect(csv.body.split("\r\n").filter(Boolean)).toHaveLength(SIZE + 1);
    expect(csv.body).toContain(`термін номер ${SIZE - 1},term ${SIZE - 1},preferred`);
  });
});
