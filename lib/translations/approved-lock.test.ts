// Approved work is protected: reviewed and approved translations are locked for translators (the save
// rule in save-rule.ts, so the full save and the one-statement fast path alike), unless the project
// lets them change approved paragraphs; an owner opens a single paragraph again (lib/review/unlock.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { unlockTranslation } from "../review/unlock";
import { saveTranslation } from "./save";

let world: World;
let next = 0;

beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

const row = (segmentId: string) =>
  world.db.translation.findUniqueOrThrow({ where: { segmentId_lang: { segmentId, lang: "en" } } });
const setting = (on: boolean) =>
  world.db.project.update({ where: { id: world.project.id }, data: { translatorsMayChangeApproved: on } });

/** A paragraph no other test touches: translated by the translator, then decided by the reviewer. */
async function decided(status: "reviewed" | "approved") {
  const seg = world.segments[next++];
  const base = { segmentId: seg.id, lang: "en" };
  await saveTranslation(world.db, world.actor("translator"), { ...base, text: "Words.", baseVersion: 0 });
  await saveTranslation(world.db, world.actor("translator"), {
    ...base,
    text: "Words.",
    status: "translated",
    baseVersion: 1,
  });
  await saveTranslation(world.db, world.actor("reviewer"), { ...base, text: "Words.", status, baseVersion: 2 });
  return { seg, base };
}

describe("approved and reviewed paragraphs", () => {
  it("refuse a translator's edit, confirmation or repeat with 403 'locked', and nothing is written", async () => {
    for (const status of ["approved", "reviewed"] as const) {
      const { seg, base } = await decided(status);
      for (const body of [
        { text: "Changed." },
        { text: "Words.", status: "translated" as const },
        { text: "Words." },
      ]) {
        await expect(
          saveTranslation(world.db, world.actor("translator"), { ...base, ...body, baseVersion: 3 }),
        ).rejects.toMatchObject({
          code: "forbidden",
          status: 403,
          details: { reason: "locked", status },
        });
      }
      expect(await row(seg.id)).toMatchObject({ text: "Words.", status, version: 3 });
    }
  });

  it("stay open to reviewers who may edit and to owners (their edit becomes a draft)", async () => {
    const { seg, base } = await decided("approved");
    const saved = await saveTranslation(world.db, world.actor("owner"), {
      ...base,
      text: "Owner's fix.",
      baseVersion: 3,
    });
    expect(saved).toMatchObject({ status: "draft", version: 4 });
    expect((await row(seg.id)).updatedById).toBe(world.users.owner.id);
  });

  it("are open to translators when the project allows it", async () => {
    const { seg, base } = await decided("approved");
    await setting(true);
    try {
      const saved = await saveTranslation(world.db, world.actor("translator"), {
        ...base,
        text: "Better.",
        baseVersion: 3,
      });
      expect(saved).toMatchObject({ status: "draft", version: 4 });
    } finally {
      await setting(false);
    }
    expect(await row(seg.id)).toMatchObject({ text: "Better.", status: "draft" });
  });

  it("are locked again on the fast path once the owner turns the setting off behind it", async () => {
    const { seg, base } = await decided("approved");
    await setting(true);
    // A save from an older version: refused as a conflict, but its facts (setting on) are remembered.
    await expect(
      saveTranslation(world.db, world.actor("translator"), { ...base, text: "Stale.", baseVersion: 1 }),
    ).rejects.toMatchObject({ code: "conflict" });
    await setting(false);
    // The remembered facts allow it; the UPDATE re-checks the setting and the full save refuses.
    await expect(
      saveTranslation(world.db, world.actor("translator"), { ...base, text: "Now.", baseVersion: 3 }),
    ).rejects.toMatchObject({ code: "forbidden", details: { reason: "locked" } });
    expect(await row(seg.id)).toMatchObject({ text: "Words.", status: "approved", version: 3 });
  });
});

describe("an owner's unlock", () => {
  it("takes the decision back as a new version by the owner; the translator may then edit", async () => {
    const { seg, base } = await decided("approved");
    const unlocked = await unlockTranslation(world.db, world.actor("owner"), seg.id, "en", { baseVersion: 3 });
    expect(unlocked).toMatchObject({ status: "translated", version: 4, text: "Words." });
    const revision = await world.db.revision.findFirstOrThrow({
      where: { translation: { segmentId: seg.id, lang: "en" }, version: 4 },
    });
    expect(revision).toMatchObject({ status: "translated", text: "Words.", authorId: world.users.owner.id });
    const saved = await saveTranslation(world.db, world.actor("translator"), {
      ...base,
      text: "Fixed.",
      baseVersion: 4,
    });
    expect(saved.status).toBe("draft");
  });

  it("is refused to other roles, for a paragraph that is not locked, and on a changed version", async () => {
    const { seg } = await decided("reviewed");
    for (const role of ["translator", "reviewer", "viewer"] as const) {
      await expect(unlockTranslation(world.db, world.actor(role), seg.id, "en", {})).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    await expect(
      unlockTranslation(world.db, world.actor("owner"), seg.id, "en", { baseVersion: 2 }),
    ).rejects.toMatchObject({ code: "conflict" });
    await unlockTranslation(world.db, world.actor("owner"), seg.id, "en", {});
    await expect(unlockTranslation(world.db, world.actor("owner"), seg.id, "en", {})).rejects.toMatchObject({
      code: "invalid_input",
      details: { reason: "not_locked" },
    });
  });
});
