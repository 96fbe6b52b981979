// The home page's order, most recently active project first (lastActivity), on a real database of
// each kind: a save, a note or a new document moves its project up. Its one raw query once ran on
// SQLite only: PostgreSQL 15 refused its unnamed subquery, and the home page failed there (found by
// e2e/two-instances.spec.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { createDocument } from "../documents/create-document";
import { listProjects } from "../documents/queries";
import { createNote } from "../notes/notes";
import { parseLinesText } from "../segments/parse-text";
import { saveTranslation } from "../translations/save";
import { lastActivity } from "./activity";
import { createProject } from "./create-project";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

/** Lets the clock move on, so the next change is strictly later than the one before. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const order = async () => (await listProjects(world.db, world.users.owner.id)).map((p) => p.id);

describe("the most recently active project first", () => {
  it("moves a project up when a translation is saved, a note written or a document added in it", async () => {
    const demo = world.project.id;
    const { id: other } = await createProject(world.db, world.actor("owner"), {
      name: "Другий проєкт",
      sourceLang: "uk",
      targetLangs: ["en"],
    });
    expect(await order()).toEqual([other, demo]);

    await tick();
    const saved = await saveTranslation(world.db, world.actor("owner"), {
      segmentId: world.segments[0].id,
      lang: "en",
      text: "The civil service reform.",
      baseVersion: 0,
    });
    expect(await order()).toEqual([demo, other]);
    expect((await lastActivity(world.db, [demo])).get(demo)?.toISOString()).toBe(saved.updatedAt);

    await tick();
    await createDocument(world.db, {
      projectId: other,
      title: "Ще один",
      segments: parseLinesText("Перший абзац."),
      targetLangs: ["en"],
    });
    expect(await order()).toEqual([other, demo]);

    await tick();
    await createNote(world.db, world.actor("owner"), world.segments[1].id, { body: "Звірити цитату.", lang: "en" });
    expect(await order()).toEqual([demo, other]);

    const activity = await lastActivity(world.db, [demo, other, "no-such-project"]);
    expect([...activity.keys()].sort()).toEqual([demo, other].sort());
  });
});
