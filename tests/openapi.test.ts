// /api/openapi.json against the code: every route file under app/api/v1 and every method it exports
// is described (and serves the endpoint declared for that path), every described endpoint has a
// route file, and the document is valid OpenAPI 3.1 (the bundled schema, no network) whose schemas
// are valid JSON Schema 2020-12.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";

const API_DIR = path.resolve("app/api/v1");
const METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE"] as const;

/** Route files as [file, OpenAPI path]: "[segmentId]" folders are "{segmentId}" parameters. */
function routeFiles(dir = API_DIR): [string, string][] {
  const found: [string, string][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name === "route.ts") {
      const folder = path.relative(path.resolve("app"), path.dirname(full)).split(path.sep);
      found.push([full, `/${folder.map((part) => part.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`]);
    }
  }
  return found;
}

async function load() {
  process.env.DATABASE_URL ??= "file::memory:";
  const { openApiDocument } = await import("../lib/api/openapi");
  const { endpoints } = await import("../lib/api/endpoints");
  // biome-ignore lint/suspicious/noExplicitAny: the document is checked as plain JSON.
  const doc = JSON.parse(JSON.stringify(openApiDocument)) as any;
  return { doc, endpoints };
}

describe("the OpenAPI description", () => {
  it("describes every route and method under app/api/v1, each serving the endpoint of its path", async () => {
    const { doc } = await load();
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const [file, apiPath] of files) {
      const module = (await import(file)) as Record<string, { endpoint?: { path: string; method: string } }>;
      const methods = METHODS.filter((m) => m in module);
      expect(methods.length, file).toBeGreaterThan(0);
      for (const method of methods) {
        expect(doc.paths[apiPath]?.[method.toLowerCase()], `${method} ${apiPath}`).toBeDefined();
        expect(module[method].endpoint, `${method} ${apiPath} goes through nextRoute`).toMatchObject({
          path: apiPath,
          method,
        });
      }
    }
  });

  it("describes nothing that has no route file", async () => {
    const { doc, endpoints } = await load();
    const routed = new Set(routeFiles().map(([, p]) => p));
    for (const endpoint of endpoints) expect(routed.has(endpoint.path), endpoint.path).toBe(true);
    const described = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.keys(item as object).map((m) => `${m} ${p}`),
    );
    expect(described.sort()).toEqual(endpoints.map((e) => `${e.method.toLowerCase()} ${e.path}`).sort());
  });

  it("is a valid OpenAPI 3.1 document whose schemas are valid JSON Schema", async () => {
    const { doc } = await load();
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    // ajv resolves the schema's "$dynamicRef": "#meta" (where Schema Objects go) to the wrong anchor; the
    // plain $ref to the same definition says the same. Schema Objects are checked against 2020-12 below.
    const text = readFileSync(path.resolve("tests/standards/openapi-3.1.schema.json"), "utf8");
    const schema = JSON.parse(text.replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'));
    const validate = ajv.compile(schema);
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
    for (const [name, component] of Object.entries(doc.components.schemas)) {
      expect(ajv.validateSchema(component as object), `${name}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
    }
    // Every $ref points at something that exists.
    for (const [, kind, name] of JSON.stringify(doc).matchAll(/"#\/components\/(\w+)\/(\w+)"/g)) {
      expect(doc.components[kind]?.[name], `${kind}/${name}`).toBeDefined();
    }
    // Operation ids are unique, path parameters match the path's placeholders.
    const ops = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.values(item as Record<string, { operationId: string; parameters: { in?: string; name?: string }[] }>).map(
        (op) => ({ p, op }),
      ),
    );
    expect(new Set(ops.map(({ op }) => op.operationId)).size).toBe(ops.length);
    for (const { p, op } of ops) {
      const placeholders = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = op.parameters
        .filter((x) => x.in === "path")
        .map((x) => x.name)
        .sort();
      expect(declared, `${op.operationId} ${p}`).toEqual(placeholders);
    }
  });

  it("writes request bodies from the schemas the domain parses with", async () => {
    const { doc } = await load();
    const save = doc.components.schemas.SaveTranslationRequest;
    expect(save.required.sort()).toEqual(["baseVersion", "text"]);
    expect(save.properties.text.maxLength).toBe(20_000);
    expect(doc.components.schemas.TranslationStatus.enum).toEqual([
      "new",
      "draft",
      "translated",
      "reviewed",
      "approved",
      "rejected",
    ]);
    // A field with a default may be left out of a request.
    expect(doc.components.schemas.ReplaceRequest.required.sort()).toEqual(["find", "lang", "replace"]);
  });
});
