// Sizes of the reliability suite (issue 18). CI runs the small sizes; `npm run soak` sets
// PARALLEL_SOAK=1 and the soak sizes; each can be set on its own with its variable.

export const SOAK = process.env.PARALLEL_SOAK === "1";

/** A count: its variable if set, else the soak or CI size. */
export function size(variable: string, ci: number, soak: number): number {
  const raw = process.env[variable];
  const n = raw === undefined || raw === "" ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : SOAK ? soak : ci;
}

/**
 * The databases the race suite runs on. SQLite always; PostgreSQL once #17 lands its provider:
 * set PARALLEL_TEST_PG_URL (a throwaway cluster's URL) and the world is built there instead.
 */
export function raceDatabases(): { name: string; url?: string }[] {
  const pg = process.env.PARALLEL_TEST_PG_URL;
  return [{ name: "sqlite" }, ...(pg ? [{ name: "postgresql", url: pg }] : [])];
}
