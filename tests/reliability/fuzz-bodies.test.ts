// Issue 18, bad input at scale, the API: every operation of the OpenAPI description (written from
// the endpoint registry, so a new endpoint is fuzzed as soon as it is registered) gets bodies from
// its own request schema made hostile (json-arbitrary.ts), and GETs get hostile query values. Every
// answer: below 500, a status the description documents for that operation, JSON with a translated
// {error:{code,message}} when refused, and the security headers. BODY_RUNS per operation.

import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect } from "vitest";
import { openApiDocument } from "../../lib/api/openapi";
import { createWorld } from "../world";
import { send, startApiServer, UNROUTED } from "./api-server";
import { size } from "./config";
import { requestBody } from "./json-arbitrary";
import { recordResult } from "./report";

// Thousands of requests a minute on three tokens: the per-token limit has its own test (token-rate.test.ts).
process.env.PARALLEL_TOKEN_RATE_PER_MINUTE = "0";
const RUNS = size("BODY_RUNS", 100, 4_000);
const QUERY_RUNS = size("QUERY_RUNS", 25, 1_000);
const world = await createWorld();
const api = await startApiServer();
afterAll(async () => {
  await api.close();
  await world.cleanup();
});

// Things for the path parameters to name: real ones mostly, strangers' and garbage sometimes.
const segmentId = world.segments[0].id;
const note = await send(api.base, "POST", `/api/v1/segments/${segmentId}/notes`, world.tokens.owner, {
  body: "A note",
});
const entry = await send(api.base, "POST", `/api/v1/projects/${world.project.id}/glossary`, world.tokens.owner, {
  term: "державна служба",
  translations: [{ lang: "en", term: "civil service" }],
});
expect([note.status, entry.status]).toEqual([201, 201]);

function paramValues(path: string, name: string): string[] {
  const before = path.slice(0, path.indexOf(`{${name}}`));
  const real =
    name === "segmentId"
      ? segmentId
      : name === "lang"
        ? "en"
        : name === "entryId"
          ? (entry.json.entry?.id ?? entry.json.id)
          : name === "ticket"
            ? "t".repeat(20)
            : before.endsWith("/notes/")
              ? note.json.note.id
              : before.endsWith("/documents/")
                ? world.document.id
                : world.project.id;
  return [real, real, real, "nope", "%E0%A4%A", "..%2F..%2Fetc", "kk-Latn", "x".repeat(300)];
}

// biome-ignore lint/suspicious/noExplicitAny: an operation of the OpenAPI document, as JSON.
type Op = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document as JSON.
const doc = openApiDocument as any;
const operations = Object.entries<Record<string, Record<string, unknown>>>(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Op })),
);

const pathArb = (path: string) =>
  fc
    .tuple(...[...path.matchAll(/\{(\w+)\}/g)].map((m) => fc.constantFrom(...paramValues(path, m[1]))))
    .map((values) => {
      let i = 0;
      return path.replace(/\{\w+\}/g, () => values[i++]);
    });
const tokens = fc.constantFrom(world.tokens.owner, world.tokens.owner, world.tokens.translator, world.tokens.viewer);
const HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy"];

const tried = { bodies: 0, queries: 0, operations: 0 };
afterAll(() =>
  recordResult({
    property: "Fuzzing every JSON body and query of the API: below 500, documented refusals, translated, headers",
    test: "tests/reliability/fuzz-bodies.test.ts",
    figures: tried,
  }),
);

function checkAnswer(op: Op, answer: Awaited<ReturnType<typeof send>>) {
  const documented = Object.keys(op.responses ?? {});
  expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
  for (const name of HEADERS) expect(answer.headers.get(name), name).toBeTruthy();
  if (answer.headers.has(UNROUTED)) return; // a path that names no endpoint (a malformed escape)
  expect(documented, `status ${answer.status} is not in the description: ${answer.text.slice(0, 200)}`).toContain(
    String(answer.status),
  );
  if (answer.status >= 400) {
    expect(answer.json?.error?.code).toBeTruthy();
    expect(answer.json?.error?.message).toBeTruthy();
  }
}

const withBody = operations.filter((o) => o.op.requestBody?.content?.["application/json"]);
tried.operations += withBody.length;
describe.each(withBody.map((o) => [`${o.method} ${o.path}`, o] as const))("bodies of %s", (_name, o) => {
  const schema = o.op.requestBody.content["application/json"].schema;
  test.prop([pathArb(o.path), tokens, requestBody(schema, doc.components.schemas)], {
    numRuns: RUNS,
    endOnFailure: true,
  })(
    "never a 500, only documented refusals with a translated reason",
    async (path, token, body) => {
      const lng = ["uk", "en", "kk"][body.length % 3];
      checkAnswer(o.op, await send(api.base, o.method, path, token, body, { "accept-language": lng }));
      tried.bodies++;
    },
    RUNS * 2_000,
  );
});

const gets = operations.filter((o) => o.method === "GET" || o.method === "DELETE");
tried.operations += gets.length;
describe.each(gets.map((o) => [`${o.method} ${o.path}`, o] as const))("queries of %s", (_name, o) => {
  const names = ((o.op.parameters ?? []) as { in?: string; name?: string }[])
    .filter((p) => p.in === "query")
    .map((p) => p.name as string);
  const query = fc
    .array(
      fc.tuple(
        fc.constantFrom(...names, "x"),
        fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("tmx", "csv", "en,kk", "kk-Latn", "1", "-1", "%")),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&"));
  test.prop([pathArb(o.path), tokens, query], { numRuns: o.method === "DELETE" ? 5 : QUERY_RUNS, endOnFailure: true })(
    "never a 500",
    async (path, token, q) => {
      checkAnswer(o.op, await send(api.base, o.method, `${path}?${q}`, token));
      tried.queries++;
    },
    QUERY_RUNS * 5_000,
  );
});
