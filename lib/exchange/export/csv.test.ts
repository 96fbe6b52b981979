import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  CITATION,
  EN_CITED,
  EN_TRICKY,
  exportBytes,
  exportFixture,
  KK_CITED,
  request,
} from "../../../tests/fixtures/export-world";
import type { ExchangeNote } from "../types";

const ctx = exportFixture();

const HEADER = [
  "position",
  "status",
  "uk",
  "en",
  "kk",
  "open notes",
  "kind",
  "en status",
  "en updated by",
  "en updated at",
  "kk status",
  "kk updated by",
  "kk updated at",
  "notes json",
];

function records(text: string, delimiter: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, delimiter, relax_quotes: false });
}

describe("CSV export", () => {
  it("starts with a BOM, ends records with CRLF and quotes by RFC 4180", async () => {
    const { bytes, contentType, filename } = await exportBytes(ctx.world, request("csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(contentType).toBe("text/csv; charset=utf-8");
    expect(filename).toBe(`${ctx.world.document.title}.en+kk.csv`);
    const text = bytes.toString("utf8");
    expect(text.slice(1, text.indexOf("\r\n"))).toBe(HEADER.join(","));
    expect(text.endsWith("\r\n")).toBe(true);
    // The tricky translation: quotes doubled, the line break inside the quoted field.
    expect(text).toContain('"  A & B < C > ""D"" \'E\'\nsecond line  "');
    expect(text).toContain(CITATION);
    expect(text).toContain(ctx.fx.cited.source);
  });

  it("parses back to the same cells", async () => {
    const text = (await exportBytes(ctx.world, request("csv"))).bytes.toString("utf8");
    const rows = records(text, ",");
    expect(Object.keys(rows[0])).toEqual(HEADER);
    expect(rows).toHaveLength(ctx.world.segments.length);
    const at = (p: number) => rows.find((r) => r.position === String(p))!;
    expect(at(ctx.fx.cited.position)).toMatchObject({
      status: "en: approved; kk: translated",
      uk: ctx.fx.cited.source,
      en: EN_CITED,
      kk: KK_CITED,
      kind: "paragraph",
      "en status": "approved",
      "en updated by": "Olena Owner",
      "kk status": "translated",
    });
    expect(at(ctx.fx.cited.position)["en updated at"]).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(at(ctx.fx.first.position).en).toBe(EN_TRICKY);
    expect(at(ctx.fx.listItem.position).kind).toBe("list_item");
    const untouched = rows.find((r) => r["en status"] === "new")!;
    expect([untouched.en, untouched["en updated by"], untouched["en updated at"]]).toEqual(["", "", ""]);
  });

  it("lists open threads readably and every note as JSON", async () => {
    const rows = records((await exportBytes(ctx.world, request("csv"))).bytes.toString("utf8"), ",");
    const cited = rows.find((r) => r.position === String(ctx.fx.cited.position))!;
    expect(cited["open notes"]).toBe(
      'Olena Owner: Check the citation «52».\n[en] A reviewer: Use "round table" — not "roundtable".\n  ↳ Olena Owner: Agreed & fixed.',
    );
    const notes: ExchangeNote[] = JSON.parse(cited["notes json"]);
    expect(notes[1]).toEqual({
      lang: "en",
      author: "A reviewer",
      body: 'Use "round table" — not "roundtable".',
      createdAt: "2026-11-10T09:02:00.123Z",
      resolved: false,
      category: "fluency/punctuation",
      severity: "minor",
      anchor: { side: "target", start: 4, end: 5, text: "«" },
      replies: [
        { author: "Olena Owner", body: "Agreed & fixed.", createdAt: "2026-11-10T09:03:00.123Z", resolved: false },
      ],
    });
    const item = rows.find((r) => r.position === String(ctx.fx.listItem.position))!;
    // Resolved: in the JSON, not among the open notes.
    expect(item["open notes"]).toBe("");
    expect(JSON.parse(item["notes json"])[0]).toMatchObject({ resolved: true, lang: "kk" });
  });

  it("leaves the notes columns empty without notes, and targets empty with approvedOnly", async () => {
    const text = (
      await exportBytes(ctx.world, request("csv", { includeNotes: false, approvedOnly: true }))
    ).bytes.toString("utf8");
    const rows = records(text, ",");
    expect(rows.every((r) => r["open notes"] === "" && r["notes json"] === "")).toBe(true);
    const plain = rows.find((r) => r.position === String(ctx.fx.first.position))!;
    expect([plain.en, plain.kk, plain.status, plain["en status"]]).toEqual(["", "", "", ""]);
    expect(rows.find((r) => r.position === String(ctx.fx.cited.position))!.status).toBe("en: approved");
  });
});

describe("TSV export", () => {
  it("is tab separated without BOM, quoting only where needed", async () => {
    const { bytes, contentType } = await exportBytes(ctx.world, request("tsv", { targets: ["en"] }));
    expect(contentType).toBe("text/tab-separated-values; charset=utf-8");
    const text = bytes.toString("utf8");
    expect(text.startsWith("position\tstatus\tuk\ten\topen notes\tkind\t")).toBe(true);
    expect(text).toContain(`\t${EN_CITED}\t`);
    expect(text).toContain(ctx.fx.cited.source);
    const rows = records(text, "\t");
    const plain = rows.find((r) => r.position === String(ctx.fx.first.position))!;
    expect([plain.status, plain.en]).toEqual(["draft", EN_TRICKY]);
  });
});
