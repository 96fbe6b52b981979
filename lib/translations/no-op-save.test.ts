// A save whose text and status are what is saved already (issue 10, part 2): nothing is written (no
// version, no revision, no "updated by") and the answer is the current version; and it is a write
// all the same, so a role that may not edit text gets 403, on the first save and on the fast path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { saveTranslation } from "./save";

let world: World;
let next = 0;

beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

/** A paragraph of its own, its English translation saved once by the translator ("translated"). */
async function translated(text = "Saved words.") {
  const segmentId = world.segments[next++].id;
  const input = { segmentId, lang: "en", text, status: "translated" as const, baseVersion: 0 };
  await saveTranslation(world.db, world.actor("translator"), input);
  return segmentId;
}

const row = (segmentId: string) =>
  world.db.translation.findUniqueOrThrow({ where: { segmentId_lang: { segmentId, lang: "en" } } });
const revisions = (segmentId: string) => world.db.revision.count({ where: { translation: { segmentId, lang: "en" } } });

describe("a save that changes nothing", () => {
  it("writes nothing and answers with the version saved now, also on the one-statement path", async () => {
    const segmentId = await translated();
    const before = await row(segmentId);
    for (const attempt of [1, 2, 3]) {
      const answer = await saveTranslation(world.db, world.actor("translator"), {
        segmentId,
        lang: "en",
        text: "Saved words.",
        baseVersion: 1,
        ...(attempt === 3 ? { status: "translated" } : {}),
      });
      expect(answer).toEqual({
        segmentId,
        lang: "en",
        text: "Saved words.",
        status: "translated",
        version: 1,
        updatedAt: before.updatedAt.toISOString(),
      });
    }
    expect(await row(segmentId)).toEqual(before);
    expect(await revisions(segmentId)).toBe(1);
  });

  it("answers someone whose page is behind with the current version, not a conflict", async () => {
    const segmentId = await translated("First.");
    await saveTranslation(world.db, world.actor("owner"), { segmentId, lang: "en", text: "Second.", baseVersion: 1 });
    const answer = await saveTranslation(world.db, world.actor("translator"), {
      segmentId,
      lang: "en",
      text: "Second.",
      status: "draft",
      baseVersion: 1,
    });
    expect(answer).toMatchObject({ text: "Second.", status: "draft", version: 2 });
    expect(await row(segmentId)).toMatchObject({ version: 2, updatedById: world.users.owner.id });
  });

  it("is refused to a viewer (403), the first time and every time after", async () => {
    const segmentId = await translated();
    const before = await row(segmentId);
    for (const status of [undefined, undefined, "translated" as const]) {
      await expect(
        saveTranslation(world.db, world.actor("viewer"), {
          segmentId,
          lang: "en",
          text: "Saved words.",
          status,
          baseVersion: 1,
        }),
      ).rejects.toMatchObject({ code: "forbidden", status: 403 });
    }
    expect(await row(segmentId)).toEqual(before);
    expect(await revisions(segmentId)).toBe(1);
  });

  it("is refused to a reviewer who may not edit text, though their decisions still go through", async () => {
    const segmentId = await translated();
    const same = { segmentId, lang: "en", text: "Saved words.", baseVersion: 1 };
    await expect(saveTranslation(world.db, world.actor("reviewer"), same)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      saveTranslation(world.db, world.actor("reviewer"), { ...same, status: "translated" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const approved = await saveTranslation(world.db, world.actor("reviewer"), { ...same, status: "approved" });
    expect(approved).toMatchObject({ status: "approved", version: 2 });
    // Approving what is approved already changes nothing: refused like any other no-op of theirs.
    await expect(
      saveTranslation(world.db, world.actor("reviewer"), { ...same, status: "approved", baseVersion: 2 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await row(segmentId)).toMatchObject({
      status: "approved",
      version: 2,
      updatedById: world.users.reviewer.id,
    });
  });

  it("is answered to a reviewer the owner lets edit text, without writing", async () => {
    await world.db.project.update({ where: { id: world.project.id }, data: { reviewersMayEdit: true } });
    try {
      const segmentId = await translated();
      const answer = await saveTranslation(world.db, world.actor("reviewer"), {
        segmentId,
        lang: "en",
        text: "Saved words.",
        baseVersion: 1,
      });
      expect(answer).toMatchObject({ version: 1, status: "translated" });
      expect(await row(segmentId)).toMatchObject({ version: 1, updatedById: world.users.translator.id });
    } finally {
      await world.db.project.update({ where: { id: world.project.id }, data: { reviewersMayEdit: false } });
    }
  });
});
