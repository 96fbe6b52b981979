// Schemas shared by many operations: statuses, kinds, people, errors.
import { z } from "zod";
import { errorStatus } from "../../errors";
import { SegmentKind as Kind } from "../../segments/kinds";
import { TranslationStatus as Status } from "../../segments/status";
import { TranslationOrigin as OriginSchema } from "../../translations/origin";
import { Count, DateTime, named } from "./registry";

export const TranslationStatus = named("TranslationStatus", Status);
export const SegmentKind = named("SegmentKind", Kind);

export const UserRef = z.object({ id: z.string(), name: z.string() });

const errorCodes = Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]];

export const ErrorBody = named(
  "Error",
  z.object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string().describe("For people, in the Accept-Language language"),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
);

export const CurrentTranslation = z
  .object({
    text: z.string(),
    status: TranslationStatus,
    version: Count,
    updatedBy: UserRef.nullable(),
    updatedAt: DateTime,
  })
  .describe("What is saved now");

export const ConflictError = named(
  "ConflictError",
  z.object({
    error: z.object({ code: z.literal("conflict"), message: z.string(), current: CurrentTranslation.nullable() }),
  }),
);

/** Where a filled translation came from (lib/translations/origin.ts); null for text a person wrote. */
export const TranslationOrigin = named("TranslationOrigin", OriginSchema);
