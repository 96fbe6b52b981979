// The memory through its routes, as the editor uses it: a confirm writes the working memory after
// it is answered, a second document sees the match with the differing word, concordance finds the
// phrase, pre-translation fills what matches, the analysis counts it, TMX goes in and out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryApiWorld, memoryApiWorld } from "../../tests/fixtures/memory-api-world";
import { call } from "../../tests/world";
import { memoryWritesSettled } from "./after-confirm";

let world: MemoryApiWorld;
// biome-ignore lint/suspicious/noExplicitAny: route handlers are loaded dynamically, after DATABASE_URL is set.
const routes: Record<string, any> = {};
const SOURCE = "Агентство з питань державної служби готує нову програму розвитку кадрів.";
const VARIANT = "Агентство з питань державної служби готує нову стратегію розвитку кадрів.";
const TARGET = "The Civil Service Agency is preparing a new programme of staff development.";

beforeAll(async () => {
  world = await memoryApiWorld();
  routes.decision = (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/decision/route")).POST;
  routes.matches = (await import("../../app/api/v1/segments/[segmentId]/matches/route")).GET;
  routes.search = (await import("../../app/api/v1/memories/search/route")).GET;
  routes.pretranslate = (await import("../../app/api/v1/documents/[id]/pretranslate/route")).POST;
  routes.analysis = (await import("../../app/api/v1/documents/[id]/analysis/route")).GET;
  routes.memories = await import("../../app/api/v1/projects/[id]/memories/route");
  routes.export = (await import("../../app/api/v1/memories/[id]/export/route")).GET;
}, 120_000);
afterAll(() => world.cleanup());

const matchesOf = (segmentId: string, who: keyof MemoryApiWorld["tokens"] = "viewer") =>
  call(routes.matches, `/api/v1/segments/${segmentId}/matches?target=en`, {
    token: world.tokens[who],
    params: { segmentId },
  });

describe("the working memory, written after a confirm", () => {
  let first: { id: string; documentId: string }[];
  let second: { id: string; documentId: string }[];

  beforeAll(async () => {
    first = await world.newDocument("Memory one", [SOURCE, "Другий абзац першого документа."]);
    second = await world.newDocument("Memory two", [VARIANT, "Зовсім інший текст без збігів."]);
  });

  it("a draft writes nothing; a confirmed paragraph is in the memory once the save has been answered", async () => {
    expect((await world.save(first[0].id, TARGET)).status).toBe(200);
    await memoryWritesSettled();
    expect(await world.db.memoryUnit.count({ where: { originSegmentId: first[0].id } })).toBe(0);

    const res = await world.save(first[0].id, TARGET, "translated");
    expect(res.status).toBe(200);
    await memoryWritesSettled();
    const units = await world.db.memoryUnit.findMany({ where: { originSegmentId: first[0].id } });
    expect(units.map((u) => [u.kind, u.source, u.target, u.status])).toEqual([
      ["paragraph", SOURCE, TARGET, "translated"],
    ]);
  });

  it("the one-word variant in another document gets the match, with the differing words marked", async () => {
    const res = await matchesOf(second[0].id);
    expect(res.status).toBe(200);
    const [best] = res.json.matches;
    expect(best).toMatchObject({ source: SOURCE, target: TARGET, numbersReplaced: false });
    expect(best.score).toBeGreaterThanOrEqual(85);
    expect(best.score).toBeLessThan(100);
    expect(best.origin).toMatchObject({ documentTitle: "Memory one", memoryKind: "working" });
    expect(best.diff.filter((d: { kind: string }) => d.kind !== "same").map((d: { text: string }) => d.text)).toEqual([
      "програму",
      "стратегію",
    ]);
    // Nothing like it: no match at all.
    expect((await matchesOf(second[1].id)).json.matches).toEqual([]);
  });

  it("a language the project does not translate into is refused; strangers are told nothing", async () => {
    const kz = await call(routes.matches, `/api/v1/segments/${second[0].id}/matches?target=de`, {
      token: world.tokens.viewer,
      params: { segmentId: second[0].id },
    });
    expect([kz.status, kz.json.error.details.reason]).toEqual([400, "not_a_target"]);
    expect((await matchesOf(second[0].id, "outsider")).status).toBe(404);
  });

  it("a rejection withdraws the paragraph's units", async () => {
    const other = await world.newDocument("Memory three", ["Абзац, який рецензент поверне."]);
    await world.save(other[0].id, "A paragraph the reviewer sends back.", "translated");
    await memoryWritesSettled();
    expect(await world.db.memoryUnit.count({ where: { originSegmentId: other[0].id } })).toBe(1);
    const res = await call(routes.decision, `/api/v1/segments/${other[0].id}/translations/en/decision`, {
      method: "POST",
      token: world.tokens.reviewer,
      params: { segmentId: other[0].id, lang: "en" },
      body: { decision: "rejected", note: "Wrong term." },
    });
    expect(res.status).toBe(200);
    await memoryWritesSettled();
    expect(await world.db.memoryUnit.count({ where: { originSegmentId: other[0].id } })).toBe(0);
  });

  it("concordance finds the phrase with its place; an over-long query is refused", async () => {
    const res = await call(routes.search, "/api/v1/memories/search?q=державної%20служби&target=en", {
      token: world.tokens.viewer,
    });
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(1);
    const [hit] = res.json.hits;
    expect(hit.source.slice(hit.highlights[0].start, hit.highlights[0].end)).toBe("державної служби");
    const long = await call(routes.search, `/api/v1/memories/search?q=${"а".repeat(501)}&target=en`, {
      token: world.tokens.viewer,
    });
    expect([long.status, long.json.error.details.reason]).toEqual([400, "query_too_long"]);
    // An outsider reads no memory of this project.
    const outsider = await call(routes.search, "/api/v1/memories/search?q=державної&target=en", {
      token: world.tokens.outsider,
    });
    expect(outsider.json.total).toBe(0);
  });

  it("pre-translation fills the variant as a draft and says so; the analysis counts it in its band", async () => {
    const analysis = await call(routes.analysis, `/api/v1/documents/${second[0].documentId}/analysis?target=en`, {
      token: world.tokens.viewer,
      params: { id: second[0].documentId },
    });
    expect(analysis.status).toBe(200);
    const words = Object.fromEntries(
      analysis.json.bands.map((b: { band: string; words: number }) => [b.band, b.words]),
    );
    expect(words["85-94"] + words["95-99"] + words["75-84"]).toBe(10);
    expect(words.none).toBe(5);

    const res = await call(routes.pretranslate, `/api/v1/documents/${second[0].documentId}/pretranslate`, {
      method: "POST",
      token: world.tokens.translator,
      params: { id: second[0].documentId },
      body: { target: "en" },
    });
    expect(res.status).toBe(200);
    expect(res.json.summary).toMatchObject({ paragraphs: 2, filled: 1, drafts: 1, translated: 0, noMatch: 1 });
    const filled = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: second[0].id, lang: "en" } },
    });
    expect([filled.text, filled.status]).toEqual([TARGET, "draft"]);
    // Run again: nothing is overwritten.
    const again = await call(routes.pretranslate, `/api/v1/documents/${second[0].documentId}/pretranslate`, {
      method: "POST",
      token: world.tokens.translator,
      params: { id: second[0].documentId },
      body: { target: "en" },
    });
    expect(again.json.summary).toMatchObject({ filled: 0, alreadyTranslated: 1 });
  });

  it("the working memory is listed and exported as TMX that imports back as a reference memory", async () => {
    const list = await call(routes.memories.GET, `/api/v1/projects/${world.project.id}/memories`, {
      token: world.tokens.viewer,
      params: { id: world.project.id },
    });
    expect(list.status).toBe(200);
    const [working] = list.json.memories;
    expect(working).toMatchObject({ kind: "working", readOnly: false });
    expect(working.units).toBeGreaterThan(0);
    const auth = (who: keyof MemoryApiWorld["tokens"]) => ({ authorization: `Bearer ${world.tokens[who]}` });
    const exported: Response = await routes.export(
      new Request(`http://localhost/api/v1/memories/${working.id}/export`, { headers: auth("viewer") }),
      { params: Promise.resolve({ id: working.id }) },
    );
    expect(exported.status).toBe(200);
    const tmx = await exported.text();
    expect(tmx).toContain(`<seg>${TARGET}</seg>`);

    const upload = () => {
      const form = new FormData();
      form.set("file", new File([tmx], "earlier-work.tmx"));
      return form;
    };
    const importAs = (who: keyof MemoryApiWorld["tokens"]) =>
      routes.memories.POST(
        new Request(`http://localhost/api/v1/projects/${world.project.id}/memories`, {
          method: "POST",
          headers: { ...auth(who), origin: "http://localhost" },
          body: upload(),
        }),
        { params: Promise.resolve({ id: world.project.id }) },
      ) as Promise<Response>;
    expect((await importAs("translator")).status).toBe(403);
    const imported = await importAs("owner");
    expect(imported.status).toBe(201);
    expect(await imported.json()).toMatchObject({ name: "earlier-work", duplicates: 0 });
    const after = await call(routes.memories.GET, `/api/v1/projects/${world.project.id}/memories`, {
      token: world.tokens.viewer,
      params: { id: world.project.id },
    });
    expect(after.json.memories.map((m: { kind: string; readOnly: boolean }) => [m.kind, m.readOnly])).toEqual([
      ["working", false],
      ["imported", true],
    ]);
  });
});
