// Notes, review decisions and the quality report through the real /api/v1 routes on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createWorld, type World } from "../../tests/world";

let world: World;
let r: Record<string, unknown>;

beforeAll(async () => {
  world = await createWorld();
  r = {
    notes: await import("../../app/api/v1/segments/[segmentId]/notes/route"),
    note: (await import("../../app/api/v1/notes/[id]/route")).PATCH,
    decision: (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/decision/route")).POST,
    put: (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/route")).PUT,
    quality: (await import("../../app/api/v1/documents/[id]/quality/route")).GET,
    mentions: (await import("../../app/api/v1/me/mentions/route")).GET,
    approveAll: (await import("../../app/api/v1/documents/[id]/approve-all/route")).POST,
  };
});
afterAll(() => world.cleanup());

type Who = keyof World["tokens"];
const notesRoute = () => r.notes as { GET: unknown; POST: unknown };

function addNote(who: Who, segmentId: string, body: unknown) {
  return call(notesRoute().POST, `/api/v1/segments/${segmentId}/notes`, {
    method: "POST",
    token: world.tokens[who],
    params: { segmentId },
    body,
  });
}
function patchNote(who: Who, id: string, body: unknown) {
  return call(r.note, `/api/v1/notes/${id}`, { method: "PATCH", token: world.tokens[who], params: { id }, body });
}
async function translate(segmentIndex: number, text: string, lang = "en") {
  const segmentId = world.segments[segmentIndex].id;
  const current = await world.db.translation.findUniqueOrThrow({ where: { segmentId_lang: { segmentId, lang } } });
  const res = await call(r.put, `/api/v1/segments/${segmentId}/translations/${lang}`, {
    method: "PUT",
    token: world.tokens.translator,
    params: { segmentId, lang },
    body: { text, baseVersion: current.version, status: "translated" },
  });
  expect(res.status).toBe(200);
  return segmentId;
}
const noteCount = () => world.db.note.count();

describe("notes", () => {
  it("anchors a note to a span of the translation and keeps it on the same words after edits before it", async () => {
    const segmentId = await translate(0, "The Agency for Civil Service Affairs");
    const created = await addNote("reviewer", segmentId, {
      body: "Use the official name",
      lang: "en",
      anchor: { side: "target", start: 4, end: 10 },
      category: "terminology",
      severity: "major",
    });
    expect(created.status).toBe(201);
    expect(created.json.note).toMatchObject({
      anchor: { side: "target", start: 4, end: 10, text: "Agency" },
      category: "terminology",
    });

    // The translator types before the span: the stored anchor follows the words.
    await translate(0, "Today The Agency for Civil Service Affairs");
    const listed = await call(notesRoute().GET, `/api/v1/segments/${segmentId}/notes`, {
      token: world.tokens.viewer,
      params: { segmentId },
    });
    expect(listed.status).toBe(200);
    const anchor = listed.json.notes[0].anchor;
    expect("Today The Agency for Civil Service Affairs".slice(anchor.start, anchor.end)).toBe("Agency");
  });

  it("threads replies, resolves and reopens with the right roles", async () => {
    const segmentId = world.segments[1].id;
    const root = (await addNote("translator", segmentId, { body: "Is «хаб» a hub here?" })).json.note;
    const reply = await addNote("reviewer", segmentId, { body: "Yes, keep hub.", parentId: root.id });
    expect(reply.status).toBe(201);
    // A reply to a reply, or an anchored reply, is refused.
    expect(
      (await addNote("owner", segmentId, { body: "x", parentId: reply.json.note.id })).json.error.details.reason,
    ).toBe("bad_reply");

    // The viewer reads but cannot write or resolve.
    expect((await addNote("viewer", segmentId, { body: "Viewer's note" })).status).toBe(403);
    expect((await patchNote("viewer", root.id, { resolved: true })).status).toBe(403);
    // The translator resolves the thread they started; reopen; the reviewer resolves any.
    expect((await patchNote("translator", root.id, { resolved: true })).json.note.resolved).toBe(true);
    expect((await patchNote("translator", root.id, { resolved: false })).json.note.resolved).toBe(false);
    const reviewerNote = (await addNote("reviewer", segmentId, { body: "Reviewer's thread" })).json.note;
    expect((await patchNote("translator", reviewerNote.id, { resolved: true })).status).toBe(403);
    expect((await patchNote("reviewer", root.id, { resolved: true })).status).toBe(200);
    // Only the author edits a body.
    expect((await patchNote("reviewer", root.id, { body: "Changed" })).status).toBe(403);
    expect((await patchNote("translator", root.id, { body: "Is «хаб» a hub?" })).json.note.body).toBe(
      "Is «хаб» a hub?",
    );

    const threads = await call(notesRoute().GET, `/api/v1/segments/${segmentId}/notes`, {
      token: world.tokens.viewer,
      params: { segmentId },
    });
    const thread = threads.json.notes.find((n: { id: string }) => n.id === root.id);
    expect(thread.replies.map((x: { body: string }) => x.body)).toEqual(["Yes, keep hub."]);
    expect(thread.resolved).toBe(true);
  });

  it("refuses bad notes clearly and writes nothing", async () => {
    const segmentId = world.segments[2].id;
    const before = await noteCount();
    const cases: [unknown, string][] = [
      [{ body: "   " }, "note_empty"],
      [{ body: "x".repeat(10_001) }, "note_too_long"],
      [{ body: "Bell \u0007 in a note" }, "control_characters"],
      [{ body: "x", lang: "en", anchor: { side: "target", start: 0, end: 5 } }, "anchor_outside"],
      [{ body: "x", anchor: { side: "source", start: 0, end: 100_000 } }, "anchor_outside"],
      [{ body: "x", category: "vibes", severity: "minor" }, "bad_category"],
      [{ body: "x", category: "style", severity: "huge" }, "bad_severity"],
      [{ body: "x", category: "style" }, "category_needs_severity"],
      [{ body: "x", lang: "de" }, "not_a_target"],
    ];
    for (const [body, reason] of cases) {
      const res = await addNote("reviewer", segmentId, body);
      expect([reason, res.status, res.json.error.details?.reason]).toEqual([reason, 400, reason]);
    }
    expect(await noteCount()).toBe(before);
    // Note bodies are plain text: markup is stored and returned as typed, never interpreted.
    const html = await addNote("reviewer", segmentId, { body: "<img src=x onerror=alert(1)>" });
    expect(html.json.note.body).toBe("<img src=x onerror=alert(1)>");
  });

  it("records @mentions of project members for their mentions list", async () => {
    const segmentId = world.segments[3].id;
    await addNote("reviewer", segmentId, { body: "@A translator please check, and @outsider too" });
    const mine = await call(r.mentions, "/api/v1/me/mentions", { token: world.tokens.translator });
    expect(mine.json.mentions.map((m: { body: string }) => m.body)).toContain(
      "@A translator please check, and @outsider too",
    );
    // Not a member of the project: not mentioned.
    const outsider = await call(r.mentions, "/api/v1/me/mentions", { token: world.tokens.outsider });
    expect(outsider.json.mentions).toEqual([]);
  });
});

describe("review decisions", () => {
  it("a rejection needs a reason, which becomes a note; roles decide only what they may", async () => {
    const segmentId = await translate(4, "Main tasks of the Regional Hub");
    const decide = (who: Who, body: unknown) =>
      call(r.decision, `/api/v1/segments/${segmentId}/translations/en/decision`, {
        method: "POST",
        token: world.tokens[who],
        params: { segmentId, lang: "en" },
        body,
      });
    const before = await noteCount();
    const noReason = await decide("reviewer", { decision: "rejected" });
    expect([noReason.status, noReason.json.error.details.reason]).toEqual([400, "reason_required"]);
    expect(await noteCount()).toBe(before);
    expect((await decide("translator", { decision: "approved" })).status).toBe(403);
    expect((await decide("viewer", { decision: "reviewed" })).status).toBe(403);
    expect((await decide("reviewer", { decision: "maybe" })).json.error.details.reason).toBe("bad_decision");

    const rejected = await decide("reviewer", { decision: "rejected", note: "Hub is «хаб», not a centre." });
    expect(rejected.status).toBe(200);
    expect(rejected.json.translation.status).toBe("rejected");
    const reason = await world.db.note.findUniqueOrThrow({ where: { id: rejected.json.translation.noteId } });
    expect(reason).toMatchObject({
      body: "Hub is «хаб», not a centre.",
      lang: "en",
      authorId: world.users.reviewer.id,
    });
    // A stale version is refused, nothing written.
    const stale = await decide("reviewer", { decision: "approved", baseVersion: 0 });
    expect(stale.status).toBe(409);
    expect((await decide("reviewer", { decision: "approved" })).json.translation.status).toBe("approved");
  });

  it("approves all remaining translated paragraphs in one go", async () => {
    await translate(5, "Analysis of reforms");
    await translate(6, "Strengthening cooperation");
    const forbidden = await call(r.approveAll, `/api/v1/documents/${world.document.id}/approve-all`, {
      method: "POST",
      token: world.tokens.translator,
      params: { id: world.document.id },
      body: { lang: "en" },
    });
    expect(forbidden.status).toBe(403);
    const translatedBefore = await world.db.translation.count({
      where: { documentId: world.document.id, lang: "en", status: "translated" },
    });
    const approvals = () =>
      world.db.revision.count({
        where: {
          translation: { documentId: world.document.id, lang: "en" },
          status: "approved",
          authorId: world.users.reviewer.id,
        },
      });
    const approvalsBefore = await approvals();
    const res = await call(r.approveAll, `/api/v1/documents/${world.document.id}/approve-all`, {
      method: "POST",
      token: world.tokens.reviewer,
      params: { id: world.document.id },
      body: { lang: "en" },
    });
    expect(res.json.approved).toBe(translatedBefore);
    expect(
      await world.db.translation.count({ where: { documentId: world.document.id, lang: "en", status: "translated" } }),
    ).toBe(0);
    // Each approval is a new version in the history, by the reviewer.
    expect((await approvals()) - approvalsBefore).toBe(translatedBefore);
  });
});

describe("quality report", () => {
  it("counts the annotated errors of one language with the MQM penalty, as JSON and CSV", async () => {
    const segmentId = world.segments[7].id;
    await translate(7, "Жағдай жасау", "kk");
    for (const [category, severity] of [
      ["accuracy.omission", "critical"],
      ["fluency.spelling", "minor"],
    ]) {
      expect((await addNote("reviewer", segmentId, { body: "err", lang: "kk", category, severity })).status).toBe(201);
    }
    // The errors' paragraph is the only one reviewed in Kazakh: the penalty is per 1,000 of its words.
    const words = (await world.db.segment.findUniqueOrThrow({ where: { id: segmentId } })).wordCount;
    const res = await call(r.quality, `/api/v1/documents/${world.document.id}/quality?target=kk`, {
      token: world.tokens.viewer,
      params: { id: world.document.id },
    });
    expect(res.status).toBe(200);
    expect(res.json.report.totals).toEqual({ minor: 1, major: 0, critical: 1, errors: 2, points: 26 });
    expect(res.json.report.words).toBe(words);
    expect(res.json.report.penaltyPer1000).toBe(Math.round((26_000 / words) * 100) / 100);
    const csv = await (r.quality as (req: Request, ctx: object) => Promise<Response>)(
      new Request(`http://localhost/api/v1/documents/${world.document.id}/quality?target=kk&format=csv`, {
        headers: { authorization: `Bearer ${world.tokens.viewer}`, "accept-language": "uk" },
      }),
      { params: Promise.resolve({ id: world.document.id }) },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so spreadsheets read Cyrillic right
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("Абзац,Посилання,Цитовані слова,Категорія,Серйозність,Автор,Стан\r\n")).toBe(true);
    expect(text).toContain("Точність: пропуск,0,0,1,25\r\n");
    expect(text).toContain("Разом,1,0,1,26\r\n");
    const outsider = await call(r.quality, `/api/v1/documents/${world.document.id}/quality?target=en`, {
      token: world.tokens.outsider,
      params: { id: world.document.id },
    });
    expect(outsider.status).toBe(404);
  });
});
