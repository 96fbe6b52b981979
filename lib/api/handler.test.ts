import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createWorld, type World } from "../../tests/world";

let world: World;
let me: unknown;
let listDocuments: unknown;
let putTranslation: unknown;
let openapi: unknown;
let route: typeof import("./next-route");
let endpoint: typeof import("./endpoint");

beforeAll(async () => {
  world = await createWorld();
  me = (await import("../../app/api/v1/me/route")).GET;
  listDocuments = (await import("../../app/api/v1/documents/route")).GET;
  putTranslation = (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/route")).PUT;
  openapi = (await import("../../app/api/openapi.json/route")).GET;
  route = await import("./next-route");
  endpoint = await import("./endpoint");
});
afterAll(() => world.cleanup());

describe("authentication", () => {
  it("knows a token's user", async () => {
    const res = await call(me, "/api/v1/me", { token: world.tokens.owner });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { owner } = world.users;
    expect(res.json).toEqual({
      user: { id: owner.id, name: owner.name, email: owner.email, isAdmin: true },
      via: "token",
    });
  });

  it("knows a session cookie's user", async () => {
    const cookie = await world.signIn("reviewer@example.com");
    const res = await call(me, "/api/v1/me", { cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ user: { id: world.users.reviewer.id, isAdmin: false }, via: "session" });
  });

  it("refuses a request without credentials with 401", async () => {
    const res = await call(listDocuments, "/api/v1/documents");
    expect(res.status).toBe(401);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toEqual({ error: { code: "unauthenticated", message: "Please sign in to continue." } });
  });

  it.each([
    ["a revoked token", () => `Bearer ${world.revokedToken}`],
    ["an unknown token", () => "Bearer pl_not-a-real-token"],
    ["a malformed header", () => "Basic dXNlcjpwYXNz"],
  ])("refuses %s with 401, even with a valid cookie", async (_, authorization) => {
    const cookie = await world.signIn("owner@example.com");
    const res = await call(me, "/api/v1/me", { cookie, headers: { authorization: authorization() } });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthenticated");
  });
});

describe("anonymous endpoints", () => {
  it("answer a caller without credentials only when declared so, with a null actor", async () => {
    const declare = (anonymous: boolean) =>
      route.nextRoute(
        endpoint.defineEndpoint({
          method: "GET",
          path: "/api/v1/open",
          operationId: "open",
          summary: "Open",
          tags: [],
          refusals: [],
          anonymous,
          handler: async ({ actor }) => ({ who: actor?.email ?? null }),
        }),
      );
    expect((await call(declare(true), "/api/v1/open")).json).toEqual({ who: null });
    const known = await call(declare(true), "/api/v1/open", { token: world.tokens.viewer });
    expect(known.json).toEqual({ who: "viewer@example.com" });
    expect((await call(declare(false), "/api/v1/open")).status).toBe(401);
  });
});

describe("messages", () => {
  it("follows Accept-Language", async () => {
    const uk = await call(me, "/api/v1/me", { headers: { "accept-language": "uk-UA,uk;q=0.9,en;q=0.5" } });
    expect(uk.json.error.message).toBe("Увійдіть, щоб продовжити.");
    const fr = await call(me, "/api/v1/me", { headers: { "accept-language": "fr-FR" } });
    expect(fr.json.error.message).toBe("Please sign in to continue.");
  });

  it("speaks the interface language the person chose in the app (its cookie) before Accept-Language", async () => {
    const kk = await call(me, "/api/v1/me", {
      headers: { "accept-language": "en-GB", cookie: "other=1; parallel-lng=kk" },
    });
    expect(kk.json.error.message).toBe("Жалғастыру үшін кіріңіз.");
    const unknown = await call(me, "/api/v1/me", { headers: { "accept-language": "uk", cookie: "parallel-lng=de" } });
    expect(unknown.json.error.message).toBe("Увійдіть, щоб продовжити.");
  });

  it("hides the text of an unexpected error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = route.nextRoute(
      endpoint.defineEndpoint({
        method: "GET",
        path: "/api/v1/broken",
        operationId: "broken",
        summary: "Fails",
        tags: [],
        refusals: [],
        handler: async () => {
          throw new Error("SQLITE_CORRUPT: /secret/path/parallel.db");
        },
      }),
    );
    const res = await call(broken, "/api/v1/broken", {
      token: world.tokens.owner,
      headers: { "accept-language": "uk" },
    });
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: "internal", message: "На сервері сталася помилка. Спробуйте ще раз." } });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("fills in the values some messages need", async () => {
    const { AppError } = await import("../errors");
    const limited = route.errorResponse(new AppError("rate_limited", { retryAfter: 600 }), "en");
    expect((await limited.json()).error.message).toBe("Too many failed attempts. Try again in 10 min.");
    expect(limited.headers.get("retry-after")).toBe("600");
    const short = route.errorResponse(new AppError("password_too_short"), "en");
    expect((await short.json()).error.message).toBe("The password must have at least 10 characters.");
  });
});

