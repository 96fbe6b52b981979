import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import type { Actor } from "../auth/actor";
import { listRevisions } from "./history";
import { applyReplace, findReplace, planReplace } from "./replace";
import { saveTranslation } from "./save";
import { MAX_TRANSLATION_LENGTH } from "./validation";

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

  it("refuses, paragraph by paragraph, a replacement the save would refuse, and lists it", async () => {
    const [, , , d, e, f] = world.segments;
    const long = `${"x".repeat(MAX_TRANSLATION_LENGTH - 10)} термін`;
    for (const [segment, text] of [
      [d, "термін"],
      [e, long],
      [f, "Інший термін тут"],
    ] as const) {
      await saveTranslation(world.db, owner, { segmentId: segment.id, lang: "en", text, baseVersion: 0 });
    }
    const request = { lang: "en", find: "термін", replace: "довгий-довгий-довгий термін" };
    const preview = await findReplace(world.db, owner, world.document.id, request);
    expect(preview.changes.map((c) => c.position)).toEqual([4, 6]);
    expect(preview.refused.map((r) => [r.position, r.reason])).toEqual([[5, "too_long"]]);

    const emptying = await findReplace(world.db, owner, world.document.id, {
      lang: "en",
      find: "термін",
      replace: "",
      apply: true,
    });
    // Paragraph 4 would be left empty: refused and listed; the others are written.
    expect(emptying.refused.map((r) => [r.position, r.reason, r.after])).toEqual([[4, "empty", ""]]);
    expect(emptying.changes.map((c) => [c.position, c.after])).toEqual([
      [5, `${"x".repeat(MAX_TRANSLATION_LENGTH - 10)} `],
      [6, "Інший  тут"],
    ]);
    const en = (segmentId: string) =>
      world.db.translation.findUniqueOrThrow({ where: { segmentId_lang: { segmentId, lang: "en" } } });
    expect(await en(d.id)).toMatchObject({ text: "термін", version: 1 });
    expect(await en(f.id)).toMatchObject({ text: "Інший  тут", version: 2 });
  });

  it("refuses control characters in the replacement, and writes nothing for words replaced by themselves", async () => {
    await expect(
      findReplace(world.db, owner, world.document.id, { lang: "en", find: "тут", replace: "bell\u0007" }),
    ).rejects.toMatchObject({ code: "invalid_input", details: { field: "replace", reason: "control_characters" } });
    const same = await findReplace(world.db, owner, world.document.id, {
      lang: "en",
      find: "тут",
      replace: "тут",
      apply: true,
    });
    expect(same.changes).toEqual([]);
  });

  it("works on what a paragraph holds when it writes, if someone saved it after it was read", async () => {
    const g = world.segments[6];
    await saveTranslation(world.db, owner, { segmentId: g.id, lang: "en", text: "old word", baseVersion: 0 });
    const plan = await planReplace(world.db, owner, world.document.id, {
      lang: "en",
      find: "word",
      replace: "term",
      apply: true,
    });
    expect(plan.changes.map((c) => c.after)).toEqual(["old term"]);
    await saveTranslation(world.db, owner, { segmentId: g.id, lang: "en", text: "new word, typed", baseVersion: 1 });
    const done = await applyReplace(world.db, owner.userId, plan);
    expect(done.changes.map((c) => [c.before, c.after])).toEqual([["new word, typed", "new term, typed"]]);
    const history = await listRevisions(world.db, owner, g.id, "en");
    expect(history.map((r) => [r.version, r.text])).toEqual([
      [3, "new term, typed"],
      [2, "new word, typed"],
      [1, "old word"],
    ]);
  });
});
