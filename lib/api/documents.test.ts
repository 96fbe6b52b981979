import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createWorld, type World } from "../../tests/world";

let world: World;
let listDocuments: unknown;
let listSegments: unknown;
let saveTranslation: unknown;

beforeAll(async () => {
  world = await createWorld();
  listDocuments = (await import("../../app/api/v1/documents/route")).GET;
  listSegments = (await import("../../app/api/v1/documents/[id]/segments/route")).GET;
  saveTranslation = (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/route")).PUT;
});
afterAll(() => world.cleanup());

const firstLine = readFileSync("prisma/seed/civil-service-kz.uk.txt", "utf8").split("\n")[0];
const segmentsUrl = (id: string, target?: string) =>
  `/api/v1/documents/${id}/segments${target ? `?target=${target}` : ""}`;

describe("GET /api/v1/documents", () => {
  it("lists the demo document with size and progress for a member", async () => {
    const res = await call(listDocuments, "/api/v1/documents", { token: world.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json.documents).toHaveLength(1);
    const words = world.segments.reduce((sum, s) => sum + s.wordCount, 0);
    expect(res.json.documents[0]).toMatchObject({
      id: world.document.id,
      projectId: world.project.id,
      projectName: world.project.name,
      title: world.document.title,
      sourceLang: "uk",
      targetLangs: ["en", "kk"],
      paragraphs: 11,
      words,
    });
    expect(res.json.documents[0].progress.en).toEqual({
      total: 11,
      byStatus: { new: 11, draft: 0, translated: 0, reviewed: 0, approved: 0, rejected: 0 },
      translatedWords: 0,
    });
  });

  it("counts statuses and translated words per language", async () => {
    const [first, second] = world.segments;
    const put = (segmentId: string, lang: string, status: string) =>
      call(saveTranslation, `/api/v1/segments/${segmentId}/translations/${lang}`, {
        method: "PUT",
        token: world.tokens.translator,
        params: { segmentId, lang },
        body: { text: "Some translation", status, baseVersion: 0 },
      });
    expect((await put(first.id, "kk", "translated")).status).toBe(200);
    expect((await put(second.id, "kk", "draft")).status).toBe(200);
    const res = await call(listDocuments, "/api/v1/documents", { token: world.tokens.owner });
    const { en, kk } = res.json.documents[0].progress;
    expect(kk.byStatus).toEqual({ new: 9, draft: 1, translated: 1, reviewed: 0, approved: 0, rejected: 0 });
    expect(kk.translatedWords).toBe(first.wordCount);
    expect(en.byStatus.new).toBe(11);
    expect(en.translatedWords).toBe(0);
  });

  it("shows nothing to someone who is no member", async () => {
    const res = await call(listDocuments, "/api/v1/documents", { token: world.tokens.outsider });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ documents: [] });
  });
});

describe("GET /api/v1/documents/{id}/segments", () => {
  it("returns the segments in order with the first target language by default", async () => {
    const res = await call(listSegments, segmentsUrl(world.document.id), {
      token: world.tokens.viewer,
      params: { id: world.document.id },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json.document).toEqual({
      id: world.document.id,
      title: world.document.title,
      sourceLang: "uk",
      targetLangs: ["en", "kk"],
    });
    expect(res.json.target).toBe("en");
    expect(res.json.segments).toHaveLength(11);
    expect(res.json.segments.map((s: { position: number }) => s.position)).toEqual(
      world.segments.map((s) => s.position),
    );
    expect(res.json.segments[0]).toMatchObject({
      id: world.segments[0].id,
      kind: world.segments[0].kind,
      source: firstLine,
      wordCount: world.segments[0].wordCount,
      translation: { text: "", status: "new", version: 0 },
    });
  });

  it("reads another target language when asked", async () => {
    const res = await call(listSegments, segmentsUrl(world.document.id, "kk"), {
      token: world.tokens.viewer,
      params: { id: world.document.id },
    });
    expect(res.status).toBe(200);
    expect(res.json.target).toBe("kk");
    expect(res.json.segments[0].translation).toMatchObject({
      text: "Some translation",
      status: "translated",
      version: 1,
    });
  });

  it("refuses a language that is not one of the project's", async () => {
    const res = await call(listSegments, segmentsUrl(world.document.id, "de"), {
      token: world.tokens.viewer,
      params: { id: world.document.id },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "invalid_input", details: { field: "target" } });
  });

  it("answers 404, not 403, to someone who is no member", async () => {
    const res = await call(listSegments, segmentsUrl(world.document.id), {
      token: world.tokens.outsider,
      params: { id: world.document.id },
    });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect(JSON.stringify(res.json)).not.toContain(world.document.title);
  });

  it("answers 404 for a document that does not exist", async () => {
    const res = await call(listSegments, segmentsUrl("nope"), { token: world.tokens.owner, params: { id: "nope" } });
    expect(res.status).toBe(404);
  });
});
