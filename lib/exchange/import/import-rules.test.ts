// What an import may write (issue 10, part 2): statuses as the importer's role may set them, with
// the report saying what was downgraded; notes written by the importer, the file's author and date
// kept as "from file"; replies checked like notes; and a translation saved while an import was being
// prepared is decided again on what it holds when the import writes.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exportBytes, rowCounts } from "../../../tests/fixtures/import-world";
import { createWorld, type World } from "../../../tests/world";
import { lockedStatuses, type ProjectPolicy, statusesFor } from "../../auth/permissions";
import { listSegmentNotes } from "../../notes/notes";
import { saveTranslation } from "../../translations/save";
import type { ExchangeNote } from "../types";
import { applyImport, importDocument, planImport } from "./import-document";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 60_000);
afterAll(() => world.cleanup());

const policy = { reviewersMayEdit: false, translatorsMayChangeApproved: false };
const translatorsMayChange = { ...policy, translatorsMayChangeApproved: true };
const en = (position: number) =>
  world.db.translation.findUniqueOrThrow({
    where: { segmentId_lang: { segmentId: world.segments[position - 1].id, lang: "en" } },
  });

/** Sets paragraphs' English translations directly: [position, text, status]. */
async function given(rows: [number, string, string][]) {
  for (const [position, text, status] of rows) {
    const current = await en(position);
    await world.db.translation.update({
      where: { id: current.id },
      data: { text, status, version: current.version + 1 },
    });
  }
}

/** The document as CSV, with `edit` applied to its rows (header first), as a spreadsheet would change it. */
async function editedCsv(edit: (cell: (position: number, column: string, value?: string) => string) => void) {
  const csv = new TextDecoder().decode((await exportBytes(world.db, world.document.id, "csv", ["en"])).bytes);
  const rows = parse(csv, { bom: true }) as string[][];
  edit((position, column, value) => {
    const row = rows.find((r) => r[0] === String(position))!;
    const index = rows[0].indexOf(column);
    if (value !== undefined) row[index] = value;
    return row[index];
  });
  return new TextEncoder().encode(stringify(rows, { bom: true, record_delimiter: "windows" }));
}

function importAs(
  role: "owner" | "translator",
  bytes: Uint8Array,
  mode: "new" | "update" = "update",
  rules: ProjectPolicy = policy,
) {
  return {
    projectId: world.project.id,
    fileName: "edited.csv",
    bytes,
    mode,
    documentId: mode === "update" ? world.document.id : undefined,
    userId: world.users[role].id,
    allowedStatuses: statusesFor(role, rules),
    lockedStatuses: lockedStatuses(role, rules),
  } as const;
}

describe("statuses in an imported file", () => {
  beforeEach(() =>
    given([
      [1, "Approved words.", "approved"],
      [2, "Translated words.", "translated"],
      [3, "Draft words.", "draft"],
      [4, "Fourth words.", "translated"],
    ]),
  );

  it("are applied only as the importer's role may set them, and the report lists the rest", async () => {
    const file = await editedCsv((cell) => {
      cell(1, "en", "Approved words, changed by a translator."); // still "approved" in the file
      cell(2, "en status", "approved"); // the text as saved
      cell(3, "en", "Draft words, finished.");
      cell(3, "en status", "translated");
      cell(4, "en", ""); // emptied, the file still says "translated"
    });
    const report = await importDocument(world.db, importAs("translator", file, "update", translatorsMayChange));
    expect(report.translations).toBe(3);
    expect(report.locked).toEqual([]);
    expect(report.downgraded).toEqual([
      { position: 1, lang: "en", requested: "approved", status: "draft" },
      { position: 2, lang: "en", requested: "approved", status: "translated" },
      { position: 4, lang: "en", requested: "translated", status: "new" },
    ]);
    expect(await en(1)).toMatchObject({ text: "Approved words, changed by a translator.", status: "draft" });
    expect(await en(2)).toMatchObject({ text: "Translated words.", status: "translated" });
    expect(await en(3)).toMatchObject({ text: "Draft words, finished.", status: "translated" });
    expect(await en(4)).toMatchObject({ text: "", status: "new" });
    const revision = await world.db.revision.findFirstOrThrow({
      where: { translationId: (await en(1)).id },
      orderBy: { version: "desc" },
    });
    expect(revision).toMatchObject({ status: "draft", authorId: world.users.translator.id });
  });

  it("leave approved and reviewed work alone for a translator, listed as locked, and apply the rest", async () => {
    await given([[4, "Fourth words.", "reviewed"]]);
    const file = await editedCsv((cell) => {
      cell(1, "en", "Approved words, changed by a translator.");
      cell(1, "en status", "translated");
      cell(3, "en", "Draft words, finished.");
      cell(4, "en status", "translated"); // a status-only change of reviewed work
    });
    const before = await en(1);
    const report = await importDocument(world.db, importAs("translator", file));
    expect(report.translations).toBe(1);
    expect(report.locked).toEqual([
      { position: 1, lang: "en", status: "approved" },
      { position: 4, lang: "en", status: "reviewed" },
    ]);
    expect(report.downgraded).toEqual([]);
    expect(await en(1)).toMatchObject({ text: "Approved words.", status: "approved", version: before.version });
    expect(await en(4)).toMatchObject({ text: "Fourth words.", status: "reviewed" });
    expect(await en(3)).toMatchObject({ text: "Draft words, finished.", status: "draft" });
  });

  it("lock a paragraph approved after the import was read, when the import writes", async () => {
    const file = await editedCsv((cell) => cell(2, "en", "From the file."));
    const plan = await planImport(world.db, importAs("translator", file));
    await given([[2, "Translated words.", "approved"]]);
    const report = await applyImport(world.db, plan);
    expect(report).toMatchObject({ translations: 0, locked: [{ position: 2, lang: "en", status: "approved" }] });
    expect(await en(2)).toMatchObject({ text: "Translated words.", status: "approved" });
  });

  it("are applied as written for an owner, who may set every status", async () => {
    const file = await editedCsv((cell) => {
      cell(1, "en", "Approved words, changed by the owner.");
      cell(2, "en status", "approved");
    });
    const report = await importDocument(world.db, importAs("owner", file));
    expect(report).toMatchObject({ translations: 2, downgraded: [] });
    expect(await en(1)).toMatchObject({ text: "Approved words, changed by the owner.", status: "approved" });
    expect(await en(2)).toMatchObject({ status: "approved" });
  });

  it("take a translation saved after the import was read into account, on what it holds then", async () => {
    const file = await editedCsv((cell) => cell(3, "en", "From the file."));
    const plan = await planImport(world.db, importAs("translator", file));
    const before = await en(3);
    const saved = await saveTranslation(world.db, world.actor("translator"), {
      segmentId: world.segments[2].id,
      lang: "en",
      text: "Typed while the file was read.",
      baseVersion: before.version,
    });
    const report = await applyImport(world.db, plan);
    expect(report.translations).toBe(1);
    // The save got its version and keeps it in the history; the import is the next version.
    expect(await en(3)).toMatchObject({ text: "From the file.", version: saved.version + 1 });
    const history = await world.db.revision.findMany({
      where: { translationId: before.id },
      orderBy: { version: "asc" },
    });
    expect(history.slice(-2).map((r) => r.text)).toEqual(["Typed while the file was read.", "From the file."]);
  });
});

