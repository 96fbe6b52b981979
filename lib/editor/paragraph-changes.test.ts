// A source update or a restore from the bin applied to the editor's rows in place: rows read go to
// their new positions, rows gone leave, untouched rows stay the same objects, and unsaved edits are
// never dropped (a changed row meets the new version in the merge view; a removed row stays, marked).
import { describe, expect, it } from "vitest";
import { fresh, langs, row } from "../../tests/editor-rows";
import { applyParagraphChanges, withoutGone } from "./paragraph-changes";
import { applyRowsEdit } from "./paragraph-edit";
import type { Row } from "./rows";

const typed = (r: Row, text: string): Row => ({ ...r, cells: { en: { ...r.cells.en, text, state: "dirty" } } });
const by = { id: "u1", name: "Olena" };

describe("applyParagraphChanges", () => {
  const rows = [
    row("a", 1, "Перше.", "One."),
    row("b", 2, "Друге.", "Two."),
    row("c", 3, "Третє."),
    row("d", 4, "Четверте."),
  ];

  it("a source update: a changed row read again, one added, one removed; the others stay the same objects", () => {
    const out = applyParagraphChanges(
      rows,
      { read: ["n", "c"], removed: ["b"] },
      [fresh("n", 2, "Нове."), fresh("c", 3, "Третє змінене.")],
      langs,
      by,
    );
    expect(out?.map((r) => [r.id, r.position, r.source])).toEqual([
      ["a", 1, "Перше."],
      ["n", 2, "Нове."],
      ["c", 3, "Третє змінене."],
      ["d", 4, "Четверте."],
    ]);
    expect(out?.[0]).toBe(rows[0]);
    expect(out?.[3]).toBe(rows[3]);
  });

  it("a restore from the bin: the row comes back at its place, positions after it move down", () => {
    const out = applyParagraphChanges(
      rows,
      { read: ["x"], removed: [] },
      [fresh("x", 1, "Повернений.", "Back.", 3)],
      langs,
      by,
    );
    expect(out?.map((r) => [r.id, r.position])).toEqual([
      ["x", 1],
      ["a", 2],
      ["b", 3],
      ["c", 4],
      ["d", 5],
    ]);
    expect(out?.[0].cells.en).toMatchObject({ text: "Back.", version: 3, state: "saved" });
    // Applied twice: the same rows.
    const again = applyParagraphChanges(
      out ?? [],
      { read: ["x"], removed: [] },
      [fresh("x", 1, "Повернений.", "Back.", 3)],
      langs,
      by,
    );
    expect(again?.map((r) => [r.id, r.position])).toEqual(out?.map((r) => [r.id, r.position]));
  });

  it("an unsaved edit in a changed row stays and meets the new version in the merge view, by name", () => {
    const edited = [rows[0], typed(rows[1], "Two, edited."), rows[2], rows[3]];
    const out = applyParagraphChanges(
      edited,
      { read: ["b"], removed: [] },
      [fresh("b", 2, "Друге змінене.", "Two.", 2)],
      langs,
      by,
    );
    const cell = out?.[1].cells.en;
    expect(cell).toMatchObject({ state: "conflict", text: "Two, edited." });
    expect(cell?.conflict).toMatchObject({
      mine: "Two, edited.",
      current: { text: "Two.", version: 2, updatedBy: by },
    });
    expect(out?.[1].source).toBe("Друге змінене.");
  });

  it("a removed row with an unsaved edit stays on screen, marked, after the row it followed, numbered for none", () => {
    const edited = [rows[0], typed(rows[1], "Two, edited."), rows[2], rows[3]];
    const out = applyParagraphChanges(edited, { read: [], removed: ["b"] }, [], langs, by);
    expect(out?.map((r) => [r.id, r.position, r.gone ?? null])).toEqual([
      ["a", 1, null],
      ["b", 2, { by: "Olena" }],
      ["c", 2, null],
      ["d", 3, null],
    ]);
    expect(out?.[1].cells.en.text).toBe("Two, edited.");
    // A later split still numbers the rows in the document only; dismissing the kept row removes it.
    const split = applyRowsEdit(
      out ?? [],
      { segmentId: "a", inserted: "s" },
      [fresh("a", 1, "Пер"), fresh("s", 2, "ше.")],
      langs,
    );
    expect(split?.map((r) => [r.id, r.position])).toEqual([
      ["a", 1],
      ["s", 2],
      ["b", 2],
      ["c", 3],
      ["d", 4],
    ]);
    expect(withoutGone(split ?? [], "b").map((r) => r.id)).toEqual(["a", "s", "c", "d"]);
  });

  it("a removed row without unsaved work just goes", () => {
    const out = applyParagraphChanges(rows, { read: [], removed: ["a", "d"] }, [], langs, by);
    expect(out?.map((r) => [r.id, r.position])).toEqual([
      ["b", 1],
      ["c", 2],
    ]);
  });

  it("refuses what it cannot follow: a row read missing, a position past the end", () => {
    expect(applyParagraphChanges(rows, { read: ["n"], removed: [] }, [], langs, by)).toBeNull();
    expect(applyParagraphChanges(rows, { read: ["n"], removed: [] }, [fresh("n", 9, "Далеко.")], langs, by)).toBeNull();
  });
});
