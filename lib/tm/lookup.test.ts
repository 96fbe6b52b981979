import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_FIRST_EN, type MemoryTestDb, memoryWithFirstParagraph } from "../../tests/fixtures/memory-world";
import { splitSentences } from "../segments/sentences";
import { lookupSegmentMatches, lookupTexts } from "./lookup";
import { attachMemory, projectMemoryIds, projectsUsingMemory, workingMemory } from "./memories";
import { contextHash } from "./normalize";

let t: MemoryTestDb;
let memoryIds: string[];
beforeAll(async () => {
  ({ t, memoryIds } = await memoryWithFirstParagraph());
});
afterAll(() => t.cleanup());

const options = () => ({ memoryIds, targetLang: "en" });
// The demo's third sentence: 15 words (Зокрема зазначалося що в країнах СНД немає державного органу
// подібного Агентству у справах державної служби).
const THIRD =
  "Зокрема, зазначалося, що в країнах СНД немає державного органу, подібного Агентству у справах державної служби.";

describe("lookupSegmentMatches", () => {
  it("finds a one-word variant of a confirmed sentence in another document, with the word highlighted", async () => {
    const variant = THIRD.replace("державного органу", "урядового органу");
    const other = await t.addDocument("Variant", [variant]);
    const found = await lookupSegmentMatches(t.db, other.segments[0].id, options());
    // One of 15 words differs: ⌊100 × 14/15⌋ = 93, and another document costs a point: 92.
    expect(found!.paragraph.map((m) => [m.score, m.source, m.target])).toEqual([[92, THIRD, DEMO_FIRST_EN[2]]]);
    const [match] = found!.paragraph;
    expect(match.diff.filter((d) => d.kind !== "same").map((d) => [d.kind, d.text])).toEqual([
      ["removed", "державного"],
      ["added", "урядового"],
    ]);
    expect(match).toMatchObject({
      kind: "sentence",
      status: "translated",
      origin: { documentId: t.document.id, segmentId: t.segments[0].id, sentenceIndex: 2 },
      author: { id: t.user.id },
    });
    expect(found!.sentences).toEqual([]);
    expect(found!.matches).toEqual(found!.paragraph);
  });

  it("looks up each sentence of a paragraph, and the paragraph itself", async () => {
    const sentences = splitSentences(t.segments[0].source, "uk").map((s) => s.text);
    const text = `${sentences[1]} Зовсім нове речення про інше.`;
    const other = await t.addDocument("Two sentences", [text]);
    const found = await lookupSegmentMatches(t.db, other.segments[0].id, options());
    // The paragraph has the sentence's 15 words and 5 more: ⌊100 × 15/20⌋ = 75, another document: 74.
    expect(found!.paragraph.map((m) => [m.score, m.kind, m.target])).toEqual([[74, "sentence", DEMO_FIRST_EN[1]]]);
    expect(found!.sentences.map((s) => [s.index, s.text, s.matches.map((m) => m.score)])).toEqual([
      [0, sentences[1], [99]],
      [1, "Зовсім нове речення про інше.", []],
    ]);
    expect(found!.matches.map((m) => [m.sentence, m.target])).toEqual([
      [undefined, DEMO_FIRST_EN[1]],
      [0, DEMO_FIRST_EN[1]],
    ]);
  });

  it("gives 100 in the same document and 101 when the neighbours match too", async () => {
    // The demo paragraph itself: identical, same document, same neighbours.
    const found = await lookupSegmentMatches(t.db, t.segments[0].id, options());
    expect(found!.paragraph.map((m) => [m.score, m.context])).toEqual([[101, true]]);
    expect(found!.sentences.map((s) => s.matches[0].score)).toEqual([101, 101, 101, 101]);
    // The same paragraph in a document of its own: identical text, other neighbours, other document.
    const copy = await t.addDocument("Copy", [t.segments[0].source, "Інший абзац."]);
    const inCopy = await lookupSegmentMatches(t.db, copy.segments[0].id, options());
    expect(inCopy!.paragraph.map((m) => [m.score, m.context])).toEqual([[99, false]]);
  });

  it("offers the target with the current numbers when only numbers differ", async () => {
    const [seg] = (await t.addDocument("Numbers 1", ["У 2013 році проведено 2 семінари."])).segments;
    await t.confirm(seg.id, "en", "In 2013, 2 seminars were held.");
    const [next] = (await t.addDocument("Numbers 2", ["У 2014 році проведено 3 семінари."])).segments;
    const found = await lookupSegmentMatches(t.db, next.id, options());
    // 100 − 1 (numbers replaced) − 1 (another document).
    expect(found!.paragraph.map((m) => [m.score, m.target, m.numbersReplaced])).toEqual([
      [98, "In 2014, 3 seminars were held.", true],
    ]);
  });

  it("reads only the memories and the target language asked for", async () => {
    const other = await t.addProject("Other project", ["Особливий текст іншого проєкту про реформу."]);
    await t.confirm(other.segments[0].id, "en", "A special text of another project about the reform.");
    // Not alone in its document, unlike the other project's paragraph: no context match.
    const [probe] = (await t.addDocument("Probe", ["Особливий текст іншого проєкту про реформу.", "Далі."])).segments;
    expect((await lookupSegmentMatches(t.db, probe.id, options()))!.paragraph).toEqual([]);
    const theirs = await workingMemory(t.db, other.project.id);
    await attachMemory(t.db, t.project.id, theirs.id, t.user.id);
    const ids = await projectMemoryIds(t.db, t.project.id);
    expect(ids).toEqual([...memoryIds, theirs.id]);
    expect(await projectsUsingMemory(t.db, theirs.id)).toEqual([other.project.id, t.project.id]);
    expect(await projectsUsingMemory(t.db, "no-such-memory")).toEqual([]);
    const found = await lookupSegmentMatches(t.db, probe.id, { memoryIds: ids, targetLang: "en" });
    expect(found!.paragraph.map((m) => [m.score, m.origin.memoryId])).toEqual([[99, theirs.id]]);
    expect((await lookupSegmentMatches(t.db, probe.id, { memoryIds: ids, targetLang: "kk" }))!.paragraph).toEqual([]);
  });

  it("is null for a segment that does not exist", async () => {
    expect(await lookupSegmentMatches(t.db, "no-such-segment", options())).toBeNull();
  });
});

