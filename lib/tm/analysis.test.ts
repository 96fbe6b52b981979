import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryTestDb, memoryWithFirstParagraph } from "../../tests/fixtures/memory-world";
import { splitSentences } from "../segments/sentences";
import { analyseDocument, analysisCsv, analysisJson, summarizeAnalysis } from "./analysis";
import { bandOf, bands, DEFAULT_WEIGHTS } from "./bands";

let t: MemoryTestDb;
let memoryIds: string[];
beforeAll(async () => {
  ({ t, memoryIds } = await memoryWithFirstParagraph());
});
afterAll(() => t.cleanup());

const row = (analysis: { bands: { band: string }[] }, band: string) => analysis.bands.find((b) => b.band === band);

describe("analyseDocument", () => {
  it("puts each sentence of a known document in its band, with its words", async () => {
    const s3 = splitSentences(t.segments[0].source, "uk")[2].text;
    const doc = await t.addDocument("To analyse", [
      s3, // in the memory, from another document: 99 → 95–99 (15 words)
      s3, // repeated: repetitions (15)
      s3.replace("державного", "урядового"), // 1 of 15 words differs: 93 − 1 = 92 → 85–94 (15)
      "Зовсім нове речення без відповідника.", // no match (5)
      t.segments[0].source, // the whole paragraph is in the memory (99): its sentences 95–99 (16 + 15 + 20), s3 a repetition
    ]);
    const analysis = (await analyseDocument(t.db, { documentId: doc.id, targetLang: "en", memoryIds }))!;
    const table = Object.fromEntries(analysis.bands.map((b) => [b.band, [b.segments, b.words, b.weightedWords]]));
    expect(table).toEqual({
      repetitions: [2, 30, 9],
      context: [0, 0, 0],
      exact: [0, 0, 0],
      "95-99": [4, 66, 33],
      "85-94": [1, 15, 9],
      "75-84": [0, 0, 0],
      "50-74": [0, 0, 0],
      none: [1, 5, 5],
    });
    expect(analysis.total).toMatchObject({ segments: 8, words: 116, weightedWords: 56 });
    // "Зовсім нове речення без відповідника." without its spaces.
    expect(row(analysis, "none")).toMatchObject({ characters: 33 });
    expect(analysis.total.characters).toBe(analysis.bands.reduce((sum, b) => sum + b.characters, 0));
  });

  it("finds context matches where the document was confirmed", async () => {
    const analysis = (await analyseDocument(t.db, { documentId: t.document.id, targetLang: "en", memoryIds }))!;
    // The four sentences of the confirmed first paragraph: 16 + 15 + 15 + 20 words.
    expect(row(analysis, "context")).toMatchObject({ segments: 4, words: 66, weight: 0, weightedWords: 0 });
  });

  it("uses the weights it is given, and answers null for no document", async () => {
    const weights = { ...DEFAULT_WEIGHTS, none: 50 };
    const doc = await t.addDocument("Weights", ["Зовсім нове речення без відповідника."]);
    const analysis = (await analyseDocument(t.db, { documentId: doc.id, targetLang: "kk", memoryIds, weights }))!;
    expect(row(analysis, "none")).toMatchObject({ words: 5, weight: 50, weightedWords: 2.5 });
    expect(await analyseDocument(t.db, { documentId: "none", targetLang: "en", memoryIds })).toBeNull();
  });
});

describe("bands and totals", () => {
  it("bands percentages at their edges", () => {
    const edges: [number | null, string][] = [
      [101, "context"],
      [100, "exact"],
      [99, "95-99"],
      [95, "95-99"],
      [94, "85-94"],
      [85, "85-94"],
      [84, "75-84"],
      [75, "75-84"],
      [74, "50-74"],
      [50, "50-74"],
      [49, "none"],
      [null, "none"],
    ];
    for (const [score, band] of edges) expect([score, bandOf(score)]).toEqual([score, band]);
  });

  it("sums words and characters per band and weights them", () => {
    const summary = summarizeAnalysis([
      { band: "exact", words: 10, characters: 50 },
      { band: "exact", words: 3, characters: 12 },
      { band: "50-74", words: 7, characters: 30 },
    ]);
    expect(summary.bands.map((b) => b.band)).toEqual([...bands]);
    expect(summary.bands.find((b) => b.band === "exact")).toEqual({
      band: "exact",
      segments: 2,
      words: 13,
      characters: 62,
      weight: 30,
      weightedWords: 3.9,
    });
    expect(summary.total).toEqual({ segments: 3, words: 20, characters: 92, weightedWords: 10.9 });
  });

  it("writes CSV and JSON", () => {
    const summary = summarizeAnalysis([{ band: "none", words: 4, characters: 20 }]);
    const csv = analysisCsv(summary).trim().split("\n");
    expect(csv[0]).toBe("band,label,segments,words,characters,weight_percent,weighted_words");
    expect(csv).toContain("none,No match,1,4,20,100,4");
    expect(csv).toContain("95-99,95–99%,0,0,0,50,0");
    expect(csv.at(-1)).toBe("total,Total,1,4,20,,4");
    const json = analysisJson({ ...summary, documentId: "d", targetLang: "en", weights: DEFAULT_WEIGHTS });
    expect(json).toMatchObject({ documentId: "d", targetLang: "en", unit: "sentence", total: { words: 4 } });
    expect(json.bands.find((b) => b.band === "context")?.label).toBe("101%");
  });
});
