// A split, a merge and a source edit applied to the editor's rows in place: the rows named become
// what the server read, positions follow, other rows (and unsent edits) stay as they were.
import { describe, expect, it } from "vitest";
import { fresh, langs, row } from "../../tests/editor-rows";
import { applyRowsEdit, sourceMarks } from "./paragraph-edit";
import type { Row } from "./rows";

describe("applyRowsEdit", () => {
  const rows = [row("a", 1, "Перше. Друге.", "First. Second."), row("b", 2, "Третє."), row("c", 3, "Четверте.")];

  it("a split: the first part read again, the second inserted after it, positions after it move down", () => {
    const out = applyRowsEdit(
      rows,
      { segmentId: "a", inserted: "n" },
      [fresh("a", 1, "Перше.", "First. Second.", 2), fresh("n", 2, "Друге.")],
      langs,
    );
    expect(out?.map((r) => [r.id, r.position, r.source])).toEqual([
      ["a", 1, "Перше."],
      ["n", 2, "Друге."],
      ["b", 3, "Третє."],
      ["c", 4, "Четверте."],
    ]);
    expect(out?.[0].cells.en).toMatchObject({ text: "First. Second.", status: "draft", version: 2, state: "saved" });
    // Applying it again changes nothing: the inserted row is not inserted twice.
    const again = applyRowsEdit(
      out ?? [],
      { segmentId: "a", inserted: "n" },
      [fresh("a", 1, "Перше.", "First. Second.", 2), fresh("n", 2, "Друге.")],
      langs,
    );
    expect(again?.map((r) => [r.id, r.position])).toEqual(out?.map((r) => [r.id, r.position]));
  });

  it("a merge: the row after goes, the merged row is read again, rows not moved stay the same objects", () => {
    const out = applyRowsEdit(rows, { segmentId: "b", removed: "c" }, [fresh("b", 2, "Третє. Четверте.")], langs);
    expect(out?.map((r) => [r.id, r.position, r.source])).toEqual([
      ["a", 1, "Перше. Друге."],
      ["b", 2, "Третє. Четверте."],
    ]);
    expect(out?.[0]).toBe(rows[0]);
  });

  it("an unsent edit of the changed row stays on screen and meets the newer version in the merge view", () => {
    const typing: Row[] = [
      { ...rows[0], cells: { en: { ...rows[0].cells.en, text: "First. Second, typed.", state: "dirty" } } },
      rows[1],
    ];
    const out = applyRowsEdit(typing, { segmentId: "a" }, [fresh("a", 1, "Перше. Друге!", "First. Second.", 2)], langs);
    expect(out?.[0].source).toBe("Перше. Друге!");
    expect(out?.[0].cells.en).toMatchObject({
      text: "First. Second, typed.",
      state: "conflict",
      conflict: { mine: "First. Second, typed.", current: { version: 2 } },
    });
  });

  it("cannot apply to a row this view does not show, nor without the inserted row's read", () => {
    expect(applyRowsEdit(rows, { segmentId: "zz" }, [fresh("zz", 9, "Х.")], langs)).toBeNull();
    expect(applyRowsEdit(rows, { segmentId: "a", inserted: "n" }, [fresh("a", 1, "Перше.")], langs)).toBeNull();
  });

  it("reads the source-changed marks of a paragraph", () => {
    expect(sourceMarks(fresh("a", 1, "Перше.", "First."))).toEqual({ en: "Перше. Друге." });
    expect(sourceMarks(fresh("n", 2, "Друге."))).toBeUndefined();
  });
});
