// The quality report on a real database: only reviewed paragraphs' words count, the share of the
// document is shown, and every error is listed (page data and CSV rows alike).
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createWorld, type World } from "../../tests/world";
import { createNote } from "../notes/notes";
import { saveTranslation } from "../translations/save";
import { decide } from "./decide";
import { qualityReport } from "./quality";

let world: World;
let quality: unknown;

async function save(index: number, text: string, status = "translated", as: "translator" | "owner" = "translator") {
  const segmentId = world.segments[index].id;
  const { version } = await world.db.translation.findUniqueOrThrow({
    where: { segmentId_lang: { segmentId, lang: "en" } },
  });
  await saveTranslation(world.db, world.actor(as), {
    segmentId,
    lang: "en",
    text,
    status,
    baseVersion: version,
  });
  return segmentId;
}
const words = (indexes: number[]) => indexes.reduce((sum, i) => sum + world.segments[i].wordCount, 0);

beforeAll(async () => {
  world = await createWorld();
  quality = (await import("../../app/api/v1/documents/[id]/quality/route")).GET;
  const reviewer = world.actor("reviewer");
  await save(0, "Never looked at by a reviewer.");
  const s1 = await save(1, "The Agency approved this.");
  await decide(world.db, reviewer, s1, "en", { decision: "approved" });
  const s2 = await save(2, "Sent back, this one.");
  await decide(world.db, reviewer, s2, "en", { decision: "rejected", note: "Missing a clause." });
  const s3 = await save(3, "Carrying an error only.");
  const s4 = await save(4, "Reviewed once.");
  await decide(world.db, reviewer, s4, "en", { decision: "reviewed" });
  // Reviewed work is locked for translators (approved-work protection): the owner edits it.
  await save(4, "Reviewed once, edited since.", "draft", "owner");

  await createNote(world.db, reviewer, s1, {
    body: "Official name",
    lang: "en",
    anchor: { side: "target", start: 4, end: 10 },
    category: "terminology",
    severity: "major",
  });
  await createNote(world.db, reviewer, s3, { body: "Wordy", lang: "en", category: "style", severity: "minor" });
  await createNote(world.db, world.actor("owner"), s2, {
    body: "Clause missing",
    lang: "en",
    anchor: { side: "target", start: 0, end: 9 },
    category: "accuracy.omission",
    severity: "critical",
  });
  // The anchored words go: the error stays listed, its quote marked as changed.
  await save(2, "Rewritten entirely.");
  // A comment without an error type is no error.
  await createNote(world.db, reviewer, s3, { body: "Nice", lang: "en" });
});
afterAll(() => world.cleanup());

describe("quality report", () => {
  it("counts only the words of reviewed paragraphs, and says what share of the document they are", async () => {
    const report = await qualityReport(world.db, world.actor("viewer"), world.document.id, "en");
    const reviewed = words([1, 2, 3, 4]);
    const total = world.segments.reduce((sum, s) => sum + s.wordCount, 0);
    expect(report.words).toBe(reviewed);
    expect(report.documentWords).toBe(total);
    expect(report.reviewedShare).toBeCloseTo(reviewed / total, 10);
    expect(report.totals).toEqual({ minor: 1, major: 1, critical: 1, errors: 3, points: 31 });
    expect(report.penaltyPer1000).toBe(Math.round(((31 * 1000) / reviewed) * 100) / 100);
  });

  it("lists every error: paragraph, quoted span, category, severity, author, status", async () => {
    const report = await qualityReport(world.db, world.actor("viewer"), world.document.id, "en");
    expect(
      report.errors.map(({ position, quote, quoteGone, category, severity, author, resolved }) => ({
        position,
        quote,
        quoteGone,
        category,
        severity,
        author,
        resolved,
      })),
    ).toEqual([
      {
        position: world.segments[1].position,
        quote: "Agency",
        quoteGone: false,
        category: "terminology",
        severity: "major",
        author: "A reviewer",
        resolved: false,
      },
      {
        position: world.segments[2].position,
        quote: "Sent back",
        quoteGone: true,
        category: "accuracy.omission",
        severity: "critical",
        author: "Olena Owner",
        resolved: false,
      },
      {
        position: world.segments[3].position,
        quote: "",
        quoteGone: false,
        category: "style",
        severity: "minor",
        author: "A reviewer",
        resolved: false,
      },
    ]);
  });

  it("writes the same error rows into the CSV, with links to the paragraphs", async () => {
    const res = await (quality as (req: Request, ctx: object) => Promise<Response>)(
      new Request(`http://parallel.test/api/v1/documents/${world.document.id}/quality?target=en&format=csv`, {
        headers: { authorization: `Bearer ${world.tokens.viewer}`, "accept-language": "en" },
      }),
      { params: Promise.resolve({ id: world.document.id }) },
    );
    expect(res.status).toBe(200);
    const rows: string[][] = parse((await res.text()).replace(/^\uFEFF/, ""), { relax_column_count: true });
    expect(rows[0]).toEqual(["Paragraph", "Link", "Quoted words", "Category", "Severity", "Author", "Status"]);
    const link = (i: number) =>
      `http://parallel.test/en/documents/${world.document.id}?target=en#p${world.segments[i].position}`;
    expect(rows.slice(1, 4)).toEqual([
      [String(world.segments[1].position), link(1), "Agency", "Terminology", "Major (5)", "A reviewer", "Open"],
      [
        String(world.segments[2].position),
        link(2),
        "Text changed: «Sent back»",
        "Accuracy: omission",
        "Critical (25)",
        "Olena Owner",
        "Open",
      ],
      [
        String(world.segments[3].position),
        link(3),
        "(the paragraph as a whole)",
        "Style",
        "Minor (1)",
        "A reviewer",
        "Open",
      ],
    ]);
    const summary = new Map(rows.filter((r) => r.length === 2).map(([k, v]) => [k, v]));
    expect(summary.get("Words evaluated")).toBe(String(words([1, 2, 3, 4])));
    expect(summary.get("Share of the document reviewed")).toMatch(/^\d+\.\d %$/);
  });

  it("names an imported error's reviewer as its file gave them, not the member who imported it", async () => {
    const segment = world.segments[3];
    await world.db.note.create({
      data: {
        segmentId: segment.id,
        documentId: world.document.id,
        lang: "en",
        authorId: world.users.owner.id,
        fromFile: true,
        fileAuthor: "Гість Зовнішній",
        body: "Imported with the file",
        category: "fluency.grammar",
        severity: "minor",
      },
    });
    const report = await qualityReport(world.db, world.actor("viewer"), world.document.id, "en");
    const imported = report.errors.find((e) => e.category === "fluency.grammar");
    expect(imported?.author).toBe("Гість Зовнішній");
  });

  it("refuses a language the project does not have", async () => {
    const res = await call(quality, `/api/v1/documents/${world.document.id}/quality?target=de`, {
      token: world.tokens.viewer,
      params: { id: world.document.id },
    });
    expect(res.status).toBe(400);
  });
});
