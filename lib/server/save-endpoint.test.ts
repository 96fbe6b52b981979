// The production server answers saves without Next (save-endpoint.ts). Every case here is asked of
// both that endpoint, over real HTTP, and the Next route handler, and both must answer the same:
// same status, same JSON, same headers that matter.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createWorld, type World } from "../../tests/world";

let world: World;
let putTranslation: unknown;
let server: Server;
let base: string;
/** Paragraphs of a document of this test's own, two per case (one for each way of answering). */
let segmentIds: string[] = [];
let nextSegment = 0;

beforeAll(async () => {
  world = await createWorld();
  putTranslation = (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/route")).PUT;
  const { createDocument } = await import("../documents/create-document");
  const documentId = await createDocument(world.db, {
    projectId: world.project.id,
    title: "Saves",
    segments: Array.from({ length: 60 }, (_, i) => ({ kind: "paragraph", source: `Абзац ${i}`, wordCount: 2 })),
    targetLangs: ["en", "kk"],
  });
  const segments = await world.db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  segmentIds = segments.map((s) => s.id);
  const { saveOrNext } = await import("./save-endpoint");
  // The production server's own listener (lib/server/serve.ts), with a stand-in for Next that says so.
  server = createServer(
    saveOrNext((_req, res) => {
      res.statusCode = 418;
      res.setHeader("x-answered-by", "next");
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The listener now loads the live endpoints too: more to import on a busy machine than 10 s allow.
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await world.cleanup();
});

interface Ask {
  lang?: string;
  token?: keyof World["tokens"] | "revoked" | "garbage";
  cookieOf?: string;
  /** "same" sends this server's own origin. */
  origin?: "same" | string;
  acceptLanguage?: string;
  body?: unknown;
  rawBody?: string;
}

interface Answer {
  status: number;
  json: unknown;
  cacheControl: string | null;
  contentType: string | null;
}

function tokenOf(ask: Ask): string | undefined {
  if (!ask.token) return undefined;
  if (ask.token === "revoked") return world.revokedToken;
  if (ask.token === "garbage") return "not-a-token";
  return world.tokens[ask.token];
}

function headersOf(ask: Ask, host: string): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const token = tokenOf(ask);
  if (token) headers.authorization = `Bearer ${token}`;
  if (ask.origin) headers.origin = ask.origin === "same" ? `http://${host}` : ask.origin;
  if (ask.acceptLanguage) headers["accept-language"] = ask.acceptLanguage;
  return headers;
}

const bodyOf = (ask: Ask) => ask.rawBody ?? JSON.stringify(ask.body ?? {});

async function viaNext(segmentId: string, ask: Ask): Promise<Answer> {
  const lang = ask.lang ?? "en";
  const headers = headersOf(ask, "localhost");
  if (ask.cookieOf) headers.cookie = await world.signIn(ask.cookieOf);
  const res = await call(putTranslation, `/api/v1/segments/${segmentId}/translations/${lang}`, {
    method: "PUT",
    headers,
    body: bodyOf(ask),
    params: { segmentId, lang },
  });
  return {
    status: res.status,
    json: res.json,
    cacheControl: res.headers.get("cache-control"),
    contentType: res.headers.get("content-type"),
  };
}

async function viaNode(segmentId: string, ask: Ask): Promise<Answer> {
  const headers = headersOf(ask, new URL(base).host);
  if (ask.cookieOf) headers.cookie = await world.signIn(ask.cookieOf);
  const res = await fetch(`${base}/api/v1/segments/${segmentId}/translations/${ask.lang ?? "en"}`, {
    method: "PUT",
    headers,
    body: bodyOf(ask),
  });
  const text = await res.text();
  return {
    status: res.status,
    json: text ? JSON.parse(text) : null,
    cacheControl: res.headers.get("cache-control"),
    contentType: res.headers.get("content-type"),
  };
}

/** Asks both, each on a paragraph of its own, and returns the answers with ids and times made comparable. */
async function askBoth(ask: Ask | ((segmentId: string) => Ask), prepare?: (segmentId: string) => Promise<void>) {
  const answers: Answer[] = [];
  for (const via of [viaNext, viaNode]) {
    const segmentId = segmentIds[nextSegment++];
    await prepare?.(segmentId);
    const answer = await via(segmentId, typeof ask === "function" ? ask(segmentId) : ask);
    const comparable = JSON.stringify(answer.json)
      .replaceAll(segmentId, "<segment>")
      .replace(/"updatedAt":"[^"]+"/g, '"updatedAt":"<time>"');
    answers.push({ ...answer, json: JSON.parse(comparable), contentType: answer.contentType?.split(";")[0] ?? null });
  }
  expect(answers[1]).toEqual(answers[0]);
  return answers[1];
}

async function saveAs(segmentId: string, text: string) {
  const { saveTranslation } = await import("../translations/save");
  await saveTranslation(world.db, world.actor("owner"), { segmentId, lang: "en", text, baseVersion: 0 });
}

describe("the save answered without Next", () => {
  it("saves with a token and answers like the route", async () => {
    const answer = await askBoth({ token: "translator", body: { text: "Civil service reform", baseVersion: 0 } });
    expect(answer).toMatchObject({
      status: 200,
      cacheControl: "no-store",
      contentType: "application/json",
      json: { translation: { segmentId: "<segment>", text: "Civil service reform", status: "draft", version: 1 } },
    });
  });

  it("refuses no credentials, a revoked token and a wrong one with 401", async () => {
    for (const token of [undefined, "revoked", "garbage"] as const) {
      const answer = await askBoth({ token, body: { text: "x", baseVersion: 0 } });
      expect(answer.status).toBe(401);
    }
  });

  it("takes the session cookie from this site and refuses it from another", async () => {
    const same = await askBoth({
      cookieOf: "translator@example.com",
      origin: "same",
      body: { text: "A", baseVersion: 0 },
    });
    expect(same.status).toBe(200);
    const cross = await askBoth({
      cookieOf: "translator@example.com",
      origin: "https://evil.example",
      body: { text: "B", baseVersion: 0 },
    });
    expect(cross).toMatchObject({ status: 403, json: { error: { code: "cross_site" } } });
    const unknown = await askBoth({ cookieOf: "translator@example.com", body: { text: "C", baseVersion: 0 } });
    expect(unknown).toMatchObject({ status: 403, json: { error: { code: "cross_site" } } });
  });

  it("answers a stale version with 409 and the current text", async () => {
    const answer = await askBoth({ token: "translator", body: { text: "Mine", baseVersion: 0 } }, (segmentId) =>
      saveAs(segmentId, "Theirs"),
    );
    expect(answer).toMatchObject({
      status: 409,
      json: { error: { code: "conflict", current: { text: "Theirs", version: 1 } } },
    });
  });

  it("refuses bad bodies in the asker's language", async () => {
    const notJson = await askBoth({ token: "translator", rawBody: "{text:", acceptLanguage: "uk" });
    expect(notJson).toMatchObject({ status: 400, json: { error: { code: "invalid_input" } } });
    expect((notJson.json as { error: { message: string } }).error.message).toMatch(/[а-яіїєґ]/i);
    const notObject = await askBoth({ token: "translator", rawBody: "[1]", acceptLanguage: "kk" });
    expect(notObject).toMatchObject({ status: 400, json: { error: { details: { reason: "not_an_object" } } } });
    const tooLong = await askBoth({ token: "translator", body: { text: "ы".repeat(20_001), baseVersion: 0 } });
    expect(tooLong).toMatchObject({ status: 400, json: { error: { details: { field: "text", reason: "too_long" } } } });
    const tooLarge = await askBoth({ token: "translator", body: { text: "x".repeat(200_000), baseVersion: 0 } });
    expect(tooLarge).toMatchObject({ status: 413, json: { error: { code: "too_large" } } });
  });

  it("refuses a viewer, a foreign language and an outsider as the route does", async () => {
    expect((await askBoth({ token: "viewer", body: { text: "x", baseVersion: 0 } })).status).toBe(403);
    expect((await askBoth({ token: "owner", lang: "de", body: { text: "x", baseVersion: 0 } })).status).toBe(400);
    expect((await askBoth({ token: "outsider", body: { text: "x", baseVersion: 0 } })).status).toBe(404);
  });

  it("answers repeated saves of a paragraph (one statement each) like the route", async () => {
    const answers = [];
    for (const via of [viaNext, viaNode]) {
      const segmentId = segmentIds[nextSegment++];
      const steps = [
        { token: "translator", body: { text: "One", baseVersion: 0 } },
        { token: "translator", body: { text: "One, two", baseVersion: 1 } },
        { token: "translator", body: { text: "One, two", status: "translated", baseVersion: 2 } },
        { token: "translator", body: { text: "Late", baseVersion: 2 } },
        { token: "translator", body: { text: "One, two", status: "approved", baseVersion: 3 } },
      ] as const;
      const got = [];
      for (const step of steps) {
        const answer = await via(segmentId, step);
        got.push([answer.status, JSON.stringify(answer.json).replaceAll(segmentId, "<segment>")]);
      }
      answers.push(got.map(([status, json]) => [status, String(json).replace(/"updatedAt":"[^"]+"/g, "")]));
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[1].map(([status]) => status)).toEqual([200, 200, 200, 409, 403]);
    expect(answers[1][2][1]).toContain('"status":"translated","version":3');
  });

  it("routes a save with a query string or %-escapes to itself, and leaves malformed paths to Next", async () => {
    const segmentId = segmentIds[nextSegment++];
    const token = world.tokens.translator;
    const put = (path: string) =>
      fetch(`${base}${path}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ text: "Routed", baseVersion: 0 }),
      });
    expect((await put(`/api/v1/segments/${encodeURIComponent(segmentId)}/translations/en?from=editor`)).status).toBe(
      200,
    );
    const toNext = async (res: Response) => [res.status, res.headers.get("x-answered-by")];
    expect(await toNext(await put("/api/v1/segments/%E0%A4%A/translations/en"))).toEqual([418, "next"]);
    expect(await toNext(await put(`/api/v1/segments/${segmentId}/translations`))).toEqual([418, "next"]);
    // Reading one translation (what a live editor asks after each event) is answered here too;
    // a method nothing here declares still goes to Next.
    const read = await fetch(`${base}/api/v1/segments/${segmentId}/translations/en`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await toNext(read)).toEqual([200, null]);
    const remove = await fetch(`${base}/api/v1/segments/${segmentId}/translations/en`, { method: "DELETE" });
    expect(await toNext(remove)).toEqual([418, "next"]);
  });
});