describe("cross-site protection", () => {
  const segment = () => world.segments[0];
  let version = 0;
  const save = (options: { cookie?: string; token?: string; headers?: Record<string, string> }) =>
    call(putTranslation, `/api/v1/segments/${segment().id}/translations/en`, {
      method: "PUT",
      params: { segmentId: segment().id, lang: "en" },
      body: { text: `Version ${version + 1}`, baseVersion: version },
      ...options,
    });

  it("refuses a cookie write from another site or of unknown origin, and writes nothing", async () => {
    const cookie = await world.signIn("translator@example.com");
    const before = await world.db.revision.count();
    const attempts: Record<string, string>[] = [
      { origin: "http://evil.example" },
      { origin: "null" },
      { referer: "http://evil.example/page" },
      {},
    ];
    for (const headers of attempts) {
      const res = await save({ cookie, headers: { host: "localhost", ...headers } });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json.error.code).toBe("cross_site");
    }
    expect(await world.db.revision.count()).toBe(before);
  });

  it("accepts a cookie write from this site, by Origin or Referer", async () => {
    const cookie = await world.signIn("translator@example.com");
    const byOrigin = await save({ cookie, headers: { host: "localhost", origin: "http://localhost" } });
    expect(byOrigin.status).toBe(200);
    version = byOrigin.json.translation.version;
    const byReferer = await save({
      cookie,
      headers: { host: "localhost", referer: "http://localhost/en/documents/x" },
    });
    expect(byReferer.status).toBe(200);
    version = byReferer.json.translation.version;
  });

  it("exempts bearer tokens and reads", async () => {
    const res = await save({ token: world.tokens.translator, headers: { origin: "http://evil.example" } });
    expect(res.status).toBe(200);
    const cookie = await world.signIn("viewer@example.com");
    const read = await call(listDocuments, "/api/v1/documents", { cookie, headers: { origin: "http://evil.example" } });
    expect(read.status).toBe(200);
  });
});

describe("GET /api/openapi.json", () => {
  it("describes every route", async () => {
    const res = await call(openapi, "/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearerAuth", "cookieAuth"]);
    expect(doc.paths["/api/v1/documents"].get).toBeDefined();
    expect(doc.paths["/api/v1/documents/{id}/segments"].get).toBeDefined();
    expect(doc.paths["/api/v1/segments/{segmentId}/translations/{lang}"].put).toBeDefined();
    expect(doc.paths["/api/v1/me"].get).toBeDefined();
    // Every $ref points at something that exists.
    for (const [, kind, name] of JSON.stringify(doc).matchAll(/"#\/components\/(\w+)\/(\w+)"/g)) {
      expect(doc.components[kind]?.[name], `${kind}/${name}`).toBeDefined();
    }
  });
});
