import { describe, expect, it } from "vitest";
import { compileFind } from "../search/find";
import { type Cell, filterRows, type Row } from "./rows";

const cell = (text: string, status: Cell["status"]): Cell => ({
  text,
  savedText: text,
  status,
  version: 1,
  state: "saved",
});
const rows: Row[] = [
  {
    id: "1",
    position: 1,
    kind: "paragraph",
    source: "Агентство у справах",
    wordCount: 3,
    cells: { en: cell("The Agency", "translated"), kk: cell("Агенттік", "draft") },
  },
  {
    id: "2",
    position: 2,
    kind: "list_item",
    source: "аналіз реформ",
    wordCount: 2,
    cells: { en: cell("", "new"), kk: cell("ҚЫЗМЕТ талдауы", "draft") },
  },
];

describe("filterRows", () => {
  it("finds Cyrillic text whatever its case, in source and in any shown translation", () => {
    expect(
      filterRows(rows, { status: "", openNotes: false, search: "АГЕНТСТВО", lang: "en" }, { langs: ["en"] }).map(
        (r) => r.id,
      ),
    ).toEqual(["1"]);
    expect(
      filterRows(rows, { status: "", openNotes: false, search: "қызмет", lang: "en" }, { langs: ["en", "kk"] }).map(
        (r) => r.id,
      ),
    ).toEqual(["2"]);
    expect(filterRows(rows, { status: "", openNotes: false, search: "қызмет", lang: "en" }, { langs: ["en"] })).toEqual(
      [],
    );
  });

  it("filters by the status in the chosen language and by open notes", () => {
    expect(
      filterRows(rows, { status: "new", openNotes: false, search: "", lang: "en" }, { langs: ["en"] }).map((r) => r.id),
    ).toEqual(["2"]);
    expect(
      filterRows(rows, { status: "draft", openNotes: false, search: "", lang: "kk" }, { langs: ["kk"] }).map(
        (r) => r.id,
      ),
    ).toEqual(["1", "2"]);
    const openNotes = (id: string) => (id === "2" ? 2 : 0);
    const withNotes = filterRows(
      rows,
      { status: "", openNotes: true, search: "", lang: "en" },
      { langs: ["en"], openNotes },
    );
    expect(withNotes.map((r) => r.id)).toEqual(["2"]);
  });

  it("keeps the row being edited, whatever it holds now", () => {
    const newOnly = { status: "new", openNotes: false, search: "", lang: "en" } as const;
    expect(filterRows(rows, newOnly, { langs: ["en"], keep: new Set(["1"]) }).map((r) => r.id)).toEqual(["1", "2"]);
    expect(filterRows(rows, newOnly, { langs: ["en"], keep: new Set() }).map((r) => r.id)).toEqual(["2"]);
  });

  it("searches with the compiled find options: whole words, regular expressions, case", () => {
    const search = { status: "", openNotes: false, search: "x", lang: "en" } as const;
    const find = (find: string, more = {}) =>
      filterRows(rows, search, {
        langs: ["en"],
        finder: compileFind({ find, matchCase: false, wholeWords: false, regex: false, ...more }),
      }).map((r) => r.id);
    expect(find("аналі")).toEqual(["2"]);
    expect(find("аналі", { wholeWords: true })).toEqual([]);
    expect(find("^the", { regex: true })).toEqual(["1"]);
    expect(find("agency", { matchCase: true })).toEqual([]);
  });
});
