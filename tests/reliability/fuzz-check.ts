// What every fuzzed input must hold to: an answer within INPUT_MS (a hang detector, not a speed
// target), and either success or our own refusal (an AppError below 500 whose message is translated
// in every interface language), and a refusal leaves every table of the database as it was.
import { writeFileSync } from "node:fs";
import { errorAnswer } from "../../lib/api/handler";
import { getDb, providerOf } from "../../lib/db/client";
import { isAppError } from "../../lib/errors";
import { languages } from "../../lib/i18n/settings";

export const INPUT_MS = 20_000;

/**
 * Row counts of every table of DATABASE_URL's database, SQLite or PostgreSQL (new features' tables
 * included: they are read from the catalog).
 */
export async function tableCounts(): Promise<Record<string, number>> {
  const db = getDb();
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    providerOf(db) === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  const counts: [string, number][] = [];
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
    counts.push([name, Number(row.n)]);
  }
  return Object.fromEntries(counts);
}

export interface Tally {
  inputs: number;
  accepted: number;
  refused: Record<string, number>;
  slowestMs: number;
}

export const newTally = (): Tally => ({ inputs: 0, accepted: 0, refused: {}, slowestMs: 0 });

/** Runs one input through `run` and checks the outcome; throws (failing the property) otherwise. */
export async function checkOutcome(tally: Tally, run: () => Promise<unknown>, input?: Uint8Array | string) {
  // FUZZ_TRACE=<file>: the input being tried is written there first, to replay one that hangs.
  if (process.env.FUZZ_TRACE && input !== undefined) writeFileSync(process.env.FUZZ_TRACE, input);
  const before = await tableCounts();
  const started = performance.now();
  let outcome: unknown;
  let failed = false;
  try {
    outcome = await run();
  } catch (error) {
    failed = true;
    outcome = error;
  }
  const ms = performance.now() - started;
  tally.inputs++;
  tally.slowestMs = Math.max(tally.slowestMs, ms);
  if (ms > INPUT_MS) throw new Error(`an input took ${Math.round(ms)} ms`);
  if (!failed) {
    tally.accepted++;
    return outcome;
  }
  if (!isAppError(outcome) || outcome.status >= 500) throw outcome;
  for (const lng of languages) {
    const { message } = errorAnswer(outcome, lng).body.error as { message: string };
    if (!message || message.startsWith("errors."))
      throw new Error(`untranslated ${outcome.code} in ${lng}: ${message}`);
  }
  const reason = String(outcome.details?.reason ?? outcome.code);
  tally.refused[reason] = (tally.refused[reason] ?? 0) + 1;
  const after = await tableCounts();
  if (JSON.stringify(after) !== JSON.stringify(before))
    throw new Error(`a refused input (${reason}) wrote: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  return undefined;
}
