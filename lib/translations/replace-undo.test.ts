// Find and replace with the options a translator expects (whole words, regular expressions, keeping
// case), single occurrences left out, approved work left alone, and undoing a whole replace in one step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../tests/world";
import { undoBulkEdit } from "./bulk-edits";
import { listRevisions } from "./history";
import { findReplace } from "./replace";
import { saveTranslation } from "./save";

let world: World;
let next = 0;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.cleanup());

/** Fresh paragraphs with these English texts, saved by `who` (and then decided, when asked). */
async function texts(list: string[], who: "owner" | "translator" = "translator") {
  const segs = world.segments.slice(next, next + list.length);
  next += list.length;
  for (const [i, seg] of segs.entries())
    await saveTranslation(world.db, world.actor(who), { segmentId: seg.id, lang: "en", text: list[i], baseVersion: 0 });
  return segs;
}
const textOf = async (segmentId: string) =>
  (await world.db.translation.findUniqueOrThrow({ where: { segmentId_lang: { segmentId, lang: "en" } } })).text;
const run = (who: "owner" | "translator" | "reviewer", body: Record<string, unknown>) =>
  findReplace(world.db, world.actor(who), world.document.id, { lang: "en", ...body });

describe("find and replace", () => {
  it("keeps case, finds whole words only, lists every occurrence, and leaves out the unticked ones", async () => {
    const [a, b] = await texts(["Civil Service, civil service, civil servants.", "CIVIL SERVICE reform."]);
    const body = { find: "civil service", replace: "public service", wholeWords: true, preserveCase: true };
    const preview = await run("translator", body);
    const mine = preview.changes.filter((c) => [a.id, b.id].includes(c.segmentId));
    expect(mine.map((c) => [c.after, c.occurrences.map((o) => o.text)])).toEqual([
      ["Public Service, public service, civil servants.", ["Public Service", "public service"]],
      ["PUBLIC SERVICE reform.", ["PUBLIC SERVICE"]],
    ]);
    const done = await run("translator", {
      ...body,
      apply: true,
      segmentIds: [a.id],
      skip: [{ segmentId: a.id, version: 1, occurrences: [1] }],
    });
    expect(done.changes.map((c) => c.count)).toEqual([1]);
    expect(await textOf(a.id)).toBe("Public Service, civil service, civil servants.");
    expect(await textOf(b.id)).toBe("CIVIL SERVICE reform.");
  });

  it("runs regular expressions with groups, refuses a malformed one, and refuses a stale choice of occurrences", async () => {
    const [a] = await texts(["See [52, с. 5] and [53, с. 12]."]);
    const body = { find: "\\[(\\d+), с\\. (\\d+)\\]", replace: "[$1, p. $2]", regex: true };
    await expect(run("translator", { ...body, find: "[unclosed" })).rejects.toMatchObject({
      code: "invalid_input",
      details: { field: "find", reason: "bad_pattern" },
    });
    const stale = await run("translator", {
      ...body,
      apply: true,
      skip: [{ segmentId: a.id, version: 0, occurrences: [0] }],
    });
    expect(stale.refused.find((r) => r.segmentId === a.id)?.reason).toBe("changed");
    expect(await textOf(a.id)).toBe("See [52, с. 5] and [53, с. 12].");
    await run("translator", { ...body, apply: true, segmentIds: [a.id] });
    expect(await textOf(a.id)).toBe("See [52, p. 5] and [53, p. 12].");
  });

  it("leaves approved paragraphs to reviewers: a translator's replace lists them as locked", async () => {
    const [a] = await texts(["The approved reform."]);
    await saveTranslation(world.db, world.actor("reviewer"), {
      segmentId: a.id,
      lang: "en",
      text: "The approved reform.",
      status: "approved",
      baseVersion: 1,
    });
    const done = await run("translator", { find: "approved reform", replace: "changed reform", apply: true });
    expect(done.refused.find((r) => r.segmentId === a.id)?.reason).toBe("locked");
    expect(await textOf(a.id)).toBe("The approved reform.");
    // An owner may: the decision no longer covers the text.
    await run("owner", { find: "approved reform", replace: "changed reform", apply: true, segmentIds: [a.id] });
    expect(await textOf(a.id)).toBe("The changed reform.");
  });
});

