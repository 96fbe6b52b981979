// How long things stay in the trash before the purge removes them for good: PARALLEL_TRASH_DAYS
// (default 30), read on each use so an operator or a test can change it without a restart.
const DEFAULT_TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function trashDays(): number {
  const raw = Number(process.env.PARALLEL_TRASH_DAYS);
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_TRASH_DAYS;
}

/** Things trashed before this moment are due for the purge. */
export function purgeCutoff(now = new Date()): Date {
  return new Date(now.getTime() - trashDays() * DAY_MS);
}

/** When something trashed at `deletedAt` will be removed for good. */
export function purgeDate(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + trashDays() * DAY_MS);
}
