import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryTestDb, memoryWithFirstParagraph } from "../../tests/fixtures/memory-world";
import type { AppError } from "../errors";
import { lookupTexts } from "./lookup";
import { deleteMemory, workingMemory } from "./memories";
import { checkMemoryIndex } from "./memory-index";
import { textHash } from "./normalize";
import { deleteMemoryUnit, listMemoryUnits, updateMemoryUnit } from "./units";

let t: MemoryTestDb;
let memoryIds: string[];
beforeAll(async () => {
  ({ t, memoryIds } = await memoryWithFirstParagraph());
});
afterAll(() => t.cleanup());

describe("a memory's units", () => {
  it("are listed newest first, a page at a time, with the total", async () => {
    const [memoryId] = memoryIds;
    const first = await listMemoryUnits(t.db, memoryId, { limit: 2 });
    expect(first.total).toBe(5);
    expect(first.units.map((u) => u.id)).toEqual([...first.units.map((u) => u.id)].sort((a, b) => b - a));
    const second = await listMemoryUnits(t.db, memoryId, { limit: 2, before: first.next! });
    const third = await listMemoryUnits(t.db, memoryId, { limit: 2, before: second.next! });
    expect([...first.units, ...second.units, ...third.units]).toHaveLength(5);
    expect(third.next).toBeNull();
    expect((await listMemoryUnits(t.db, memoryId, { targetLang: "kk" })).total).toBe(0);
  });

  it("can be edited, the source keyed anew and found by it", async () => {
    const [unit] = (await listMemoryUnits(t.db, memoryIds[0], { limit: 1 })).units;
    const edited = await updateMemoryUnit(t.db, unit.id, t.user.id, {
      source: "Зовсім новий вихідний текст.",
      target: "An entirely new source text.",
      status: "approved",
    });
    expect(edited).toMatchObject({
      sourceHash: textHash("Зовсім новий вихідний текст."),
      status: "approved",
      authorId: t.user.id,
    });
    const [found] = await lookupTexts(t.db, [{ text: "Зовсім новий вихідний текст." }], {
      memoryIds,
      targetLang: "en",
      sourceLang: "uk",
    });
    expect(found.map((m) => m.target)).toEqual(["An entirely new source text."]);
  });

  it("refuse an empty side, and a source the memory already has", async () => {
    const [a, b] = (await listMemoryUnits(t.db, memoryIds[0], { limit: 2 })).units;
    const empty = await updateMemoryUnit(t.db, a.id, null, { target: "  " }).catch((e: AppError) => e);
    expect(empty).toMatchObject({ code: "invalid_input", details: { field: "target", reason: "unit_empty" } });
    const taken = await updateMemoryUnit(t.db, a.id, null, { source: b.source }).catch((e: AppError) => e);
    expect(taken).toMatchObject({ code: "conflict", details: { reason: "duplicate_source", unitId: b.id } });
    expect(await updateMemoryUnit(t.db, 999_999, null, {}).catch((e: AppError) => e.code)).toBe("not_found");
  });

  it("go with their memory", async () => {
    const other = await t.addProject("Throwaway", ["Одне речення."]);
    await t.confirm(other.segments[0].id, "en", "One sentence.");
    const memory = await workingMemory(t.db, other.project.id);
    expect(await deleteMemory(t.db, memory.id)).toBe(true);
    expect(await t.db.memoryUnit.count({ where: { memoryId: memory.id } })).toBe(0);
    expect(await deleteMemory(t.db, memory.id)).toBe(false);
    await checkMemoryIndex(t.db);
  });

  it("can be deleted", async () => {
    const [unit] = (await listMemoryUnits(t.db, memoryIds[0], { limit: 1 })).units;
    expect(await deleteMemoryUnit(t.db, unit.id)).toBe(true);
    expect(await deleteMemoryUnit(t.db, unit.id)).toBe(false);
    expect((await listMemoryUnits(t.db, memoryIds[0])).total).toBe(4);
  });
});
