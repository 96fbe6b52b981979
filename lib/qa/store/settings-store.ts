// A project's QA settings in the database: read (any member), replaced (owners), a word added to
// the project's dictionary (owners, from a spelling finding). Stored partial (QaSettingsInput) and
// resolved with the defaults on every read, so a changed default reaches every project.
import { z } from "zod";
import { requireProject } from "../../auth/access";
import type { Actor } from "../../auth/actor";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors";
import { parseInput } from "../../parse-input";
import { citationPatternError, DictionaryWord, type QaSettings, QaSettingsInput, resolveQaSettings } from "../settings";

type Client = Db | Tx;

export interface StoredQaSettings {
  input: QaSettingsInput;
  /** Grows with every change (0: never set). */
  version: number;
  settings: QaSettings;
}

/** The stored settings, never failing: a stored value a newer schema refuses falls back field by field. */
export function parseStored(json: string): QaSettingsInput {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  const whole = QaSettingsInput.safeParse(raw);
  if (whole.success) return whole.data;
  const out: Record<string, unknown> = {};
  const shape = QaSettingsInput.shape;
  for (const [field, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(field in shape)) continue;
    const parsed = shape[field as keyof typeof shape].safeParse(value);
    if (parsed.success) out[field] = parsed.data;
  }
  return out as QaSettingsInput;
}

/** No access check: callers have one (a route's require…, or the export, which the route checked). */
export async function readQaSettings(db: Client, projectId: string): Promise<StoredQaSettings> {
  const row = await db.qaSettings.findUnique({ where: { projectId }, select: { data: true, version: true } });
  const input = row ? parseStored(row.data) : {};
  return { input, version: row?.version ?? 0, settings: resolveQaSettings(input) };
}

/** The project's settings as stored, with the defaults filled in, for any member. */
export async function getQaSettings(db: Db, actor: Actor, projectId: string) {
  await requireProject(db, actor, projectId, "project.read");
  const { input, version, settings } = await readQaSettings(db, projectId);
  return { settings: input, version, effective: describeSettings(settings) };
}

/** QaSettings as plain JSON (the muted set as a list). */
export function describeSettings(settings: QaSettings) {
  return { ...settings, muted: [...settings.muted] };
}

/** A bad citation pattern is refused with RE2's own message (errors.reasons.invalid_pattern shows it). */
function checkPatterns(raw: unknown): void {
  const patterns = (raw as { citations?: { patterns?: unknown } } | null)?.citations?.patterns;
  if (!Array.isArray(patterns)) return;
  patterns.forEach((p, i) => {
    const error = typeof p === "string" && p !== "" ? citationPatternError(p) : null;
    if (error)
      throw new AppError("invalid_input", {
        field: `citations.patterns.${i}`,
        reason: "invalid_pattern",
        value: error,
      });
  });
}

async function write(tx: Tx, actor: Actor, projectId: string, before: QaSettingsInput, input: QaSettingsInput) {
  const row = await tx.qaSettings.upsert({
    where: { projectId },
    create: { projectId, data: JSON.stringify(input), version: 1, updatedById: actor.userId },
    update: { data: JSON.stringify(input), version: { increment: 1 }, updatedById: actor.userId },
    select: { version: true },
  });
  await tx.auditEvent.create({
    data: {
      actorId: actor.userId,
      action: "qa.settings",
      projectId,
      entityType: "project",
      entityId: projectId,
      data: JSON.stringify({ from: before, to: input }),
    },
  });
  return row.version;
}

/** Replaces the project's QA settings (what is left out goes back to the default). Owners only. */
export async function updateQaSettings(db: Db, actor: Actor, projectId: string, raw: unknown) {
  await requireProject(db, actor, projectId, "project.settings");
  checkPatterns(raw);
  const input = parseInput(QaSettingsInput, raw);
  const version = await db.$transaction(async (tx) => {
    const before = await readQaSettings(tx, projectId);
    return write(tx, actor, projectId, before.input, input);
  });
  return { settings: input, version, effective: describeSettings(resolveQaSettings(input)) };
}

export const DictionaryWordInput = z.object({
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: "bad_lang" }),
  word: DictionaryWord.describe("One word: letters, apostrophes, dots, hyphens"),
});

/** "Add to dictionary": one word for one target language, kept once. Owners only. */
export async function addDictionaryWord(db: Db, actor: Actor, projectId: string, raw: unknown) {
  const access = await requireProject(db, actor, projectId, "project.settings");
  const { lang, word } = parseInput(DictionaryWordInput, raw);
  if (!access.targetLangs.includes(lang))
    throw new AppError("invalid_input", { field: "lang", reason: "not_a_target" });
  const result = await db.$transaction(async (tx) => {
    const before = await readQaSettings(tx, projectId);
    const words = before.input.dictionary?.[lang] ?? [];
    if (words.some((w) => w.toLocaleLowerCase(lang) === word.toLocaleLowerCase(lang)))
      return { input: before.input, version: before.version };
    const input = parseInput(QaSettingsInput, {
      ...before.input,
      dictionary: { ...before.input.dictionary, [lang]: [...words, word] },
    });
    return { input, version: await write(tx, actor, projectId, before.input, input) };
  });
  return {
    settings: result.input,
    version: result.version,
    effective: describeSettings(resolveQaSettings(result.input)),
  };
}
