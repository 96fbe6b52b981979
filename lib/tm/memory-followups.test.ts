// The memory's work after a confirm, through the routes: pre-translated paragraphs keep where they
// came from and at what percentage (until edited), repetitions are filled on the server and
// announced, approve all carries the approval into the memory, and open editors of the project are
// told when the memory was written. A real database (tests/fixtures/memory-api-world.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryApiWorld, memoryApiWorld } from "../../tests/fixtures/memory-api-world";
import { call } from "../../tests/world";
import { documentEventsAfter } from "../live/event-log";
import { pingPresence } from "../live/presence";
import { liveFor } from "../live/runtime";
import { writeTranslations } from "../translations/bulk";
import { memoryWritesSettled } from "./after-confirm";
import { updateMemorySettings } from "./settings";

let world: MemoryApiWorld;
// biome-ignore lint/suspicious/noExplicitAny: route handlers are loaded dynamically, after DATABASE_URL is set.
const routes: Record<string, any> = {};
const SOURCE = "Комісія з питань державної служби затвердила нові правила конкурсного відбору.";
const VARIANT = "Комісія з питань державної служби затвердила нові правила атестаційного відбору.";
const TARGET = "The Civil Service Commission approved new rules of competitive selection.";

beforeAll(async () => {
  world = await memoryApiWorld();
  routes.get = (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/route")).GET;
  routes.pretranslate = (await import("../../app/api/v1/documents/[id]/pretranslate/route")).POST;
  routes.segments = (await import("../../app/api/v1/documents/[id]/segments/route")).GET;
  routes.export = (await import("../../app/api/v1/documents/[id]/export/route")).GET;
  routes.approveAll = (await import("../../app/api/v1/documents/[id]/approve-all/route")).POST;
}, 120_000);
afterAll(() => world.cleanup());

/** A save that must succeed, then the memory's work after it and the events it announced. */
async function save(
  segmentId: string,
  text: string,
  status?: string,
  who: keyof MemoryApiWorld["tokens"] = "translator",
) {
  const res = await world.save(segmentId, text, status, who);
  expect(res.status).toBe(200);
  await memoryWritesSettled();
  await liveFor(world.db).publisher.flush();
  return res;
}

const eventsOf = async (documentId: string) => documentEventsAfter(liveFor(world.db).sql, documentId, 0);

describe("pre-translated paragraphs keep their origin and percentage", () => {
  let second: { id: string; documentId: string }[];

  beforeAll(async () => {
    const first = await world.newDocument("Origin one", [SOURCE]);
    await save(first[0].id, TARGET, "translated");
    second = await world.newDocument("Origin two", [VARIANT, SOURCE, "Нічого схожого в пам’яті немає."]);
    const res = await call(routes.pretranslate, `/api/v1/documents/${second[0].documentId}/pretranslate`, {
      method: "POST",
      token: world.tokens.translator,
      params: { id: second[0].documentId },
      body: { target: "en" },
    });
    expect(res.status).toBe(200);
    expect(res.json.summary).toMatchObject({ filled: 2, noMatch: 1 });
  });

  it("stores the memory's name and the percentage, and the API and editor reads answer them", async () => {
    const fuzzy = await world.stored(second[0].id);
    expect(fuzzy).toMatchObject({ status: "draft", origin: "memory", originName: world.project.name });
    expect(fuzzy.originScore).toBeGreaterThanOrEqual(85);
    expect(fuzzy.originScore).toBeLessThan(100);
    expect(fuzzy.originEdited).toBe(false);
    const exact = await world.stored(second[1].id);
    expect([exact.status, exact.origin, exact.originScore]).toEqual(["translated", "memory", 99]);

    const list = await call(routes.segments, `/api/v1/documents/${second[0].documentId}/segments?target=en`, {
      token: world.tokens.viewer,
      params: { id: second[0].documentId },
    });
    expect(list.json.segments.map((s: { translation: { origin: unknown } }) => s.translation.origin)).toEqual([
      { kind: "memory", score: fuzzy.originScore, name: world.project.name, segmentId: null, edited: false },
      { kind: "memory", score: 99, name: world.project.name, segmentId: null, edited: false },
      null,
    ]);
    const one = await call(routes.get, `/api/v1/segments/${second[0].id}/translations/en`, {
      token: world.tokens.viewer,
      params: { segmentId: second[0].id, lang: "en" },
    });
    expect(one.json.translation.origin).toMatchObject({ kind: "memory", edited: false });
  });

  it("exports carry it: XLIFF 1.2 state-qualifier and context, XLIFF 2 attributes, TMX props", async () => {
    const id = second[0].documentId;
    const exported = async (format: string) => {
      const req = new Request(`http://localhost/api/v1/documents/${id}/export?format=${format}&target=en`, {
        headers: { authorization: `Bearer ${world.tokens.viewer}` },
      });
      const res: Response = await routes.export(req, { params: Promise.resolve({ id }) });
      expect(res.status).toBe(200);
      return res.text();
    };
    const score = (await world.stored(second[0].id)).originScore;
    const xliff12 = await exported("xliff12");
    expect(xliff12).toContain('<target state="needs-translation" state-qualifier="fuzzy-match">');
    // The identical source from another document scored 99 (a point for the other document): fuzzy, honestly.
    expect(xliff12).toContain('<target state="translated" state-qualifier="fuzzy-match">');
    expect(xliff12).toContain('<target state="new">');
    expect(xliff12).toContain(`<context context-type="x-prl-match-quality">${score}</context>`);
    expect(xliff12).toContain(`<context context-type="x-prl-origin-name">${world.project.name}</context>`);
    const xliff20 = await exported("xliff20");
    expect(xliff20).toContain(`prl:origin="memory" prl:matchQuality="${score}"`);
    const tmx = await exported("tmx");
    expect(tmx).toContain(`<prop type="x-origin">memory</prop>`);
    expect(tmx).toContain(`<prop type="x-match-quality">${score}</prop>`);
  });

  it("confirming unchanged keeps it; an edit marks it edited (any write path); emptying clears it", async () => {
    await save(second[1].id, (await world.stored(second[1].id)).text, "reviewed", "owner");
    expect((await world.stored(second[1].id)).originEdited).toBe(false);

    await save(second[0].id, "The Civil Service Commission approved new rules of attestation selection.", "translated");
    const edited = await world.stored(second[0].id);
    expect([edited.origin, edited.originEdited, edited.status]).toEqual(["memory", true, "translated"]);
    expect(edited.originScore).toBeGreaterThanOrEqual(85);

    // A bulk write (find and replace, an import) is an edit too: the database marks it, not the caller.
    const exact = await world.stored(second[1].id);
    await world.db.$transaction((tx) =>
      writeTranslations(tx, [
        { ...exact, text: `${exact.text} (replaced)`, version: exact.version + 1, updatedAt: new Date() },
      ]),
    );
    expect((await world.stored(second[1].id)).originEdited).toBe(true);

    await save(second[0].id, "");
    const emptied = await world.stored(second[0].id);
    expect([emptied.origin, emptied.originScore, emptied.originName, emptied.originEdited]).toEqual([
      null,
      null,
      null,
      false,
    ]);
  });
});

describe("repetitions are filled on the server when a paragraph is confirmed", () => {
  const AIM = "Мета реформи — прозорість і відкритість державної служби.";
  let doc: { id: string; documentId: string }[];

  beforeAll(async () => {
    doc = await world.newDocument("Repetitions", [
      AIM,
      "Інший абзац без повторів.",
      `  ${AIM.replace(" ", "  ")}`,
      AIM,
      AIM,
    ]);
    // The fourth occurrence is a person's own draft; the fifth was approved earlier.
    await save(doc[3].id, "My own wording, not to be touched.");
    // Approved before repetitions were filled on the server (written directly: its own confirm would fill the others).
    await world.db.translation.update({
      where: { segmentId_lang: { segmentId: doc[4].id, lang: "en" } },
      data: { text: "Approved wording.", status: "approved", version: { increment: 1 } },
    });
  });

  it("fills the open occurrences as repetition drafts, in one event, leaving people's work alone", async () => {
    await save(doc[0].id, "The aim of the reform is a transparent, open civil service.", "translated");
    const filled = await world.stored(doc[2].id);
    expect([filled.text, filled.status, filled.origin, filled.originScore, filled.originSegmentId]).toEqual([
      "The aim of the reform is a transparent, open civil service.",
      "draft",
      "repetition",
      100,
      doc[0].id,
    ]);
    expect(filled.updatedById).toBe(world.users.translator.id);
    expect((await world.stored(doc[3].id)).text).toBe("My own wording, not to be touched.");
    expect((await world.stored(doc[4].id)).text).toBe("Approved wording.");
    expect((await world.stored(doc[1].id)).text).toBe("");
    const changed = (await eventsOf(doc[0].documentId)).filter((e) => e.type === "document.changed");
    expect(changed.map((e) => e.type === "document.changed" && [e.reason, e.lang, e.segmentIds])).toEqual([
      ["repetitions", "en", [doc[2].id]],
    ]);
  });

  it("a new confirmed text follows into untouched repetitions, not into edited ones", async () => {
    await save(doc[0].id, "The reform aims at a transparent and open civil service.", "translated");
    expect((await world.stored(doc[2].id)).text).toBe("The reform aims at a transparent and open civil service.");
    await save(doc[2].id, "The reform seeks a transparent and open civil service.");
    await save(doc[0].id, "Transparency and openness are the aim of the reform.", "translated");
    const kept = await world.stored(doc[2].id);
    expect([kept.text, kept.originEdited]).toEqual(["The reform seeks a transparent and open civil service.", true]);
  });

  it("the project setting turns it off", async () => {
    await updateMemorySettings(world.db, world.project.id, { repetitions: false });
    const other = await world.newDocument("Repetitions off", [
      "Повтор вимкнено в налаштуваннях.",
      "Повтор вимкнено в налаштуваннях.",
    ]);
    await save(other[0].id, "Repetitions are off in the settings.", "translated");
    expect((await world.stored(other[1].id)).text).toBe("");
    await updateMemorySettings(world.db, world.project.id, { repetitions: true });
  });
});

describe("approve all, in the memory", () => {
  it("the units of every approved paragraph take the approval and the reviewer, also those never written", async () => {
    const doc = await world.newDocument("Approve all units", [
      "Перший абзац для схвалення всіх.",
      "Другий абзац для схвалення всіх.",
    ]);
    await save(doc[0].id, "The first paragraph to approve all.", "translated");
    await save(doc[1].id, "The second paragraph to approve all.", "translated");
    // The second one's units are lost (a failed write): approve all writes them afresh.
    await world.db.memoryUnit.deleteMany({ where: { originSegmentId: doc[1].id } });
    const res = await call(routes.approveAll, `/api/v1/documents/${doc[0].documentId}/approve-all`, {
      method: "POST",
      token: world.tokens.reviewer,
      params: { id: doc[0].documentId },
      body: { lang: "en" },
    });
    expect([res.status, res.json]).toEqual([200, { approved: 2 }]);
    await memoryWritesSettled();
    const units = await world.db.memoryUnit.findMany({
      where: { originSegmentId: { in: doc.map((s) => s.id) } },
      orderBy: { source: "asc" },
    });
    expect(units.map((u) => [u.source, u.status, u.authorId])).toEqual([
      ["Другий абзац для схвалення всіх.", "approved", world.users.reviewer.id],
      ["Перший абзац для схвалення всіх.", "approved", world.users.reviewer.id],
    ]);
  });
});

describe("open editors hear that the memory changed", () => {
  it("every open document of the project is told, in the confirmed language; closed ones are not", async () => {
    const open = await world.newDocument("Open beside", ["Абзац, відкритий у сусідньому редакторі."]);
    const closed = await world.newDocument("Closed beside", ["Абзац документа, який ніхто не відкрив."]);
    const source = await world.newDocument("Confirmed here", ["Абзац, який підтверджують тут і зараз."]);
    await pingPresence(liveFor(world.db).sql, {
      connection: "tab-open-beside",
      documentId: open[0].documentId,
      userId: world.users.viewer.id,
      segmentId: open[0].id,
      lang: "en",
    });
    await save(source[0].id, "A paragraph confirmed here and now.", "translated");
    const told = (await eventsOf(open[0].documentId)).filter((e) => e.type === "memory.changed");
    const memory = await world.db.memory.findUniqueOrThrow({ where: { workingOf: world.project.id } });
    expect(told.map((e) => e.type === "memory.changed" && [e.memoryId, e.lang, e.segmentId])).toEqual([
      [memory.id, "en", source[0].id],
    ]);
    expect((await eventsOf(closed[0].documentId)).filter((e) => e.type === "memory.changed")).toEqual([]);
    // A draft writes no memory and tells nobody.
    await save(source[0].id, "A draft again.");
    expect((await eventsOf(open[0].documentId)).filter((e) => e.type === "memory.changed")).toHaveLength(1);
  });
});
