// The editor's state changes, one action at a time, on rows as the page builds them.
import { describe, expect, it } from "vitest";
import { editorRow, type Row } from "@/lib/editor/rows";
import { type EditorState, editorReducer } from "./editor-reducer";

function start(): { state: EditorState; reduce: ReturnType<typeof editorReducer>; rowIndex: Map<string, number> } {
  const rows: Row[] = [
    editorRow({ id: "a", position: 1, kind: "paragraph", source: "Реформа", wordCount: 1 }, ["en", "kk"], (lang) =>
      lang === "en" ? { text: "Reform", status: "draft", version: 2 } : undefined,
    ),
    editorRow(
      { id: "b", position: 2, kind: "list_item", source: "Служба", wordCount: 1 },
      ["en", "kk"],
      () => undefined,
    ),
  ];
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  return { state: { rows, online: true, waiting: 0 }, reduce: editorReducer(rowIndex), rowIndex };
}

const cell = (state: EditorState, rowId: string, lang: string) => state.rows.find((r) => r.id === rowId)?.cells[lang];

describe("editorReducer", () => {
  it("starts from the saved translations, an absent one empty and new", () => {
    const { state } = start();
    expect(cell(state, "a", "en")).toEqual({
      text: "Reform",
      savedText: "Reform",
      status: "draft",
      version: 2,
      state: "saved",
      origin: null,
    });
    expect(cell(state, "a", "kk")).toEqual({
      text: "",
      savedText: "",
      status: "new",
      version: 0,
      state: "saved",
      origin: null,
    });
  });

  it("a filled text's origin turns edited once a changed text is saved, and goes when it is emptied", () => {
    const origin = { kind: "memory" as const, score: 87, name: "Reform memory", segmentId: null, edited: false };
    const [row] = [
      editorRow({ id: "a", position: 1, kind: "paragraph", source: "Реформа", wordCount: 1 }, ["en"], () => ({
        text: "Reform",
        status: "draft",
        version: 2,
        origin,
      })),
    ];
    const reduce = editorReducer(new Map([["a", 0]]));
    const state: EditorState = { rows: [row], online: true, waiting: 0 };
    const saved = (s: EditorState, text: string, version: number) =>
      reduce(s, { type: "saved", rowId: "a", lang: "en", text, status: "translated", version, stillDirty: false });
    const confirmed = saved(state, "Reform", 3);
    expect(cell(confirmed, "a", "en")?.origin).toEqual(origin);
    const edited = saved(confirmed, "The reform", 4);
    expect(cell(edited, "a", "en")?.origin).toEqual({ ...origin, edited: true });
    expect(cell(saved(edited, "", 5), "a", "en")?.origin).toBeNull();
  });

  it("marks typing dirty and clears an old error; a status change is saving", () => {
    const { state, reduce } = start();
    const failed = reduce(state, { type: "error", rowId: "a", lang: "en", code: "forbidden" });
    expect(cell(failed, "a", "en")).toMatchObject({ state: "error", error: "forbidden" });
    const typed = reduce(failed, { type: "edit", rowId: "a", lang: "en", text: "Reforms" });
    expect(cell(typed, "a", "en")).toMatchObject({
      text: "Reforms",
      savedText: "Reform",
      state: "dirty",
      error: undefined,
    });
    const confirmed = reduce(typed, { type: "status", rowId: "a", lang: "en", status: "translated" });
    expect(cell(confirmed, "a", "en")).toMatchObject({ status: "translated", state: "saving" });
  });

  it("takes a save's version and stored text, but keeps what is on screen when typing went on or only NFC differs", () => {
    const { state, reduce } = start();
    const saved = (text: string, stillDirty: boolean, from = state) =>
      reduce(from, { type: "saved", rowId: "a", lang: "en", text, status: "draft", version: 3, stillDirty });
    expect(cell(saved("Reform!", false), "a", "en")).toMatchObject({
      text: "Reform!",
      savedText: "Reform!",
      version: 3,
      state: "saved",
    });
    const typing = reduce(state, { type: "edit", rowId: "a", lang: "en", text: "Reform!!" });
    expect(cell(saved("Reform!", true, typing), "a", "en")).toMatchObject({
      text: "Reform!!",
      savedText: "Reform!",
      state: "dirty",
    });
    const decomposed = reduce(state, { type: "edit", rowId: "a", lang: "en", text: "Cafe\u0301" });
    expect(cell(saved("Café", false, decomposed), "a", "en")?.text).toBe("Cafe\u0301");
  });

  it("holds a conflict until the person keeps theirs or takes the server's", () => {
    const { state, reduce } = start();
    const current = {
      text: "Theirs",
      status: "translated" as const,
      version: 7,
      updatedBy: null,
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    const typed = reduce(state, { type: "edit", rowId: "a", lang: "en", text: "Mine" });
    const conflict = reduce(typed, { type: "conflict", rowId: "a", lang: "en", mine: "Mine", current });
    expect(cell(conflict, "a", "en")).toMatchObject({ state: "conflict", conflict: { mine: "Mine", current } });
    // A save event for the same cell does not hide the conflict.
    expect(cell(reduce(conflict, { type: "sending", rowId: "a", lang: "en" }), "a", "en")?.state).toBe("conflict");
    const theirs = reduce(conflict, { type: "takeTheirs", rowId: "a", lang: "en" });
    expect(cell(theirs, "a", "en")).toEqual({
      text: "Theirs",
      savedText: "Theirs",
      status: "translated",
      version: 7,
      state: "saved",
      conflict: undefined,
      origin: null,
    });
    const merged = reduce(conflict, { type: "resolve", rowId: "a", lang: "en", text: "Mine, theirs", version: 7 });
    expect(cell(merged, "a", "en")).toMatchObject({
      text: "Mine, theirs",
      version: 7,
      state: "saving",
      conflict: undefined,
    });
  });

  it("goes back to the saved text on revert, and records a review decision", () => {
    const { state, reduce } = start();
    const typed = reduce(state, { type: "edit", rowId: "a", lang: "en", text: "Oops" });
    expect(cell(reduce(typed, { type: "revert", rowId: "a", lang: "en" }), "a", "en")).toMatchObject({
      text: "Reform",
      state: "saved",
    });
    const decided = reduce(state, { type: "decided", rowId: "a", lang: "en", status: "approved", version: 3 });
    expect(cell(decided, "a", "en")).toMatchObject({ status: "approved", version: 3, text: "Reform" });
  });

  it("refreshes only saved cells whose version changed on the server, leaving edits alone", () => {
    const { state, reduce } = start();
    const typed = reduce(state, { type: "edit", rowId: "b", lang: "en", text: "Service" });
    const cells = new Map([
      ["a", { text: "Reformed", status: "translated" as const, version: 3 }],
      ["b", { text: "Server's", status: "draft" as const, version: 1 }],
    ]);
    const refreshed = reduce(typed, { type: "refresh", lang: "en", cells });
    expect(cell(refreshed, "a", "en")).toMatchObject({
      text: "Reformed",
      savedText: "Reformed",
      version: 3,
      status: "translated",
    });
    expect(cell(refreshed, "b", "en")).toMatchObject({ text: "Service", state: "dirty", version: 0 });
    expect(refreshed.rows[1]).toBe(typed.rows[1]);
  });

  it("changes nothing for a row or language it does not know, and appends loaded rows", () => {
    const { state, reduce, rowIndex } = start();
    expect(reduce(state, { type: "edit", rowId: "zzz", lang: "en", text: "x" })).toBe(state);
    expect(reduce(state, { type: "edit", rowId: "a", lang: "de", text: "x" })).toBe(state);
    const more = editorRow(
      { id: "c", position: 3, kind: "paragraph", source: "Ще", wordCount: 1 },
      ["en", "kk"],
      () => undefined,
    );
    rowIndex.set("c", 2);
    const appended = reduce(state, { type: "append", rows: [more] });
    expect(appended.rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(cell(reduce(appended, { type: "edit", rowId: "c", lang: "kk", text: "Тағы" }), "c", "kk")?.state).toBe(
      "dirty",
    );
    expect(reduce(state, { type: "network", online: false, waiting: 2 })).toMatchObject({ online: false, waiting: 2 });
  });
});
