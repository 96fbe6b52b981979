// JSON Schemas of the API's bodies, and small helpers for writing OpenAPI operations. Enumerations and
// limits come from the code that enforces them, so the description cannot drift from the behaviour.
import { errorStatus } from "../errors";
import { segmentKinds } from "../segments/kinds";
import { translationStatuses } from "../segments/status";
import { MAX_TRANSLATION_LENGTH } from "../translations/validation";

type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

export const jsonBody = (description: string, schema: Schema) => ({
  description,
  content: { "application/json": { schema } },
});

export const errorBody = (description: string, schema = "Error") => jsonBody(description, ref(schema));

export const param = (
  name: string,
  where: "path" | "query" | "header",
  description: string,
  schema: Schema,
  required = true,
) => ({
  name,
  in: where,
  description,
  required: where === "path" ? true : required,
  schema,
});

const object = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: "object",
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  properties,
});

const string = { type: "string" };
const integer = { type: "integer", minimum: 0 };
const dateTime = { type: "string", format: "date-time" };
const lang = { type: "string", description: "BCP-47 language code, e.g. en, kk" };

const byStatus = object(Object.fromEntries(translationStatuses.map((s) => [s, integer])));

const currentTranslation = {
  ...object({
    text: string,
    status: ref("TranslationStatus"),
    version: integer,
    updatedBy: { oneOf: [object({ id: string, name: string }), { type: "null" }] },
    updatedAt: dateTime,
  }),
  description: "What is saved now",
};

export const schemas: Record<string, Schema> = {
  TranslationStatus: { type: "string", enum: [...translationStatuses] },
  SegmentKind: { type: "string", enum: [...segmentKinds] },
  Error: object({
    error: object(
      {
        code: { type: "string", enum: Object.keys(errorStatus) },
        message: { type: "string", description: "For people, in the Accept-Language language" },
        details: { type: "object", additionalProperties: true },
      },
      ["details"],
    ),
  }),
  ConflictError: object({
    error: object({
      code: { const: "conflict" },
      message: string,
      current: { oneOf: [currentTranslation, { type: "null" }] },
    }),
  }),
  LanguageProgress: object({
    total: { ...integer, description: "Segments in the document" },
    byStatus,
    translatedWords: { ...integer, description: "Words of segments translated, reviewed or approved" },
  }),
  DocumentSummary: object({
    id: string,
    projectId: string,
    projectName: string,
    title: string,
    sourceLang: lang,
    targetLangs: { type: "array", items: lang },
    paragraphs: integer,
    words: integer,
    progress: { type: "object", description: "By target language", additionalProperties: ref("LanguageProgress") },
  }),
  DocumentList: object({ documents: { type: "array", items: ref("DocumentSummary") } }),
  SegmentTranslation: object({
    text: string,
    status: ref("TranslationStatus"),
    version: { ...integer, description: "Send as baseVersion when saving; 0 = never saved" },
    updatedAt: { oneOf: [dateTime, { type: "null" }] },
  }),
  Segment: object({
    id: string,
    position: integer,
    kind: ref("SegmentKind"),
    source: string,
    wordCount: integer,
    translation: ref("SegmentTranslation"),
  }),
  SegmentList: object({
    document: object({ id: string, title: string, sourceLang: lang, targetLangs: { type: "array", items: lang } }),
    target: lang,
    segments: { type: "array", items: ref("Segment") },
  }),
  SaveTranslationRequest: object(
    {
      text: {
        type: "string",
        maxLength: MAX_TRANSLATION_LENGTH,
        description: "Control characters other than tab and newline are refused; stored NFC with LF line ends",
      },
      status: ref("TranslationStatus"),
      baseVersion: { ...integer, description: "The version the edit started from" },
    },
    ["status"],
  ),
  SavedTranslation: object({
    segmentId: string,
    lang,
    text: string,
    status: ref("TranslationStatus"),
    version: integer,
    updatedAt: dateTime,
  }),
  Me: object({
    user: object({
      id: string,
      name: string,
      email: { type: "string", format: "email" },
      isAdmin: { type: "boolean" },
    }),
    via: { type: "string", enum: ["token", "session"] },
  }),
};

/** Answers every authenticated operation may give besides its own. */
export const commonResponses = {
  "401": { $ref: "#/components/responses/Unauthenticated" },
  "500": { $ref: "#/components/responses/Internal" },
};

/** The usual refusals of an operation on one thing, plus the common ones. */
export const refusalResponses = {
  "400": { $ref: "#/components/responses/InvalidInput" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "404": { $ref: "#/components/responses/NotFound" },
  ...commonResponses,
};

export const acceptLanguageParam = { $ref: "#/components/parameters/AcceptLanguage" };
