import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { saveTranslation } from "../translations/save";
import { decide } from "./decide";
import { sentBackTo } from "./sent-back";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

describe("sentBackTo", () => {
  it("names only the paragraphs whose last translator is the person asking", async () => {
    const [mine, owners, fixed] = world.segments;
    for (const [seg, who] of [
      [mine, "translator"],
      [owners, "owner"],
      [fixed, "translator"],
    ] as const) {
      const base = { segmentId: seg.id, lang: "en", text: `By ${who}.` };
      await saveTranslation(world.db, world.actor(who), { ...base, status: "translated", baseVersion: 0 });
      await decide(world.db, world.actor("reviewer"), seg.id, "en", { decision: "rejected", note: "Why." });
    }
    // Fixed and confirmed again: no longer sent back.
    await saveTranslation(world.db, world.actor("translator"), {
      segmentId: fixed.id,
      lang: "en",
      text: "Fixed.",
      status: "translated",
      baseVersion: 2,
    });
    const { id: doc } = world.document;
    expect(await sentBackTo(world.db, doc, "en", world.users.translator.id)).toEqual([mine.id]);
    expect(await sentBackTo(world.db, doc, "en", world.users.owner.id)).toEqual([owners.id]);
    expect(await sentBackTo(world.db, doc, "en", world.users.reviewer.id)).toEqual([]);
    expect(await sentBackTo(world.db, doc, "kk", world.users.translator.id)).toEqual([]);
  });
});
