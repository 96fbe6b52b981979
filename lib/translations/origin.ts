// Where a translation's text came from when no person typed it, as memoQ and Trados show it beside a
// segment: pre-translated from a memory at some percentage (101 = context match), or copied as a
// repetition of a confirmed paragraph with the same source. Written only by the fills themselves
// (pre-translation, repetitions), with the version the fill made; any later change of the text, by
// whatever path, is marked as an edit by a database trigger (migration translation_origin), and
// emptying the text clears it. Fills write through writeFilledTranslations (bulk.ts). Exports carry it (XLIFF state-qualifier and context, TMX props).
import { z } from "zod";
import type { Prisma } from "../db/client";

export const originKinds = ["memory", "repetition"] as const;
export type OriginKind = (typeof originKinds)[number];

export const TranslationOrigin = z.object({
  kind: z.enum(originKinds).describe("memory: pre-translated; repetition: copied from the same source confirmed"),
  score: z.number().int().min(0).max(101).describe("The match percentage it was filled with (101 = context match)"),
  name: z.string().nullable().describe("The memory (or memories) the match came from, as named then"),
  segmentId: z.string().nullable().describe("A repetition: the confirmed paragraph it was copied from"),
  edited: z.boolean().describe("The text was changed since it was filled"),
});
export type TranslationOrigin = z.infer<typeof TranslationOrigin>;

/** The origin columns of a translation row. */
export type OriginColumns = Pick<
  Prisma.TranslationModel,
  "origin" | "originScore" | "originName" | "originSegmentId" | "originEdited"
>;

/** Selects what originOf reads (Prisma `select`). */
export const originSelect = {
  origin: true,
  originScore: true,
  originName: true,
  originSegmentId: true,
  originEdited: true,
} as const;

/** A row's origin for the API and the editor; null for text a person wrote. */
export function originOf(row: Partial<OriginColumns> | null | undefined): TranslationOrigin | null {
  if (!row?.origin || !(originKinds as readonly string[]).includes(row.origin)) return null;
  return {
    kind: row.origin as OriginKind,
    score: row.originScore ?? 0,
    name: row.originName ?? null,
    segmentId: row.originSegmentId ?? null,
    // SQLite's raw reads answer 0/1.
    edited: Boolean(row.originEdited),
  };
}
