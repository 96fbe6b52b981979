// The editor page's reads of a long document: its first screen (getEditorRows with a position limit,
// which reads the translations by their paragraphs' ids) and the "source changed" marks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { markSourceChangedIn, sourceChangesFor } from "../segments/source-changes";
import { saveTranslation } from "../translations/save";
import { getEditorRows } from "./queries";

let world: World;

beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

const save = (position: number, lang: string, text: string) =>
  saveTranslation(world.db, world.actor("translator"), {
    segmentId: world.segments[position - 1].id,
    lang,
    text,
    baseVersion: 0,
  });

describe("the first screen of a document", () => {
  it("has the first paragraphs in order, each with its translations, and nothing after them", async () => {
    await save(2, "en", "Second, in English.");
    await save(2, "kk", "Екінші.");
    await save(5, "en", "Fifth: not on the first screen.");
    const rows = await getEditorRows(world.db, world.document.id, ["en", "kk"], 3);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(rows[1].translations.en).toMatchObject({ text: "Second, in English.", status: "draft", version: 1 });
    expect(rows[1].translations.kk).toMatchObject({ text: "Екінші.", version: 1 });
    expect(rows[0].translations.en).toMatchObject({ text: "", status: "new", version: 0 });
    // Only the languages asked for.
    const english = await getEditorRows(world.db, world.document.id, ["en"], 3);
    expect(Object.keys(english[1].translations)).toEqual(["en"]);
    // Without a limit: every paragraph, the fifth with its text.
    const all = await getEditorRows(world.db, world.document.id, ["en"]);
    expect(all).toHaveLength(world.segments.length);
    expect(all[4].translations.en.text).toBe("Fifth: not on the first screen.");
  });
});

describe("source-changed marks", () => {
  it("are listed per paragraph and language shown, for this document only", async () => {
    const segment = world.segments[1];
    await world.db.$transaction((tx) =>
      markSourceChangedIn(tx, [segment.id], new Map([[segment.id, "The old source."]]), null, new Date()),
    );
    const marks = await sourceChangesFor(world.db, world.document.id, ["en", "kk"]);
    expect(Object.fromEntries(marks)).toEqual({ [segment.id]: { en: "The old source.", kk: "The old source." } });
    expect(Object.fromEntries(await sourceChangesFor(world.db, world.document.id, ["kk"]))).toEqual({
      [segment.id]: { kk: "The old source." },
    });
    expect((await sourceChangesFor(world.db, "another-document", ["en", "kk"])).size).toBe(0);
  });
});
