// The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json. One object per path: a new
// route adds its object to `paths` (and any new schema to openapi-schemas.ts).
import { MAX_BODY_BYTES } from "./handler";
import { exportPaths } from "./openapi-export";
import { importPaths } from "./openapi-import";
import { reviewPaths } from "./openapi-review";
import { acceptLanguageParam, commonResponses, errorBody, jsonBody, param, ref, schemas } from "./openapi-schemas";

type Operation = Record<string, unknown>;
type PathItem = Partial<Record<"get" | "put" | "post" | "patch" | "delete", Operation>>;

const documents: PathItem = {
  get: {
    operationId: "listDocuments",
    summary: "Documents you can see",
    description:
      "Every document of every project you are a member of, with its size and, per target language, how many " +
      "segments are in each status. `translatedWords` sums the words of segments translated, reviewed or approved.",
    tags: ["documents"],
    parameters: [acceptLanguageParam],
    responses: { "200": jsonBody("The documents", ref("DocumentList")), ...commonResponses },
  },
};

const documentSegments: PathItem = {
  get: {
    operationId: "listSegments",
    summary: "A document's segments with one language's translations",
    tags: ["documents"],
    parameters: [
      param("id", "path", "The document", { type: "string" }),
      param("target", "query", "A target language of the project; default: its first", { type: "string" }, false),
      acceptLanguageParam,
    ],
    responses: {
      "200": jsonBody("Segments in position order", ref("SegmentList")),
      "400": { $ref: "#/components/responses/InvalidInput" },
      "404": { $ref: "#/components/responses/NotFound" },
      ...commonResponses,
    },
  },
};

const segmentTranslation: PathItem = {
  put: {
    operationId: "saveTranslation",
    summary: "Save a translation",
    description:
      "Saves against the version the edit started from (`baseVersion`; 0 for a translation never saved). If someone " +
      "saved since, nothing is written: 409 returns the current translation to merge with. Without `status`, a " +
      "changed text becomes draft and an emptied one new. Which statuses may be set depends on your project role. " +
      `The body must be JSON of at most ${MAX_BODY_BYTES} bytes. Cookie-authenticated calls need an Origin (or ` +
      "Referer) header of this site.",
    tags: ["translations"],
    parameters: [
      param("segmentId", "path", "The segment", { type: "string" }),
      param("lang", "path", "A target language of the segment's project", { type: "string" }),
      acceptLanguageParam,
    ],
    requestBody: { required: true, content: { "application/json": { schema: ref("SaveTranslationRequest") } } },
    responses: {
      "200": jsonBody("Saved", {
        type: "object",
        required: ["translation"],
        properties: { translation: ref("SavedTranslation") },
      }),
      "400": { $ref: "#/components/responses/InvalidInput" },
      "403": { $ref: "#/components/responses/Forbidden" },
      "404": { $ref: "#/components/responses/NotFound" },
      "409": errorBody("Someone saved a newer version; `error.current` holds it", "ConflictError"),
      "413": { $ref: "#/components/responses/TooLarge" },
      ...commonResponses,
    },
  },
};

const revisions: PathItem = {
  get: {
    operationId: "listRevisions",
    summary: "Every saved version of a translation, newest first",
    tags: ["translations"],
    parameters: [
      param("segmentId", "path", "The segment", { type: "string" }),
      param("lang", "path", "A target language of the segment's project", { type: "string" }),
      acceptLanguageParam,
    ],
    responses: {
      "200": jsonBody("The revisions", {
        type: "object",
        required: ["revisions"],
        properties: {
          revisions: {
            type: "array",
            items: {
              type: "object",
              required: ["version", "text", "status", "author", "createdAt"],
              properties: {
                version: { type: "integer" },
                text: { type: "string" },
                status: ref("TranslationStatus"),
                author: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } },
                createdAt: { type: "string", format: "date-time" },
              },
            },
          },
        },
      }),
      "404": { $ref: "#/components/responses/NotFound" },
      ...commonResponses,
    },
  },
};

const replace: PathItem = {
  post: {
    operationId: "findReplace",
    summary: "Find and replace in a document's translations",
    description:
      "Literal text, case-insensitive unless `matchCase`. Without `apply`, only a preview of every change. With " +
      "`apply`, all changes are written in one transaction, each as a new revision; `segmentIds` limits them to " +
      "the previewed ones. Reviewed and approved translations go back to translated.",
    tags: ["translations"],
    parameters: [param("id", "path", "The document", { type: "string" }), acceptLanguageParam],
    requestBody: {
      required: true,
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["lang", "find", "replace"],
            properties: {
              lang: { type: "string" },
              find: { type: "string", minLength: 1, maxLength: 1000 },
              replace: { type: "string", maxLength: 1000 },
              matchCase: { type: "boolean", default: false },
              apply: { type: "boolean", default: false },
              segmentIds: { type: "array", items: { type: "string" } },
            },
          },
        },
      },
    },
    responses: {
      "200": jsonBody("The changes (applied or previewed)", {
        type: "object",
        required: ["applied", "changes"],
        properties: {
          applied: { type: "boolean" },
          changes: {
            type: "array",
            items: {
              type: "object",
              required: ["segmentId", "position", "before", "after", "count"],
              properties: {
                segmentId: { type: "string" },
                position: { type: "integer" },
                before: { type: "string" },
                after: { type: "string" },
                count: { type: "integer" },
              },
            },
          },
        },
      }),
      "400": { $ref: "#/components/responses/InvalidInput" },
      "403": { $ref: "#/components/responses/Forbidden" },
      "404": { $ref: "#/components/responses/NotFound" },
      ...commonResponses,
    },
  },
};

const me: PathItem = {
  get: {
    operationId: "me",
    summary: "Who you are",
    tags: ["account"],
    parameters: [acceptLanguageParam],
    responses: { "200": jsonBody("The signed-in user", ref("Me")), ...commonResponses },
  },
};

export const paths: Record<string, PathItem> = {
  "/api/v1/documents": documents,
  "/api/v1/documents/{id}/segments": documentSegments,
  "/api/v1/segments/{segmentId}/translations/{lang}": segmentTranslation,
  "/api/v1/segments/{segmentId}/translations/{lang}/revisions": revisions,
  "/api/v1/documents/{id}/replace": replace,
  "/api/v1/me": me,
  ...reviewPaths,
  ...importPaths,
  ...exportPaths,
};

export const openApiDocument = {
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
  tags: [{ name: "documents" }, { name: "translations" }, { name: "notes" }, { name: "review" }, { name: "account" }],
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
      AcceptLanguage: param(
        "Accept-Language",
        "header",
        "Language of error messages: uk, en or kk",
        {
          type: "string",
          default: "en",
        },
        false,
      ),
    },
    responses: {
      InvalidInput: errorBody("Invalid input (`details.field`, `details.reason` say which and why)"),
      Unauthenticated: errorBody("No valid API token or session"),
      Forbidden: errorBody(
        "Your role does not allow this (`forbidden`), or a cookie request from another site (`cross_site`)",
      ),
      NotFound: errorBody("Not found, or not in a project you are a member of"),
      TooLarge: errorBody("The request body is too large"),
      Internal: errorBody("Something failed on the server"),
    },
    schemas,
  },
} as const;
