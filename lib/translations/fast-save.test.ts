// The second and later saves of a paragraph take the one-statement path (fast-save.ts), which rests
// on what the first save found out. Each test saves once, changes the world behind that path's back,
// and checks the next save still does exactly what a first save would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import type { ProjectRole } from "../auth/roles";
import { createNote } from "../notes/notes";
import { tryFastSave } from "./fast-save";
import { saveTranslation } from "./save";

let world: World;
let segment = 0;

beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

const actor = (role: "owner" | "translator" | "reviewer" | "viewer") => world.actor(role);

/** A paragraph no other test touches, with its English translation saved once by `role`. */
async function savedOnceBy(role: "owner" | "translator" | "reviewer", text = "First words.") {
  const seg = world.segments[segment++];
  const saved = await saveTranslation(world.db, actor(role), { segmentId: seg.id, lang: "en", text, baseVersion: 0 });
  return { seg, saved };
}

const row = (segmentId: string) =>
  world.db.translation.findUniqueOrThrow({ where: { segmentId_lang: { segmentId, lang: "en" } } });
const revisionsOf = (segmentId: string) =>
  world.db.revision.findMany({ where: { translation: { segmentId, lang: "en" } }, orderBy: { version: "asc" } });

async function setRole(role: ProjectRole, userId: string) {
  await world.db.membership.update({
    where: { projectId_userId: { projectId: world.project.id, userId } },
    data: { role },
  });
}

