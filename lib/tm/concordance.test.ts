import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryTestDb, memoryWithFirstParagraph } from "../../tests/fixtures/memory-world";
import type { AppError } from "../errors";
import { highlightsOf, searchConcordance } from "./concordance";

let t: MemoryTestDb;
let memoryIds: string[];
beforeAll(async () => {
  ({ t, memoryIds } = await memoryWithFirstParagraph());
});
afterAll(() => t.cleanup());

const search = (query: string, extra: Record<string, unknown> = {}) =>
  searchConcordance(t.db, { memoryIds, targetLang: "en", query, ...extra });

describe("searchConcordance", () => {
  it("finds a phrase in the sources in any case, inside words too, with its places", async () => {
    const found = await search("ДЕРЖАВНОЇ СЛУЖБИ");
    // The paragraph and each of its four sentences have it.
    expect(found).toMatchObject({ total: 5, totalIsExact: true, tooShort: false, side: "source" });
    expect(found.hits.map((h) => h.kind).sort()).toEqual(["paragraph", "sentence", "sentence", "sentence", "sentence"]);
    const paragraph = found.hits.find((h) => h.kind === "paragraph")!;
    expect(paragraph.highlights.map((h) => paragraph.source.slice(h.start, h.end))).toEqual(
      Array(4).fill("державної служби"),
    );
    // Inside a word: "ержавн" is part of "державної".
    expect((await search("ержавн")).total).toBe(found.total);
    // Newest first: units are numbered as written, so the highest id comes first.
    const ids = found.hits.map((h) => h.unitId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("searches the targets when asked, and pages", async () => {
    const found = await search("civil service", { side: "target" });
    expect(found.hits.length).toBeGreaterThanOrEqual(3);
    for (const hit of found.hits) expect(hit.highlights.length).toBeGreaterThan(0);
    const page = await search("civil service", { side: "target", limit: 1, offset: 1 });
    expect(page.hits.map((h) => h.unitId)).toEqual([found.hits[1].unitId]);
    expect(page.total).toBe(found.total);
  });

  it("finds nothing for punctuation or fewer than three characters, instead of everything", async () => {
    for (const query of ["..", "«»", " - ", "с.", "ab"])
      expect(await search(query)).toMatchObject({ hits: [], total: 0, tooShort: true });
    expect((await search("ніде такого немає")).hits).toEqual([]);
    expect((await search("служби", { memoryIds: [] })).hits).toEqual([]);
    expect((await search("служби", { targetLang: "kk" })).hits).toEqual([]);
  });

  it("refuses an empty query and one over 500 characters", async () => {
    const empty = await search("   ").catch((e: AppError) => e);
    expect(empty).toMatchObject({ code: "invalid_input", details: { reason: "query_empty", field: "query" } });
    const long = await search("а".repeat(501)).catch((e: AppError) => e);
    expect(long).toMatchObject({ code: "invalid_input", details: { reason: "query_too_long", field: "query" } });
    expect((await search("а".repeat(500))).hits).toEqual([]);
  });
});

describe("highlightsOf", () => {
  it("finds every place, case folded, without overlaps", () => {
    expect(highlightsOf("Служба, СЛУЖБА і служба", "служба")).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 14 },
      { start: 17, end: 23 },
    ]);
    expect(highlightsOf("ааааа", "аа")).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });
});
