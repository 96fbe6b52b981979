// Issue 18, bad input at scale: every importer (importers.ts) gets damaged and generated files
// (mutations.ts); each must answer within its time bound with success or a clear, translated
// refusal, and a refusal imports nothing (fuzz-check.ts). FUZZ_RUNS inputs per importer: 200 in
// CI (a few thousand in all), 8,000 in the soak (over 100,000).

import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect } from "vitest";
import { createWorld } from "../world";
import { size } from "./config";
import { checkOutcome, newTally } from "./fuzz-check";
import { importers } from "./importers";
import { damagedFile } from "./mutations";
import { recordResult } from "./report";

const RUNS = size("FUZZ_RUNS", 200, 8_000);
const world = await createWorld();
const list = await importers(world);
afterAll(() => world.cleanup());

describe.each(list.map((importer) => [importer.name, importer] as const))("fuzzing %s", (_name, importer) => {
  const tally = newTally();
  afterAll(() => {
    console.log(`${importer.name}: ${JSON.stringify(tally)}`);
    recordResult({
      property: `Fuzzing the ${importer.name} importer: no crash, hang or 500, never a partial import`,
      test: "tests/reliability/fuzz-importers.test.ts",
      figures: { ...tally, slowestMs: Math.round(tally.slowestMs) },
    });
  });

  test("every seed file imports", async () => {
    for (const seed of importer.seeds) await expect(importer.run(importer.wrap?.(seed) ?? seed)).resolves.toBeTruthy();
  });

  test.prop([damagedFile(importer.seeds)], { numRuns: RUNS, endOnFailure: true })(
    "damaged files: an answer in time, a translated refusal or a whole import, never a partial one",
    async (bytes) => {
      const file = importer.wrap ? importer.wrap(bytes) : bytes;
      await checkOutcome(tally, () => importer.run(file), file);
    },
    RUNS * 1_000,
  );
});

test.prop([fc.string({ maxLength: 2000 })], { numRuns: 50 })(
  "a text in any encoding never breaks the text importer",
  async (text) => {
    const txt = list[0];
    await checkOutcome(newTally(), () => txt.run(new TextEncoder().encode(text)));
  },
);
