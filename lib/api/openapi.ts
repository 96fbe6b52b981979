// The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json, written from the endpoint
// declarations (lib/api/endpoints) and their zod schemas: the same schemas the routes validate with.
import { z } from "zod";
import type { Endpoint, Refusal } from "./endpoint";
import { endpoints } from "./endpoints";
import { apiSchemas } from "./schemas/registry";
// Registered here so every named schema is a component, whichever endpoint module uses it.
import "./schemas/common";
import "./schemas/requests";

type Json = Record<string, unknown>;

const COMPONENT = "#/components/schemas/";
const ref = (id: string) => ({ $ref: `${COMPONENT}${id}` });

/** zod's JSON Schema without what OpenAPI does not want on a component or an inline schema. */
function clean(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

// `additionalProperties: false` is zod's reading of a strict output; answers may grow new fields.
const override = ({ jsonSchema }: { jsonSchema: Json }) => {
  if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
};

function components(io: "input" | "output"): Record<string, Json> {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    io,
    uri: (id) => `${COMPONENT}${id}`,
    unrepresentable: "any",
    override,
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, clean(s as Json)]));
}

/** Request bodies are described as they may be sent (defaults optional), answers as they come. */
const inputIds = new Set<string>();

function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const id = apiSchemas.get(schema)?.id;
  if (id) {
    if (io === "input") inputIds.add(id);
    return ref(id);
  }
  // Inline (a path or query parameter): named schemas inside it are written out in place.
  return clean(z.toJSONSchema(schema, { io, unrepresentable: "any", override }) as Json);
}

const refusalResponse: Record<Refusal, Json> = {
  400: { $ref: "#/components/responses/InvalidInput" },
  403: { $ref: "#/components/responses/Forbidden" },
  404: { $ref: "#/components/responses/NotFound" },
  409: { description: "Someone saved a newer version; `error.current` holds it", content: json(ref("ConflictError")) },
  413: { $ref: "#/components/responses/TooLarge" },
  429: {
    description: "Too busy or too many attempts: try again after the Retry-After header's seconds",
    content: json(ref("Error")),
  },
};

function json(schema: Json) {
  return { "application/json": { schema } };
}

function parameters(endpoint: Endpoint): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ["path", endpoint.params],
    ["query", endpoint.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const { description, ...fieldSchema } = schemaOf(field, "input");
      const required = where === "path" || !field.safeParse(undefined).success;
      out.push({ name, in: where, required, ...(description ? { description } : {}), schema: fieldSchema });
    }
  }
  out.push({ $ref: "#/components/parameters/AcceptLanguage" });
  return out;
}

function operation(endpoint: Endpoint): Json {
  const responses: Json = {};
  if (endpoint.response) {
    const { status = 200, schema, description } = endpoint.response;
    responses[String(status)] = { description, content: json(schemaOf(schema, "output")) };
  }
  if (endpoint.files) {
    const { description, types, headers } = endpoint.files;
    const content = Object.fromEntries(
      Object.entries(types).map(([type, what]) => [
        type,
        { schema: { type: "string", format: "binary", description: what } },
      ]),
    );
    const existing = responses["200"] as { content?: Json } | undefined;
    responses["200"] = existing
      ? { ...existing, content: { ...existing.content, ...content } }
      : {
          description,
          ...(headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }]),
                ),
              }
            : {}),
          content,
        };
  }
  // The pipeline's own refusals, whatever the handler does: a JSON body that is not JSON (400) or
  // over MAX_BODY_BYTES (413); a cookie-authenticated write from another site (403). Found by the
  // fuzzing of issue 18: endpoints gave them without the description saying so.
  const pipelineRefusals: Refusal[] = [];
  if (endpoint.body && "json" in endpoint.body) pipelineRefusals.push(400, 413);
  if (endpoint.method !== "GET" && !endpoint.anonymous) pipelineRefusals.push(403);
  // An API token over PARALLEL_TOKEN_RATE_PER_MINUTE (lib/auth/token-rate.ts).
  if (!endpoint.anonymous) pipelineRefusals.push(429);
  for (const status of [...new Set([...endpoint.refusals, ...pipelineRefusals])].sort())
    responses[String(status)] = refusalResponse[status];
  if (endpoint.conflict && endpoint.refusals.includes(409)) {
    const { schema, description } = endpoint.conflict;
    responses["409"] = { description, content: json(schemaOf(schema, "output")) };
  }
  if (!endpoint.anonymous) responses["401"] = { $ref: "#/components/responses/Unauthenticated" };
  responses["500"] = { $ref: "#/components/responses/Internal" };
  responses["503"] = { $ref: "#/components/responses/Unavailable" };

  const op: Json = {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: endpoint.tags,
    // Open to anyone: no credentials needed (the document-wide `security` otherwise applies).
    ...(endpoint.anonymous ? { security: [] } : {}),
    parameters: parameters(endpoint),
  };
  if (endpoint.body) {
    const [type, schema] =
      "json" in endpoint.body
        ? ["application/json", endpoint.body.json]
        : ["multipart/form-data", endpoint.body.multipart];
    op.requestBody = { required: true, content: { [type]: { schema: schemaOf(schema, "input") } } };
  }
  op.responses = responses;
  return op;
}

function buildDocument() {
  const paths: Record<string, Json> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path][endpoint.method.toLowerCase()] = operation(endpoint);
  }
  const input = components("input");
  const output = components("output");
  const schemas = Object.fromEntries(Object.keys(output).map((id) => [id, inputIds.has(id) ? input[id] : output[id]]));
  const errorBody = (description: string) => ({ description, content: json(ref("Error")) });
  return {
    openapi: "3.1.0",
    info: {
      title: "Parallel API",
      version: "1.0.0",
      description:
        "Read documents and save translations. Authenticate with a personal API token " +
        "(`Authorization: Bearer pl_…`) or the session cookie. Errors are `{error:{code,message}}`; `message` " +
        "follows Accept-Language (uk, en, kk). Nothing is cacheable (`Cache-Control: no-store`).",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    tags: ["projects", "documents", "translations", "notes", "review", "account", "live"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token; an unknown or revoked one is 401.",
        },
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: "parallel.session_token",
          description:
            "The sign-in session (named `__Secure-parallel.session_token` over HTTPS). Writes need a same-site Origin.",
        },
      },
      parameters: {
        AcceptLanguage: {
          name: "Accept-Language",
          in: "header",
          description: "Language of error messages: uk, en or kk",
          required: false,
          schema: { type: "string", default: "en" },
        },
      },
      responses: {
        InvalidInput: errorBody("Invalid input (`details.field`, `details.reason` say which and why)"),
        Unauthenticated: errorBody("No valid API token or session"),
        Forbidden: errorBody(
          "Your role does not allow this (`forbidden`), the project is archived and read-only (`read_only`), " +
            "or a cookie request from another site (`cross_site`)",
        ),
        NotFound: errorBody("Not found, or not in a project you are a member of"),
        TooLarge: errorBody("The request body is too large"),
        Internal: errorBody("Something failed on the server"),
        Unavailable: errorBody(
          "`unavailable`: the database's disk is full or read-only, this server cannot reach its database, or it " +
            "waited too long for a connection; nothing was written. Send the request again after the Retry-After " +
            "header's seconds",
        ),
      },
      schemas,
    },
  };
}

export const openApiDocument = buildDocument();
