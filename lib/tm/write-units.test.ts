import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_FIRST_EN, type MemoryTestDb, memoryTestDb } from "../../tests/fixtures/memory-world";
import { splitSentences } from "../segments/sentences";
import { contextHash, textHash } from "./normalize";
import { writeParagraphUnits } from "./write-units";

let t: MemoryTestDb;
beforeAll(async () => {
  t = await memoryTestDb();
});
afterAll(() => t.cleanup());

const unitsOf = (segmentId: string, lang = "en") =>
  t.db.memoryUnit.findMany({ where: { originSegmentId: segmentId, targetLang: lang }, orderBy: { id: "asc" } });

describe("writeParagraphUnits", () => {
  it("writes the paragraph and one unit per sentence pair when the counts are equal", async () => {
    const [first, second] = t.segments;
    const result = await t.confirm(first.id, "en", DEMO_FIRST_EN.join(" "));
    expect(result).toMatchObject({ written: 5, removed: 0, alignment: "equal" });
    const units = await unitsOf(first.id);
    const sentences = splitSentences(first.source, "uk").map((s) => s.text);
    expect(units.map((u) => [u.kind, u.sentenceIndex, u.source, u.target])).toEqual([
      ["paragraph", null, first.source, DEMO_FIRST_EN.join(" ")],
      ...sentences.map((s, i) => ["sentence", i, s, DEMO_FIRST_EN[i]]),
    ]);
    for (const u of units)
      expect(u).toMatchObject({
        memoryId: result.memoryId,
        sourceLang: "uk",
        status: "translated",
        authorId: t.user.id,
        originDocumentId: t.document.id,
        sourceHash: textHash(u.source),
      });
    // Context: the paragraph's neighbours are the document's edge and the second paragraph; the
    // last sentence's next one is the second paragraph's first sentence.
    expect(units[0]).toMatchObject({ prevHash: "", nextHash: contextHash(second.source) });
    expect(units[1]).toMatchObject({ prevHash: "", nextHash: contextHash(sentences[1]) });
    expect(units[4]).toMatchObject({
      prevHash: contextHash(sentences[2]),
      nextHash: contextHash(splitSentences(second.source, "uk")[0].text),
    });
    const memory = await t.db.memory.findUniqueOrThrow({ where: { id: result.memoryId! } });
    expect(memory).toMatchObject({ kind: "working", workingOf: t.project.id, projectId: t.project.id });
  });

  it("updates the same units when the paragraph is confirmed again, never duplicating one", async () => {
    const first = t.segments[0];
    const before = await unitsOf(first.id);
    const changed = [...DEMO_FIRST_EN];
    changed[1] = "The round table praised the Agency highly.";
    const result = await t.confirm(first.id, "en", changed.join(" "), "approved");
    expect(result).toMatchObject({ written: 5, removed: 0 });
    const after = await unitsOf(first.id);
    expect(after.map((u) => u.id)).toEqual(before.map((u) => u.id));
    expect(after[2].target).toBe("The round table praised the Agency highly.");
    expect(after.every((u) => u.status === "approved")).toBe(true);
    expect(await t.db.memoryUnit.count({ where: { memoryId: result.memoryId! } })).toBe(5);
  });

  it("writes only the confident one-to-one pairs when the translator merged sentences", async () => {
    const first = t.segments[0];
    const merged = [
      DEMO_FIRST_EN[0],
      "The participants of the international round table «Civil service reform: the experience of transition countries» praised the Agency highly; in particular, they noted that no CIS country has a state body like the Agency for Civil Service Affairs.",
      DEMO_FIRST_EN[3],
    ];
    const result = await t.confirm(first.id, "en", merged.join(" "));
    expect(result).toMatchObject({ written: 3, alignment: "length" });
    // The two sentences that were merged are no longer pairs of this paragraph: withdrawn.
    expect(result.removed).toBe(2);
    const units = await unitsOf(first.id);
    expect(units.map((u) => [u.kind, u.sentenceIndex, u.target])).toEqual([
      ["paragraph", null, merged.join(" ")],
      ["sentence", 0, merged[0]],
      ["sentence", 3, merged[2]],
    ]);
  });

  it("writes only the paragraph when it has one sentence", async () => {
    const item = t.segments.find((s) => s.kind === "list_item")!;
    const result = await t.confirm(item.id, "kk", "аймақ елдеріндегі мемлекеттік қызмет реформаларын талдау;");
    expect(result).toMatchObject({ written: 1, alignment: "single" });
    expect((await unitsOf(item.id, "kk")).map((u) => u.kind)).toEqual(["paragraph"]);
  });

  it("leaves drafts alone and withdraws a translation that was sent back", async () => {
    const item = t.segments.find((s) => s.kind === "list_item")!;
    await t.translate(item.id, "kk", "жаңа нұсқа", "draft");
    expect(await writeParagraphUnits(t.db, item.id, "kk")).toMatchObject({ written: 0, memoryId: null });
    expect(await unitsOf(item.id, "kk")).toHaveLength(1);
    await t.translate(item.id, "kk", "жаңа нұсқа", "rejected");
    expect(await writeParagraphUnits(t.db, item.id, "kk")).toMatchObject({ written: 0, removed: 1 });
    expect(await unitsOf(item.id, "kk")).toHaveLength(0);
  });

  it("keeps one working memory per project, and one unit per source text in it", async () => {
    const again = await t.addDocument("Copy", [t.segments[0].source]);
    await t.confirm(again.segments[0].id, "en", "A different translation of the whole paragraph.");
    expect(await t.db.memory.count({ where: { workingOf: t.project.id } })).toBe(1);
    const units = await t.db.memoryUnit.findMany({
      where: { sourceHash: textHash(t.segments[0].source), targetLang: "en" },
    });
    // The newest confirmation of the same text is the memory's translation of it, and its origin.
    expect(units.map((u) => [u.target, u.originSegmentId])).toEqual([
      ["A different translation of the whole paragraph.", again.segments[0].id],
    ]);
  });

  it("does nothing for a segment or translation that does not exist", async () => {
    expect(await writeParagraphUnits(t.db, "no-such-segment", "en")).toMatchObject({ written: 0, memoryId: null });
    expect(await writeParagraphUnits(t.db, t.segments[1].id, "de")).toMatchObject({ written: 0, memoryId: null });
  });
});
