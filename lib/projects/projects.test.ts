// Creating a project, its settings and languages, its archive and trash, on a real database: each
// bad input is refused with its reason and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { createDocument } from "../documents/create-document";
import { parseLinesText } from "../segments/parse-text";
import { saveTranslation } from "../translations/save";
import { purgeExpired } from "../trash/purge";
import { createProject } from "./create-project";
import { getProjectDetails } from "./project-details";
import { updateProjectSettings } from "./settings";
import { listTrashedProjects, purgeProject, restoreProject, trashProject } from "./trash";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

const owner = () => world.actor("owner");
const valid = { name: "Законодавство", sourceLang: "uk", targetLangs: ["en", "kk"] };

describe("creating a project", () => {
  it("keeps canonical language tags and makes the creator its owner", async () => {
    const { id } = await createProject(world.db, owner(), {
      name: "  Переклади 2027  ",
      description: "Для міністерства",
      sourceLang: "UK",
      targetLangs: ["EN-gb", "kk-latn", "en-GB"],
    });
    const { project } = await getProjectDetails(world.db, owner(), id);
    expect(project).toMatchObject({
      name: "Переклади 2027",
      description: "Для міністерства",
      sourceLang: "uk",
      targetLangs: ["en-GB", "kk-Latn"],
      role: "owner",
      archived: false,
    });
  });

  it("refuses each bad input with its reason and creates nothing", async () => {
    const before = await world.db.project.count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...valid, name: "" }, "name", "name_required"],
      [{ ...valid, name: "   " }, "name", "name_required"],
      [{ ...valid, name: "x".repeat(201) }, "name", "name_too_long"],
      [{ ...valid, name: "Two\nlines" }, "name", "control_characters"],
      [{ ...valid, sourceLang: "not a tag" }, "sourceLang", "bad_language_tag"],
      [{ ...valid, targetLangs: ["en", "e"] }, "targetLangs", "bad_language_tag"],
      [{ ...valid, targetLangs: ["en", "uk"] }, "targetLangs", "source_among_targets"],
      [{ ...valid, targetLangs: ["en", "UK"] }, "targetLangs", "source_among_targets"],
      [{ ...valid, targetLangs: [] }, "targetLangs", "no_targets"],
      [{ ...valid, targetLangs: ["und"] }, "targetLangs", "bad_language_tag"],
      [{ ...valid, description: "d".repeat(2001) }, "description", "description_too_long"],
    ];
    for (const [input, field, reason] of cases) {
      await expect(createProject(world.db, owner(), input), JSON.stringify(input).slice(0, 80)).rejects.toMatchObject({
        code: "invalid_input",
        details: { field, reason },
      });
    }
    expect(await world.db.project.count()).toBe(before);
  });

  it("is refused to an account no administrator allowed", async () => {
    await expect(createProject(world.db, world.actor("translator"), valid)).rejects.toMatchObject({
      code: "forbidden",
      details: { reason: "may_not_create" },
    });
  });
});

