import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import type { Actor } from "../auth/actor";
import { listRevisions } from "./history";
import { findReplace } from "./replace";
import { saveTranslation } from "./save";

let world: World;
let owner: Actor;
let reviewer: Actor;

beforeAll(async () => {
  world = await createWorld();
  owner = world.actor("owner");
  reviewer = world.actor("reviewer");
});
afterAll(() => world.cleanup());

describe("find and replace", () => {
  it("previews case-insensitively in Cyrillic, then writes every change as a revision", async () => {
    const [a, b, c] = world.segments;
    await saveTranslation(world.db, owner, {
      segmentId: a.id,
      lang: "kk",
      text: "Мемлекеттік ҚЫЗМЕТ агенттігі",
      baseVersion: 0,
    });
    await saveTranslation(world.db, owner, {
      segmentId: b.id,
      lang: "kk",
      text: "қызмет және қызмет",
      baseVersion: 0,
      status: "translated",
    });
    await saveTranslation(world.db, reviewer, {
      segmentId: b.id,
      lang: "kk",
      text: "қызмет және қызмет",
      baseVersion: 1,
      status: "approved",
    });
    await saveTranslation(world.db, owner, { segmentId: c.id, lang: "kk", text: "Басқа мәтін", baseVersion: 0 });

    const preview = await findReplace(world.db, owner, world.document.id, {
      lang: "kk",
      find: "қызмет",
      replace: "сервис",
    });
    expect(preview.applied).toBe(false);
    expect(preview.changes.map((ch) => [ch.position, ch.after, ch.count])).toEqual([
      [1, "Мемлекеттік сервис агенттігі", 1],
      [2, "сервис және сервис", 2],
    ]);
    // A preview writes nothing.
    expect((await listRevisions(world.db, owner, a.id, "kk")).length).toBe(1);

    const done = await findReplace(world.db, owner, world.document.id, {
      lang: "kk",
      find: "қызмет",
      replace: "сервис",
      apply: true,
    });
    expect(done.changes).toHaveLength(2);
    const afterB = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: b.id, lang: "kk" } },
    });
    expect(afterB).toMatchObject({ text: "сервис және сервис", version: 3, status: "translated" });
    const history = await listRevisions(world.db, owner, b.id, "kk");
    expect(history.map((r) => [r.version, r.status])).toEqual([
      [3, "translated"],
      [2, "approved"],
      [1, "translated"],
    ]);
    const untouched = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: c.id, lang: "kk" } },
    });
    expect(untouched.version).toBe(1);
  });

  it("matches case when asked, treats the search as literal text, and limits to the previewed paragraphs", async () => {
    const [a, b] = world.segments;
    const literal = await findReplace(world.db, owner, world.document.id, { lang: "kk", find: "(.*)", replace: "x" });
    expect(literal.changes).toEqual([]);
    const cased = await findReplace(world.db, owner, world.document.id, {
      lang: "kk",
      find: "Сервис",
      replace: "x",
      matchCase: true,
    });
    expect(cased.changes).toEqual([]);
    const only = await findReplace(world.db, owner, world.document.id, {
      lang: "kk",
      find: "сервис",
      replace: "қызмет",
      apply: true,
      segmentIds: [a.id],
    });
    expect(only.changes.map((ch) => ch.segmentId)).toEqual([a.id]);
    const stillB = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: b.id, lang: "kk" } },
    });
    expect(stillB.text).toBe("сервис және сервис");
  });

  it("refuses bad input and other languages clearly", async () => {
    await expect(
      findReplace(world.db, owner, world.document.id, { lang: "kk", find: "", replace: "x" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(
      findReplace(world.db, owner, world.document.id, { lang: "de", find: "a", replace: "x" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
    });
  });
});
