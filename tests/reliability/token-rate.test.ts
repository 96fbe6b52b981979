// Issue 18, attacks: a token hammering the API gets 429 with Retry-After and a translated reason,
// another token meanwhile is answered as usual, and the count lives in the database: a second
// instance (this process with its own counts forgotten) refuses the same token at once.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetLocalTokenCounts } from "../../lib/auth/token-rate";
import { createWorld, type World } from "../world";
import { type ApiServer, send, startApiServer } from "./api-server";
import { recordResult } from "./report";

const LIMIT = 40;
let world: World;
let api: ApiServer;

beforeAll(async () => {
  process.env.PARALLEL_TOKEN_RATE_PER_MINUTE = String(LIMIT);
  world = await createWorld();
  api = await startApiServer();
}, 60_000);
afterAll(async () => {
  delete process.env.PARALLEL_TOKEN_RATE_PER_MINUTE;
  await api.close();
  await world.cleanup();
});

describe("the API token rate limit", () => {
  it("refuses a hammering token with 429 and Retry-After; others go on; every instance agrees", async () => {
    // At the start of a minute, so that the whole burst falls into one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const burst = await Promise.all(
      Array.from({ length: LIMIT + 25 }, () =>
        send(api.base, "GET", "/api/v1/me", world.tokens.translator, undefined, { "accept-language": "uk" }),
      ),
    );
    const ok = burst.filter((a) => a.status === 200).length;
    const refused = burst.filter((a) => a.status === 429);
    expect(ok + refused.length).toBe(burst.length);
    expect(ok).toBeLessThanOrEqual(LIMIT);
    expect(ok).toBeGreaterThan(LIMIT - 20);
    for (const answer of refused) {
      const seconds = Number(answer.headers.get("retry-after"));
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(answer.json.error).toMatchObject({ code: "rate_limited", details: { reason: "token_rate" } });
      expect(answer.json.error.message).toContain("API-токен");
    }
    // Another person's token is not slowed.
    expect((await send(api.base, "GET", "/api/v1/me", world.tokens.reviewer)).status).toBe(200);
    // A fresh instance knows nothing in memory, and still refuses: the count is in the database.
    forgetLocalTokenCounts();
    const again = await send(
      api.base,
      "PUT",
      `/api/v1/segments/${world.segments[0].id}/translations/en`,
      world.tokens.translator,
      {
        text: "Should wait",
        baseVersion: 0,
      },
    );
    expect(again.status).toBe(429);
    expect(await world.db.translation.count({ where: { text: "Should wait" } })).toBe(0);
    recordResult({
      property: "Token rate limit: 429 with Retry-After, other tokens unaffected, shared through the database",
      test: "tests/reliability/token-rate.test.ts",
      figures: { limit: LIMIT, burst: burst.length, answered200: ok, refused429: refused.length },
    });
  }, 120_000);
});
