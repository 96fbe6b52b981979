// What the editor shows of a translation's findings: the report's and the paragraph check's merged,
// the "has QA errors" filter, the spans underlined only while the text is the one checked.
import { describe, expect, it } from "vitest";
import {
  cellsFromReport,
  type DocumentQaFindingData,
  markClass,
  openErrors,
  type QaFindingData,
  rowHasOpenErrors,
  shownFindings,
  sourceSpans,
  targetSpans,
  withCheck,
  withReport,
} from "./qa-model";

const finding = (
  check: QaFindingData["check"],
  severity: QaFindingData["severity"],
  extra: Partial<QaFindingData> = {},
) =>
  ({
    check,
    severity,
    message: `${check} ${severity}`,
    messageKey: `qa.${check}.x`,
    params: {},
    key: `${check}:${severity}`,
    ignored: false,
    ...extra,
  }) as QaFindingData;
const inReport = (segmentId: string, f: QaFindingData): DocumentQaFindingData => ({ ...f, segmentId, position: 1 });

describe("qa-model", () => {
  const texts = (id: string) => ({ s1: "Saved text  here.", s2: "" })[id];
  const report = cellsFromReport(
    [
      inReport("s1", finding("double-space", "warning", { span: { start: 10, end: 12, side: "target" } })),
      inReport("s1", finding("inconsistent", "warning", { related: ["s9"] })),
      inReport("s1", finding("citations", "error", { span: { start: 0, end: 4, side: "source" } })),
      inReport("s2", finding("untranslated", "error")),
    ],
    texts,
  );

  it("keeps the report's document checks apart and its offsets with the saved text", () => {
    const s1 = report.get("s1")!;
    expect(s1.text).toBe("Saved text  here.");
    expect(s1.findings.map((f) => f.check)).toEqual(["double-space", "citations"]);
    expect(s1.documentFindings.map((f) => f.check)).toEqual(["inconsistent"]);
    expect(s1.complete).toBe(false);
  });

  it("a paragraph check replaces the findings and keeps the document checks; a later report does not undo it", () => {
    const checked = withCheck(report.get("s1"), "Saved text here.", [finding("numbers", "error")]);
    expect(shownFindings(checked, "Saved text here.").map((f) => f.check)).toEqual(["numbers", "inconsistent"]);
    const again = withReport(checked, report.get("s1"))!;
    expect(again.findings.map((f) => f.check)).toEqual(["numbers"]);
    expect(withReport(undefined, report.get("s2"))).toBe(report.get("s2"));
  });

  it("empty translations show nothing and do not count as 'has QA errors'; ignored errors do not either", () => {
    expect(shownFindings(report.get("s2"), "")).toEqual([]);
    expect(openErrors(report.get("s2"))).toEqual([]);
    expect(rowHasOpenErrors({ en: report.get("s1")! }, ["en"])).toBe(true);
    const ignored = withCheck(undefined, "x", [finding("numbers", "error", { ignored: true })]);
    expect(rowHasOpenErrors({ en: ignored }, ["en"])).toBe(false);
    expect(rowHasOpenErrors({ en: report.get("s1")! }, ["kk"])).toBe(false);
  });

  it("underlines the target only while the text is the checked one; the source always", () => {
    const s1 = report.get("s1")!;
    expect(targetSpans(s1, "Saved text  here.")).toEqual([
      { id: "qa:warning:double-space:warning", start: 10, end: 12 },
    ]);
    expect(targetSpans(s1, "Edited text")).toEqual([]);
    expect(sourceSpans({ en: s1 })).toEqual([{ id: "qa:error:citations:error", start: 0, end: 4 }]);
  });

  it("marks a highlighted piece by its notes and its worst finding", () => {
    expect(markClass(["n1"])).toEqual({ className: "note-mark", noteIds: ["n1"] });
    expect(markClass(["qa:info:a", "qa:error:b"])).toEqual({ className: "qa-mark qa-error", noteIds: [] });
    expect(markClass(["n1", "n2", "qa:warning:a"])).toEqual({
      className: "note-mark overlap qa-mark qa-warning",
      noteIds: ["n1", "n2"],
    });
  });
});
