import { describe, expect, it } from "vitest";
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
      filterRows(rows, { status: "", openNotes: false, search: "АГЕНТСТВО", lang: "en" }, ["en"]).map((r) => r.id),
    ).toEqual(["1"]);
    expect(
      filterRows(rows, { status: "", openNotes: false, search: "қызмет", lang: "en" }, ["en", "kk"]).map((r) => r.id),
    ).toEqual(["2"]);
    expect(filterRows(rows, { status: "", openNotes: false, search: "қызмет", lang: "en" }, ["en"])).toEqual([]);
  });

  it("filters by the status in the chosen language and by open notes", () => {
    expect(
      filterRows(rows, { status: "new", openNotes: false, search: "", lang: "en" }, ["en"]).map((r) => r.id),
    ).toEqual(["2"]);
    expect(
      filterRows(rows, { status: "draft", openNotes: false, search: "", lang: "kk" }, ["kk"]).map((r) => r.id),
    ).toEqual(["1", "2"]);
    const openNotes = (id: string) => (id === "2" ? 2 : 0);
    const withNotes = filterRows(rows, { status: "", openNotes: true, search: "", lang: "en" }, ["en"], openNotes);
    expect(withNotes.map((r) => r.id)).toEqual(["2"]);
  });
});
