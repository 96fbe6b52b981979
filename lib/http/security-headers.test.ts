// The security headers: their values, HSTS only behind https, and every way the server answers
// (the API wrapper for JSON, errors and downloads; the production server's own save endpoint)
// carrying them. The pages' nonce policy is checked in a real browser (e2e/security-headers.spec.ts).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, createWorld, type World } from "../../tests/world";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers";

afterEach(() => {
  delete process.env.PARALLEL_URL;
});

function expectSecurityHeaders(headers: Headers) {
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(headers.get("permissions-policy")).toContain("camera=()");
  expect(headers.get("content-security-policy")).toBe(contentSecurityPolicy());
}

describe("the headers", () => {
  it("a page's policy allows scripts by its nonce only; anything else runs no script", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const page = contentSecurityPolicy({ nonce });
    expect(page.split("; ")).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
        `style-src 'self' 'nonce-${nonce}'`,
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]),
    );
    expect(page).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy()).toContain("script-src 'none'");
  });

  it("Strict-Transport-Security and upgrade-insecure-requests only when PARALLEL_URL is https", () => {
    expect(securityHeaders()["Strict-Transport-Security"]).toBeUndefined();
    expect(contentSecurityPolicy()).not.toContain("upgrade-insecure-requests");
    process.env.PARALLEL_URL = "http://parallel.example";
    expect(securityHeaders()["Strict-Transport-Security"]).toBeUndefined();
    process.env.PARALLEL_URL = "https://parallel.example";
    expect(securityHeaders()["Strict-Transport-Security"]).toBe("max-age=63072000");
    expect(contentSecurityPolicy()).toContain("upgrade-insecure-requests");
  });
});

describe("every answer carries them", () => {
  let world: World;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    world = await createWorld();
    const { saveOrNext } = await import("../server/save-endpoint");
    server = createServer(
      saveOrNext((_req, res) => {
        res.statusCode = 418;
        res.end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await world.cleanup();
  });

  it("API answers, refusals and downloads", async () => {
    const me = (await import("../../app/api/v1/me/route")).GET;
    const ok = await call(me, "/api/v1/me", { token: world.tokens.viewer });
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok.headers);
    const refused = await call(me, "/api/v1/me");
    expect(refused.status).toBe(401);
    expectSecurityHeaders(refused.headers);

    const exportRoute = (await import("../../app/api/v1/documents/[id]/export/route")).GET;
    const req = new Request(`http://localhost/api/v1/documents/${world.document.id}/export?format=tmx`, {
      headers: { authorization: `Bearer ${world.tokens.viewer}` },
    });
    const download = await exportRoute(req, { params: Promise.resolve({ id: world.document.id }) });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expectSecurityHeaders(download.headers);
    await download.arrayBuffer();

    const openapi = (await import("../../app/api/openapi.json/route")).GET();
    expectSecurityHeaders(openapi.headers);
  });

  it("the production server's own save endpoint, saved and refused", async () => {
    const segment = world.segments[0];
    const put = (token: string, body: string) =>
      fetch(`${base}/api/v1/segments/${segment.id}/translations/en`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body,
      });
    const saved = await put(world.tokens.translator, JSON.stringify({ text: "Reform", baseVersion: 0 }));
    expect(saved.status).toBe(200);
    expectSecurityHeaders(saved.headers);
    const refused = await put(world.tokens.translator, "not json");
    expect(refused.status).toBe(400);
    expectSecurityHeaders(refused.headers);
    const stranger = await put("garbage", "{}");
    expect(stranger.status).toBe(401);
    expectSecurityHeaders(stranger.headers);
  });
});