describe("target languages in the settings", () => {
  it("adds languages with empty translations; removing one with translations needs confirming, hides it, and adding it back brings them back", async () => {
    const { id } = await createProject(world.db, owner(), valid);
    const documentId = await createDocument(world.db, {
      projectId: id,
      title: "Док",
      segments: parseLinesText("Один.\nДва."),
      targetLangs: ["en", "kk"],
    });
    const [first] = await world.db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
    await saveTranslation(world.db, owner(), { segmentId: first.id, lang: "kk", text: "Бір.", baseVersion: 0 });

    await updateProjectSettings(world.db, owner(), id, { targetLangs: ["en", "kk", "de"] });
    expect(await world.db.translation.count({ where: { documentId, lang: "de" } })).toBe(2);

    await expect(updateProjectSettings(world.db, owner(), id, { targetLangs: ["en", "de"] })).rejects.toMatchObject({
      details: { reason: "languages_have_translations", value: "kk" },
    });
    expect((await getProjectDetails(world.db, owner(), id)).project.targetLangs).toEqual(["en", "kk", "de"]);
    // A language without translations goes without asking.
    await updateProjectSettings(world.db, owner(), id, { targetLangs: ["en", "kk"] });
    await updateProjectSettings(world.db, owner(), id, { targetLangs: ["en"], confirmRemoveLanguages: true });
    const hidden = (await getProjectDetails(world.db, owner(), id)).project;
    expect([hidden.targetLangs, hidden.hiddenLangs]).toEqual([["en"], ["kk"]]);
    // A save into a hidden language is refused: it is no target now.
    await expect(
      saveTranslation(world.db, owner(), { segmentId: first.id, lang: "kk", text: "Бір!", baseVersion: 1 }),
    ).rejects.toMatchObject({ details: { reason: "not_a_target" } });

    await updateProjectSettings(world.db, owner(), id, { targetLangs: ["en", "kk"] });
    const back = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: first.id, lang: "kk" } },
    });
    expect([back.text, back.version]).toEqual(["Бір.", 1]);
  });

  it("refuses names, tags and thresholds that are not valid, and a non-owner", async () => {
    const { id } = await createProject(world.db, owner(), valid);
    for (const [input, reason] of [
      [{ name: "" }, "name_required"],
      [{ targetLangs: ["uk"] }, "source_among_targets"],
      [{ targetLangs: ["xx yy"] }, "bad_language_tag"],
      [{ targetLangs: [] }, "no_targets"],
    ] as const) {
      await expect(updateProjectSettings(world.db, owner(), id, input)).rejects.toMatchObject({ details: { reason } });
    }
    await expect(updateProjectSettings(world.db, owner(), id, { qualityThreshold: -1 })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(updateProjectSettings(world.db, world.actor("outsider"), id, { name: "Mine" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await world.db.project.findUniqueOrThrow({ where: { id } })).name).toBe(valid.name);
  });
});

describe("the trash", () => {
  it("hides a project from its members, restores it in one step, and deletes it for good only with its name typed", async () => {
    const { id } = await createProject(world.db, owner(), { ...valid, name: "До смітника" });
    await trashProject(world.db, owner(), id);
    await expect(getProjectDetails(world.db, owner(), id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listTrashedProjects(world.db, owner())).map((p) => p.id)).toContain(id);
    expect(await restoreProject(world.db, owner(), id)).toBe("trash");
    await trashProject(world.db, owner(), id);
    await expect(purgeProject(world.db, owner(), id, "до смітника")).rejects.toMatchObject({
      details: { reason: "name_mismatch" },
    });
    expect(await world.db.project.count({ where: { id } })).toBe(1);
    await purgeProject(world.db, owner(), id, "До смітника");
    expect(await world.db.project.count({ where: { id } })).toBe(0);
  });

  it("the purge removes only what stayed longer than PARALLEL_TRASH_DAYS", async () => {
    process.env.PARALLEL_TRASH_DAYS = "10";
    try {
      const old = await createProject(world.db, owner(), { ...valid, name: "Old" });
      const young = await createProject(world.db, owner(), { ...valid, name: "Young" });
      const day = 24 * 60 * 60 * 1000;
      await world.db.project.update({ where: { id: old.id }, data: { deletedAt: new Date(Date.now() - 11 * day) } });
      await world.db.project.update({ where: { id: young.id }, data: { deletedAt: new Date(Date.now() - 9 * day) } });
      const documentId = await createDocument(world.db, {
        projectId: world.project.id,
        title: "Trashed long ago",
        segments: parseLinesText("Текст."),
        targetLangs: ["en"],
      });
      await world.db.document.update({
        where: { id: documentId },
        data: { deletedAt: new Date(Date.now() - 12 * day) },
      });
      const done = await purgeExpired(world.db);
      expect(done).toMatchObject({ projects: 1, documents: 1 });
      expect(await world.db.project.count({ where: { id: { in: [old.id, young.id] } } })).toBe(1);
      expect(await world.db.document.count({ where: { id: documentId } })).toBe(0);
      expect(await world.db.segment.count({ where: { documentId } })).toBe(0);
    } finally {
      delete process.env.PARALLEL_TRASH_DAYS;
    }
  });
});