describe("undoing a replace", () => {
  it("puts every paragraph back in one step, as new versions, except those saved since", async () => {
    const [a, b, c] = await texts(["Agency one.", "Agency two.", "Agency three."]);
    const done = await run("translator", {
      find: "Agency",
      replace: "Office",
      apply: true,
      segmentIds: [a.id, b.id, c.id],
    });
    expect(done.bulkEditId).toEqual(expect.any(String));
    await saveTranslation(world.db, world.actor("translator"), {
      segmentId: c.id,
      lang: "en",
      text: "Office 3.",
      baseVersion: 2,
    });

    // The history shows which replace wrote a version, and that its author may undo it.
    const history = await listRevisions(world.db, world.actor("translator"), a.id, "en");
    expect(history[0].bulkEdit).toMatchObject({ find: "Agency", replace: "Office", paragraphs: 3, mayUndo: true });
    expect((await listRevisions(world.db, world.actor("reviewer"), a.id, "en"))[0].bulkEdit?.mayUndo).toBe(false);

    // Someone else who may edit is not its author; a reviewer may not edit at all.
    await expect(undoBulkEdit(world.db, world.actor("reviewer"), done.bulkEditId!)).rejects.toMatchObject({
      status: 403,
    });
    const undone = await undoBulkEdit(world.db, world.actor("translator"), done.bulkEditId!);
    expect(undone).toEqual({ restored: 2, skipped: [{ segmentId: c.id, position: c.position, reason: "changed" }] });
    expect([await textOf(a.id), await textOf(b.id), await textOf(c.id)]).toEqual([
      "Agency one.",
      "Agency two.",
      "Office 3.",
    ]);
    const after = await listRevisions(world.db, world.actor("translator"), a.id, "en");
    expect(after.map((r) => [r.version, r.text])).toEqual([
      [3, "Agency one."],
      [2, "Office one."],
      [1, "Agency one."],
    ]);
    expect(after[1].bulkEdit).toMatchObject({ undone: true, mayUndo: false });
    await expect(undoBulkEdit(world.db, world.actor("owner"), done.bulkEditId!)).rejects.toMatchObject({
      details: { reason: "already_undone" },
    });
  });

  it("may be done by an owner for someone else's replace", async () => {
    const [a] = await texts(["Ministry text."]);
    const done = await run("translator", { find: "Ministry", replace: "Office", apply: true, segmentIds: [a.id] });
    expect(await undoBulkEdit(world.db, world.actor("owner"), done.bulkEditId!)).toMatchObject({ restored: 1 });
    expect(await textOf(a.id)).toBe("Ministry text.");
  });

  it("tells the others with the document open which paragraphs the undo put back", async () => {
    const [a, b] = await texts(["Bureau one.", "Bureau two."]);
    const done = await run("translator", { find: "Bureau", replace: "Office", apply: true, segmentIds: [a.id, b.id] });
    await undoBulkEdit(world.db, world.actor("translator"), done.bulkEditId!);
    const undoEvent = async () => {
      const events = await world.db.liveEvent.findMany({
        where: { documentId: world.document.id, type: "document.changed" },
        orderBy: { id: "desc" },
      });
      return events.map((e) => JSON.parse(e.data)).find((d) => d.reason === "undo-replace") ?? null;
    };
    await expect.poll(undoEvent).toMatchObject({ change: "translations", lang: "en" });
    expect([...((await undoEvent())?.segmentIds ?? [])].sort()).toEqual([a.id, b.id].sort());
  });
});