describe("lookupTexts", () => {
  it("keeps the threshold and the limit, best first", async () => {
    // 10 words.
    const base = "Агентство забезпечує реалізацію єдиної кадрової політики в масштабі всієї республіки.";
    const variants = [
      base,
      base.replace("єдиної", "нової"),
      base.replace("єдиної", "нової").replace("масштабі", "масштабах"),
      base.replace("єдиної кадрової", "абсолютно іншої"),
      base
        .replace("Агентство забезпечує", "Міністерство визначає")
        .replace("єдиної", "нової")
        .replace("політики", "стратегії"),
    ];
    const doc = await t.addDocument("Variants", variants);
    for (const [i, s] of doc.segments.entries()) await t.confirm(s.id, "en", `Variant ${i}.`);
    // 0, 1, 2, 2 and 4 of 10 words differ: 100 (same document), 90, 80, 80, 60.
    const [all] = await lookupTexts(t.db, [{ text: base }], {
      ...options(),
      sourceLang: "uk",
      documentId: doc.id,
      threshold: 50,
      limit: 10,
    });
    expect(all.map((m) => [m.score, m.target])).toEqual([
      [100, "Variant 0."],
      [90, "Variant 1."],
      // Equal scores: the closer spelling first ("масштабах" for "масштабі" is nearly the same word).
      [80, "Variant 2."],
      [80, "Variant 3."],
      [60, "Variant 4."],
    ]);
    const [top] = await lookupTexts(t.db, [{ text: base }], { ...options(), sourceLang: "uk", documentId: doc.id });
    expect(top.map((m) => m.score)).toEqual([100, 90, 80, 80]);
    const [two] = await lookupTexts(t.db, [{ text: base }], {
      ...options(),
      sourceLang: "uk",
      documentId: doc.id,
      limit: 2,
    });
    expect(two.map((m) => m.score)).toEqual([100, 90]);
  });

  it("finds punctuation-only text only when identical, and nothing in no memory", async () => {
    const [dash] = (await t.addDocument("Dash", ["* * *"])).segments;
    await t.confirm(dash.id, "en", "* * *");
    const results = await lookupTexts(t.db, [{ text: "* * *" }, { text: "— — —" }], {
      ...options(),
      sourceLang: "uk",
      documentId: "elsewhere",
    });
    expect(results.map((r) => r.map((m) => m.score))).toEqual([[99], []]);
    expect(await lookupTexts(t.db, [{ text: THIRD }], { memoryIds: [], targetLang: "en", sourceLang: "uk" })).toEqual([
      [],
    ]);
  });

  it("uses the context it is given", async () => {
    const sentences = splitSentences(t.segments[0].source, "uk").map((s) => s.text);
    const [m] = await lookupTexts(
      t.db,
      [{ text: sentences[1], prevHash: contextHash(sentences[0]), nextHash: contextHash(sentences[2]) }],
      { ...options(), sourceLang: "uk", documentId: "elsewhere" },
    );
    expect(m[0]).toMatchObject({ score: 101, context: true });
  });
});
