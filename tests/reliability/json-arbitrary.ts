// Bodies for the API, generated from the OpenAPI description (lib/api/openapi.ts, written from the
// endpoint registry): mostly the shape the schema asks for with hostile values in it (huge, empty,
// control characters, lone surrogates, markup, wrong types, extra keys), sometimes anything at all,
// sometimes not JSON, deeply nested or over the size limit. A new endpoint is fuzzed at once.
import fc from "fast-check";
import { MAX_BODY_BYTES } from "../../lib/api/handler";

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema as the OpenAPI document holds it.
type Schema = any;

const hostileStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "\u0007bell",
  "\ud800",
  "\udfff\ud800",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "=cmd|'/C calc'!A0",
  "en",
  "kk-Latn",
  "xx",
  "../../etc/passwd",
  "%00",
  "a".repeat(1001),
  "б".repeat(20_001),
  "@Writer @owner",
  "\u202e\u200b\ufeff",
);

const strings = fc.oneof(hostileStrings, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }));
const numbers = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1.5, Number.MAX_VALUE),
  fc.integer({ min: -5, max: 100 }),
);

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) s = components[String(s.$ref).split("/").pop() as string];
  return s ?? {};
}

export function fromSchema(schema: Schema, components: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  const wrong = fc.oneof(fc.constant(null), strings, numbers, fc.boolean(), fc.constant([]), fc.constant({}));
  if (depth > 4) return wrong;
  let right: fc.Arbitrary<unknown>;
  if (s.anyOf || s.oneOf)
    right = fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => fromSchema(x, components, depth + 1)));
  else if (s.enum) right = fc.oneof(fc.constantFrom(...s.enum), strings);
  else if (s.type === "object" || s.properties) {
    const props = Object.fromEntries(
      Object.entries<Schema>(s.properties ?? {}).map(([k, v]) => [k, fromSchema(v, components, depth + 1)]),
    );
    right = fc
      .tuple(
        fc.record(props, { requiredKeys: [] }),
        fc.dictionary(fc.string({ maxLength: 8 }), strings, { maxKeys: 2 }),
      )
      .map(([known, extra]) => ({ ...extra, ...known }));
  } else if (s.type === "array") right = fc.array(fromSchema(s.items ?? {}, components, depth + 1), { maxLength: 5 });
  else if (s.type === "string") right = strings;
  else if (s.type === "integer" || s.type === "number") right = numbers;
  else if (s.type === "boolean") right = fc.boolean();
  else right = fc.anything({ maxDepth: 2 });
  return fc.oneof({ weight: 5, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

function nested(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

/** A request body as sent: JSON text mostly from the schema, or bytes no schema would allow. */
export function requestBody(schema: Schema, components: Record<string, Schema>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fromSchema(schema, components).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 50 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(nested(5_000), nested(100_000), `{"text":"${"a".repeat(MAX_BODY_BYTES)}"}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', "{", ""),
    },
  );
}