describe("notes in an imported file", () => {
  const note = (overrides: Partial<ExchangeNote>): ExchangeNote => ({
    lang: "en",
    author: "Olena Owner",
    body: "Use the agency's own name.",
    createdAt: "2026-10-01T08:00:00.000Z",
    resolved: false,
    category: null,
    severity: null,
    anchor: null,
    replies: [],
    ...overrides,
  });
  const withNotes = (notes: ExchangeNote[]) =>
    editedCsv((cell) => {
      cell(1, "notes json", JSON.stringify(notes));
    });

  it("are written by the importer, with the author and date the file gives kept as from the file", async () => {
    const reply = { author: "A reviewer", body: "Agreed.", createdAt: "2026-10-02T09:00:00.000Z", resolved: false };
    const report = await importDocument(
      world.db,
      importAs("translator", await withNotes([note({ replies: [reply] })]), "new"),
    );
    expect(report.notes).toBe(2);
    const segment = await world.db.segment.findFirstOrThrow({ where: { documentId: report.documentId, position: 1 } });
    const [thread] = await listSegmentNotes(world.db, world.actor("translator"), segment.id);
    // Not the owner's note, whatever name the file gives: the translator's, from the file.
    expect(thread).toMatchObject({
      author: { id: world.users.translator.id, name: world.users.translator.name },
      fromFile: { author: "Olena Owner", createdAt: "2026-10-01T08:00:00.000Z" },
      body: "Use the agency's own name.",
    });
    expect(thread.replies).toMatchObject([
      {
        author: { id: world.users.translator.id },
        fromFile: { author: "A reviewer", createdAt: "2026-10-02T09:00:00.000Z" },
        body: "Agreed.",
      },
    ]);
    const stored = await world.db.note.findMany({ where: { documentId: report.documentId } });
    expect(stored.every((n) => n.authorId === world.users.translator.id)).toBe(true);
  });

  it("refuse a reply that a note could not hold: too long, or with control characters", async () => {
    const before = await rowCounts(world.db);
    const replyWith = (body: string) => note({ replies: [{ author: null, body, createdAt: "", resolved: false }] });
    const long = await importDocument(
      world.db,
      importAs("owner", await withNotes([replyWith("x".repeat(10_001))])),
    ).catch((e) => e);
    expect(long).toMatchObject({ code: "invalid_input", details: { reason: "note_too_long", unit: 1, max: 10_000 } });
    const control = await importDocument(
      world.db,
      importAs("owner", await withNotes([replyWith("Bell \u0007")])),
    ).catch((e) => e);
    expect(control).toMatchObject({ code: "invalid_input", details: { reason: "note_control_characters", unit: 1 } });
    const inNote = await importDocument(
      world.db,
      importAs("owner", await withNotes([note({ body: "C1 \u009b" })])),
    ).catch((e) => e);
    expect(inNote).toMatchObject({ details: { reason: "note_control_characters" } });
    expect(await rowCounts(world.db)).toEqual(before);
  });
});
