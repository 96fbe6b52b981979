import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryTestDb, memoryTestDb } from "../../tests/fixtures/memory-world";
import type { AppError } from "../errors";
import { DEFAULT_WEIGHTS } from "./bands";
import { memorySettings, updateMemorySettings } from "./settings";

let t: MemoryTestDb;
beforeAll(async () => {
  t = await memoryTestDb();
});
afterAll(() => t.cleanup());

describe("memory settings", () => {
  it("are the defaults until changed, and keep what was not changed", async () => {
    expect(await memorySettings(t.db, t.project.id)).toEqual({
      threshold: 70,
      repetitions: true,
      exactAsTranslated: true,
      analysisWeights: DEFAULT_WEIGHTS,
    });
    await updateMemorySettings(t.db, t.project.id, { threshold: 80, analysisWeights: { exact: 25 } });
    const after = await updateMemorySettings(t.db, t.project.id, { repetitions: false, analysisWeights: { none: 90 } });
    expect(after).toEqual({
      threshold: 80,
      repetitions: false,
      exactAsTranslated: true,
      analysisWeights: { ...DEFAULT_WEIGHTS, exact: 25, none: 90 },
    });
    expect(await memorySettings(t.db, t.project.id)).toEqual(after);
  });

  it("refuse values out of range and unknown fields, naming the field", async () => {
    for (const [raw, field] of [
      [{ threshold: 101 }, "threshold"],
      [{ threshold: 70.5 }, "threshold"],
      [{ analysisWeights: { exact: -1 } }, "analysisWeights.exact"],
      [{ colour: "red" }, ""],
    ] as const) {
      const error = await updateMemorySettings(t.db, t.project.id, raw).catch((e: AppError) => e);
      expect(error).toMatchObject({ code: "invalid_input", details: { field } });
    }
  });
});
