// The export's query string (?format=…&target=en,kk&approvedOnly=1&notes=0&withoutQaErrors=1) as an ExportRequest.
// Flags take the last value given, so an HTML form can send a hidden "0" before its checkbox's "1".
import { z } from "zod";
import { AppError } from "../../errors";
import type { Lng } from "../../i18n/settings";
import { notATarget } from "../../projects/languages";
import { KK_LATN } from "../read-document";
import {
  type ExportFormat,
  type ExportRequest,
  exportFormats,
  singleTargetFormats,
  untranslatedChoices,
} from "../types";

export { singleTargetFormats };

/** `format` as the query names it (the OpenAPI description shows these same schemas). */
export const Format = z.enum(exportFormats);
/** `untranslated` as the query names it. */
export const UntranslatedChoice = z.enum(untranslatedChoices);
/** A yes/no query flag. */
export const Flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

function flag(params: URLSearchParams, name: string, fallback: boolean): boolean {
  const values = params.getAll(name);
  if (values.length === 0) return fallback;
  const parsed = Flag.safeParse(values[values.length - 1].trim().toLowerCase());
  if (!parsed.success) throw new AppError("invalid_input", { field: name, reason: "not_boolean" });
  return parsed.data;
}

/** The targets an export may name: the project's languages, and kk-Latn when the project has kk. */
export function exportableTargets(projectLangs: string[]): string[] {
  return projectLangs.includes("kk") ? [...projectLangs, KK_LATN] : [...projectLangs];
}

/** Refuses targets the project does not have, none at all, or several for a one-language format. */
export function checkTargets(format: ExportFormat, targets: string[], projectLangs: string[]): void {
  const allowed = exportableTargets(projectLangs);
  const unknown = targets.find((t) => !allowed.includes(t));
  if (unknown !== undefined) throw notATarget("target", { value: unknown });
  if (targets.length === 0) throw new AppError("invalid_input", { field: "target", reason: "required" });
  if (targets.length > 1 && singleTargetFormats.includes(format))
    throw new AppError("invalid_input", { field: "target", reason: "one_target" });
}

export function parseExportQuery(params: URLSearchParams, projectLangs: string[], lng: Lng = "en"): ExportRequest {
  const format = Format.safeParse(params.get("format") ?? "");
  if (!format.success) throw new AppError("invalid_input", { field: "format", reason: "unknown_format" });
  const asked = params
    .getAll("target")
    .flatMap((value) => value.split(","))
    .map((lang) => lang.trim())
    .filter((lang) => lang !== "");
  const defaults = singleTargetFormats.includes(format.data) ? projectLangs.slice(0, 1) : projectLangs;
  const targets = asked.length > 0 ? [...new Set(asked)] : defaults;
  checkTargets(format.data, targets, projectLangs);
  const untranslated = UntranslatedChoice.safeParse(params.get("untranslated") ?? "source");
  if (!untranslated.success) throw new AppError("invalid_input", { field: "untranslated", reason: "bad_untranslated" });
  return {
    format: format.data,
    targets,
    approvedOnly: flag(params, "approvedOnly", false),
    includeNotes: flag(params, "notes", true),
    untranslated: untranslated.data,
    lng,
    withoutQaErrors: flag(params, "withoutQaErrors", false),
  };
}
