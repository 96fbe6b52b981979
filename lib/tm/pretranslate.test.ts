import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_FIRST_EN, type MemoryTestDb, memoryTestDb } from "../../tests/fixtures/memory-world";
import type { Match } from "./lookup";
import { projectMemoryIds } from "./memories";
import { lookupDocument, type ParagraphLookup, planPretranslation } from "./pretranslate";

const match = (unitId: number, score: number, target: string, extra: Partial<Match> = {}): Match => ({
  unitId,
  score,
  source: "",
  target,
  diff: [],
  numbersReplaced: false,
  penalties: [],
  exact: score >= 99,
  context: score === 101,
  kind: "sentence",
  status: "translated",
  origin: { memoryId: "m", documentId: null, segmentId: null, sentenceIndex: null },
  author: { id: null, name: null },
  updatedAt: new Date(0),
  ...extra,
});
const found = (paragraph: Match[], sentences: Match[][] = []): ParagraphLookup => ({ paragraph, sentences });
const empty = (id: string) => ({ id, translation: { text: "", status: "new" } });
const options = { threshold: 70, exactAsTranslated: true };

describe("planPretranslation", () => {
  it("fills exact matches as translated and fuzzy ones as drafts, never touching a translated paragraph", () => {
    const plan = planPretranslation(
      [empty("a"), empty("b"), empty("c"), { id: "d", translation: { text: "Done.", status: "draft" } }, empty("e")],
      new Map([
        ["a", found([match(1, 101, "Context.")])],
        ["b", found([match(2, 99, "Other document.")])],
        ["c", found([match(3, 85, "Fuzzy.")])],
        ["d", found([match(4, 100, "Never used.")])],
        ["e", found([match(5, 60, "Too low.")])],
      ]),
      options,
    );
    expect(plan.fills.map((f) => [f.segmentId, f.text, f.status, f.score, f.band])).toEqual([
      ["a", "Context.", "translated", 101, "context"],
      ["b", "Other document.", "translated", 99, "95-99"],
      ["c", "Fuzzy.", "draft", 85, "85-94"],
    ]);
    expect(plan.summary).toEqual({
      paragraphs: 5,
      alreadyTranslated: 1,
      filled: 3,
      translated: 2,
      drafts: 1,
      noMatch: 1,
      byBand: { context: 1, "95-99": 1, "85-94": 1 },
    });
  });

  it("makes every fill a draft when exact matches are not to be trusted, and for draft units and replaced numbers", () => {
    const lookups = new Map([
      ["a", found([match(1, 100, "Exact.")])],
      ["b", found([match(2, 99, "From a draft.", { status: "draft" })])],
      ["c", found([match(3, 99, "In 2014.", { exact: false, numbersReplaced: true })])],
    ]);
    const paragraphs = [empty("a"), empty("b"), empty("c")];
    expect(
      planPretranslation(paragraphs, lookups, { ...options, exactAsTranslated: false }).fills.map((f) => f.status),
    ).toEqual(["draft", "draft", "draft"]);
    expect(planPretranslation(paragraphs, lookups, options).fills.map((f) => [f.status, f.numbersReplaced])).toEqual([
      ["translated", false],
      ["draft", false],
      ["draft", true],
    ]);
  });

  it("joins the sentences' matches when they beat the paragraph's, scored by the weakest", () => {
    const lookups = new Map([
      ["a", found([match(1, 75, "Whole.")], [[match(2, 100, "One.")], [match(3, 90, "Two.")]])],
      ["b", found([match(4, 90, "Whole.")], [[match(5, 100, "One.")], [match(6, 90, "Two.")]])],
      ["c", found([], [[match(7, 100, "One.")], []])],
    ]);
    const plan = planPretranslation([empty("a"), empty("b"), empty("c")], lookups, options);
    expect(plan.fills.map((f) => [f.segmentId, f.text, f.score, f.from, f.unitIds, f.status])).toEqual([
      ["a", "One. Two.", 90, "sentences", [2, 3], "draft"],
      // A tie goes to the paragraph's own match.
      ["b", "Whole.", 90, "paragraph", [4], "draft"],
    ]);
    expect(plan.summary.noMatch).toBe(1);
  });
});

describe("lookupDocument", () => {
  let t: MemoryTestDb;
  beforeAll(async () => {
    t = await memoryTestDb();
    await t.confirm(t.segments[0].id, "en", DEMO_FIRST_EN.join(" "));
  });
  afterAll(() => t.cleanup());

  it("finds what a new document can take from the memory, ready to plan", async () => {
    const doc = await t.addDocument("New", [t.segments[0].source, "Нове речення.", t.segments[1].source]);
    const memoryIds = await projectMemoryIds(t.db, t.project.id);
    const { paragraphs, lookups } = (await lookupDocument(t.db, doc.id, {
      memoryIds,
      targetLang: "en",
      threshold: 70,
    }))!;
    expect(paragraphs.map((p) => p.id)).toEqual(doc.segments.map((s) => s.id));
    const plan = planPretranslation(paragraphs, lookups, options);
    // The first paragraph is in the memory (another document: 99, identical text: translated).
    expect(plan.fills.map((f) => [f.segmentId, f.text, f.status, f.score])).toEqual([
      [doc.segments[0].id, DEMO_FIRST_EN.join(" "), "translated", 99],
    ]);
    expect(plan.summary).toMatchObject({ paragraphs: 3, filled: 1, noMatch: 2 });
    expect(await lookupDocument(t.db, "none", { memoryIds, targetLang: "en", threshold: 70 })).toBeNull();
  });
});