describe("saving a paragraph again", () => {
  it("is one statement once a first save by the same person has been decided in full", async () => {
    const { seg } = await savedOnceBy("translator");
    const again = { segmentId: seg.id, lang: "en", text: "Fast.", baseVersion: 1, now: new Date() };
    expect(await tryFastSave(world.db, { ...again, userId: world.users.translator.id })).toEqual({
      status: "draft",
      documentId: world.document.id,
    });
    expect(await row(seg.id)).toMatchObject({ text: "Fast.", version: 2, updatedById: world.users.translator.id });
    expect((await revisionsOf(seg.id)).map((r) => r.version)).toEqual([1, 2]);
    // Someone who has not saved this paragraph yet has nothing to rest on: the full save decides.
    const owner = { ...again, text: "Owner.", baseVersion: 2, userId: world.users.owner.id };
    expect(await tryFastSave(world.db, owner)).toBeNull();
    expect(await row(seg.id)).toMatchObject({ text: "Fast.", version: 2 });
  });

  it("writes each save with exactly one revision carrying its text, status, author and time", async () => {
    const { seg } = await savedOnceBy("translator");
    const second = await saveTranslation(world.db, actor("translator"), {
      segmentId: seg.id,
      lang: "en",
      text: "First words, edited.",
      baseVersion: 1,
    });
    expect(second).toMatchObject({ version: 2, status: "draft", text: "First words, edited." });
    const third = await saveTranslation(world.db, actor("translator"), {
      segmentId: seg.id,
      lang: "en",
      text: "First words, edited.",
      status: "translated",
      baseVersion: 2,
    });
    expect(third).toMatchObject({ version: 3, status: "translated" });
    const revisions = await revisionsOf(seg.id);
    expect(revisions.map((r) => [r.version, r.text, r.status, r.authorId])).toEqual([
      [1, "First words.", "draft", world.users.translator.id],
      [2, "First words, edited.", "draft", world.users.translator.id],
      [3, "First words, edited.", "translated", world.users.translator.id],
    ]);
    expect(revisions[2].createdAt.toISOString()).toBe(third.updatedAt);
    expect(await row(seg.id)).toMatchObject({
      version: 3,
      status: "translated",
      updatedById: world.users.translator.id,
    });
  });

  it("makes typing a draft again and an emptied paragraph new, as the first save does", async () => {
    const { seg } = await savedOnceBy("translator");
    await saveTranslation(world.db, actor("translator"), {
      segmentId: seg.id,
      lang: "en",
      text: "First words.",
      status: "translated",
      baseVersion: 1,
    });
    const typed = await saveTranslation(world.db, actor("translator"), {
      segmentId: seg.id,
      lang: "en",
      text: "Other words.",
      baseVersion: 2,
    });
    expect(typed.status).toBe("draft");
    const emptied = await saveTranslation(world.db, actor("translator"), {
      segmentId: seg.id,
      lang: "en",
      text: "  ",
      baseVersion: 3,
    });
    expect(emptied.status).toBe("new");
    expect(await row(seg.id)).toMatchObject({ status: "new", version: 4 });
  });

  it("refuses a stale version with the current text, writing nothing", async () => {
    const { seg } = await savedOnceBy("translator");
    await saveTranslation(world.db, actor("owner"), {
      segmentId: seg.id,
      lang: "en",
      text: "Owner's.",
      baseVersion: 1,
    });
    await expect(
      saveTranslation(world.db, actor("translator"), { segmentId: seg.id, lang: "en", text: "Mine.", baseVersion: 1 }),
    ).rejects.toMatchObject({ code: "conflict", details: { current: { text: "Owner's.", version: 2 } } });
    expect((await revisionsOf(seg.id)).length).toBe(2);
  });

  it("refuses a translator who has become a viewer since the last save", async () => {
    const { seg } = await savedOnceBy("translator");
    await setRole("viewer", world.users.translator.id);
    try {
      await expect(
        saveTranslation(world.db, actor("translator"), {
          segmentId: seg.id,
          lang: "en",
          text: "More.",
          baseVersion: 1,
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
    } finally {
      await setRole("translator", world.users.translator.id);
    }
    expect(await row(seg.id)).toMatchObject({ text: "First words.", version: 1 });
    expect((await revisionsOf(seg.id)).length).toBe(1);
  });

  it("answers not found to someone removed from the project since the last save", async () => {
    const { seg } = await savedOnceBy("translator");
    const membership = await world.db.membership.delete({
      where: { projectId_userId: { projectId: world.project.id, userId: world.users.translator.id } },
    });
    try {
      await expect(
        saveTranslation(world.db, actor("translator"), {
          segmentId: seg.id,
          lang: "en",
          text: "More.",
          baseVersion: 1,
        }),
      ).rejects.toMatchObject({ code: "not_found" });
    } finally {
      await world.db.membership.create({ data: membership });
    }
    expect(await row(seg.id)).toMatchObject({ text: "First words.", version: 1 });
  });

  it("stops a reviewer's text edits once the owner turns 'reviewers may edit' off, but not their decisions", async () => {
    await world.db.project.update({ where: { id: world.project.id }, data: { reviewersMayEdit: true } });
    const { seg } = await savedOnceBy("reviewer");
    await world.db.project.update({ where: { id: world.project.id }, data: { reviewersMayEdit: false } });
    await expect(
      saveTranslation(world.db, actor("reviewer"), { segmentId: seg.id, lang: "en", text: "Edited.", baseVersion: 1 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const approved = await saveTranslation(world.db, actor("reviewer"), {
      segmentId: seg.id,
      lang: "en",
      text: "First words.",
      status: "approved",
      baseVersion: 1,
    });
    expect(approved).toMatchObject({ status: "approved", version: 2 });
    expect(await row(seg.id)).toMatchObject({ text: "First words.", status: "approved" });
  });

  it("refuses a text edit by a reviewer who may not edit, after a decision of theirs", async () => {
    const { seg } = await savedOnceBy("translator");
    const review = { segmentId: seg.id, lang: "en", text: "First words.", status: "reviewed", baseVersion: 1 } as const;
    expect(await saveTranslation(world.db, actor("reviewer"), review)).toMatchObject({ version: 2 });
    await expect(
      saveTranslation(world.db, actor("reviewer"), { segmentId: seg.id, lang: "en", text: "Mine.", baseVersion: 2 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await row(seg.id)).toMatchObject({ text: "First words.", status: "reviewed", version: 2 });
  });

  it("refuses a status the role may not set, on any save", async () => {
    const { seg } = await savedOnceBy("translator");
    await expect(
      saveTranslation(world.db, actor("translator"), {
        segmentId: seg.id,
        lang: "en",
        text: "First words.",
        status: "approved",
        baseVersion: 1,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await row(seg.id)).status).toBe("draft");
  });

  it("refuses a language that is no longer one of the project's", async () => {
    const { seg } = await savedOnceBy("owner");
    const language = await world.db.projectLanguage.delete({
      where: { projectId_lang: { projectId: world.project.id, lang: "en" } },
    });
    try {
      await expect(
        saveTranslation(world.db, actor("owner"), { segmentId: seg.id, lang: "en", text: "More.", baseVersion: 1 }),
      ).rejects.toMatchObject({ code: "invalid_input", details: { field: "lang", reason: "not_a_target" } });
    } finally {
      await world.db.projectLanguage.create({ data: language });
    }
  });

  it("moves a note anchored in the translation since the last save along with its words", async () => {
    const { seg } = await savedOnceBy("translator", "The civil service reform.");
    const start = "The civil service reform.".indexOf("reform");
    const note = await createNote(world.db, actor("reviewer"), seg.id, {
      body: "Check this term.",
      lang: "en",
      anchor: { side: "target", start, end: start + "reform".length },
    });
    await saveTranslation(world.db, actor("translator"), {
      segmentId: seg.id,
      lang: "en",
      text: "Indeed, the civil service reform.",
      baseVersion: 1,
    });
    const moved = await world.db.note.findUniqueOrThrow({ where: { id: note.id } });
    const text = "Indeed, the civil service reform.";
    expect(text.slice(moved.anchorStart ?? 0, moved.anchorEnd ?? 0)).toBe("reform");
    expect(moved.anchorStart).toBe(text.indexOf("reform"));
  });
});
