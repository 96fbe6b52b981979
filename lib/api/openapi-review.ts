// OpenAPI path objects for notes, review decisions and the quality report.
import { mqmCategories, severities } from "../notes/mqm";
import { MAX_NOTE_LENGTH } from "../notes/validation";
import { acceptLanguageParam, commonResponses, jsonBody, param, refusalResponses } from "./openapi-schemas";

const segmentId = param("segmentId", "path", "The segment", { type: "string" });

const anchor = {
  type: "object",
  required: ["side", "start", "end"],
  properties: {
    side: { type: "string", enum: ["source", "target"] },
    start: { type: "integer", minimum: 0, description: "First character (UTF-16 code unit offset)" },
    end: { type: "integer", description: "One past the last character; within the text" },
    text: { type: "string", description: "In answers: the words the note was made on" },
  },
};

const note = {
  type: "object",
  properties: {
    id: { type: "string" },
    segmentId: { type: "string" },
    lang: { type: ["string", "null"] },
    body: { type: "string", description: "Plain text, never HTML" },
    author: { type: ["object", "null"], properties: { id: { type: ["string", "null"] }, name: { type: "string" } } },
    anchor: { ...anchor, type: ["object", "null"] },
    category: { type: ["string", "null"], enum: [...mqmCategories, null] },
    severity: { type: ["string", "null"], enum: [...severities, null] },
    parentId: { type: ["string", "null"] },
    resolved: { type: "boolean" },
    createdAt: { type: "string", format: "date-time" },
  },
};

export const reviewPaths: Record<string, object> = {
  "/api/v1/segments/{segmentId}/notes": {
    get: {
      operationId: "listNotes",
      summary: "A paragraph's note threads (first notes with their replies)",
      tags: ["notes"],
      parameters: [segmentId, acceptLanguageParam],
      responses: {
        "200": jsonBody("Threads", { type: "object", properties: { notes: { type: "array", items: note } } }),
        ...refusalResponses,
      },
    },
    post: {
      operationId: "addNote",
      summary: "Add a note, a quality error or a reply",
      description:
        `Body 1–${MAX_NOTE_LENGTH} characters of plain text. An anchor on the target side needs \`lang\`. A quality error ` +
        "carries both `category` (MQM) and `severity` (minor 1, major 5, critical 25 points). Replies (`parentId`) " +
        "go to the first note of a thread. Viewers cannot write notes. Members named with @ (full name or the part of " +
        "their email before @) find the note in /api/v1/me/mentions.",
      tags: ["notes"],
      parameters: [segmentId, acceptLanguageParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["body"],
              properties: {
                body: { type: "string", minLength: 1, maxLength: MAX_NOTE_LENGTH },
                lang: { type: "string" },
                anchor,
                category: { type: "string", enum: [...mqmCategories] },
                severity: { type: "string", enum: [...severities] },
                parentId: { type: "string" },
              },
            },
          },
        },
      },
      responses: { "201": jsonBody("The note", { type: "object", properties: { note } }), ...refusalResponses },
    },
  },
  "/api/v1/notes/{id}": {
    patch: {
      operationId: "updateNote",
      summary: "Edit your own note, or resolve / reopen its thread",
      description: "Reviewers and owners resolve any thread; translators the threads they started.",
      tags: ["notes"],
      parameters: [param("id", "path", "The note", { type: "string" }), acceptLanguageParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: { type: "object", properties: { body: { type: "string" }, resolved: { type: "boolean" } } },
          },
        },
      },
      responses: { "200": jsonBody("The note", { type: "object", properties: { note } }), ...refusalResponses },
    },
  },
  "/api/v1/segments/{segmentId}/translations/{lang}/decision": {
    post: {
      operationId: "decide",
      summary: "Review decision: reviewed, approved or rejected",
      description:
        "A rejection needs `note` (why); it is saved as a note on the translation. With `baseVersion`, a decision on a " +
        "text that changed since is refused with 409.",
      tags: ["review"],
      parameters: [segmentId, param("lang", "path", "Target language", { type: "string" }), acceptLanguageParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["decision"],
              properties: {
                decision: { type: "string", enum: ["reviewed", "approved", "rejected"] },
                note: { type: "string" },
                baseVersion: { type: "integer" },
              },
            },
          },
        },
      },
      responses: {
        "200": jsonBody("Decided", { type: "object", properties: { translation: { type: "object" } } }),
        "409": { description: "The text changed since `baseVersion`" },
        ...refusalResponses,
      },
    },
  },
  "/api/v1/documents/{id}/quality": {
    get: {
      operationId: "qualityReport",
      summary: "MQM quality report of one target language",
      description:
        "Errors by category and severity (minor 1, major 5, critical 25 points), penalty per 1,000 source words, and " +
        "pass/fail against the project's threshold. `format=csv` answers a CSV file (UTF-8 with BOM).",
      tags: ["review"],
      parameters: [
        param("id", "path", "The document", { type: "string" }),
        param("target", "query", "Target language; default: the project's first", { type: "string" }, false),
        param("format", "query", "json (default) or csv", { type: "string", enum: ["json", "csv"] }, false),
        acceptLanguageParam,
      ],
      responses: {
        "200": jsonBody("The report", { type: "object", properties: { report: { type: "object" } } }),
        ...refusalResponses,
      },
    },
  },
  "/api/v1/documents/{id}/notes": {
    get: {
      operationId: "documentNotes",
      summary: "Every note thread of a document, in paragraph order",
      tags: ["notes"],
      parameters: [
        param("id", "path", "The document", { type: "string" }),
        param("target", "query", "Only this language's and paragraph-wide notes", { type: "string" }, false),
        acceptLanguageParam,
      ],
      responses: {
        "200": jsonBody("Threads", { type: "object", properties: { notes: { type: "array", items: note } } }),
        ...refusalResponses,
      },
    },
  },
  "/api/v1/documents/{id}/approve-all": {
    post: {
      operationId: "approveAll",
      summary: "Approve every translated paragraph of one language",
      tags: ["review"],
      parameters: [param("id", "path", "The document", { type: "string" }), acceptLanguageParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: { type: "object", required: ["lang"], properties: { lang: { type: "string" } } },
          },
        },
      },
      responses: {
        "200": jsonBody("How many were approved", { type: "object", properties: { approved: { type: "integer" } } }),
        ...refusalResponses,
      },
    },
  },
  "/api/v1/me/mentions": {
    get: {
      operationId: "mentions",
      summary: "Notes that name you with @, newest first",
      tags: ["notes"],
      parameters: [acceptLanguageParam],
      responses: {
        "200": jsonBody("Mentions", { type: "object", properties: { mentions: { type: "array", items: note } } }),
        ...commonResponses,
      },
    },
  },
};
