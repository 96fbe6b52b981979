// Issue 18, attacks: with the session cookie a browser sends by itself, every write of the API (every
// non-GET endpoint of the registry, so new ones are covered when registered) is refused when it comes
// from another site or says nothing of where it comes from, and wrote nothing; from this site it
// passes the check. Bearer tokens are never sent by a browser on its own and are exempt.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "../../lib/api/endpoints";
import { createWorld, type World } from "../world";
import { type ApiServer, send, startApiServer } from "./api-server";
import { tableCounts } from "./fuzz-check";
import { recordResult } from "./report";

let world: World;
let api: ApiServer;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  api = await startApiServer();
  cookie = await world.signIn("owner@example.com");
}, 60_000);
const refusedRoutes: string[] = [];
afterAll(async () => {
  recordResult({
    property: "Cross-site writes with the session cookie refused (foreign Origin, foreign Referer, none, null)",
    test: "tests/reliability/cross-site.test.ts",
    figures: { routes: refusedRoutes.length, of: writes.length, written: 0 },
  });
  await api.close();
  await world.cleanup();
});

const writes = endpoints.filter((e) => e.method !== "GET" && !e.anonymous);

function pathOf(template: string): string {
  return template
    .replace("{segmentId}", world.segments[0].id)
    .replace("{lang}", "en")
    .replace(/\{id\}/, template.startsWith("/api/v1/documents") ? world.document.id : world.project.id)
    .replace(/\{\w+\}/g, "x");
}

describe("cross-site requests with the session cookie", () => {
  it.each(writes.map((e) => [`${e.method} ${e.path}`, e] as const))(
    "%s is refused from another site",
    async (_n, e) => {
      const host = new URL(api.base).host;
      const before = await tableCounts();
      for (const from of <Record<string, string>[]>[
        { origin: "https://evil.example" },
        { referer: "https://evil.example/page" },
        {},
        { origin: "null" },
      ]) {
        const answer = await send(api.base, e.method, pathOf(e.path), null, "{}", { cookie, host, ...from });
        expect(answer.status, JSON.stringify(from)).toBe(403);
        expect(answer.json.error.code).toBe("cross_site");
      }
      expect(await tableCounts()).toEqual(before);
      refusedRoutes.push(`${e.method} ${e.path}`);
      // From this site the same request gets past the check (whatever the endpoint then says).
      const own = await send(api.base, e.method, pathOf(e.path), null, "{}", { cookie, host, origin: api.base });
      expect(own.json?.error?.code).not.toBe("cross_site");
    },
  );
});
