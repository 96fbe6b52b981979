// better-sqlite3 answers synchronously and Prisma's promises settle as microtasks, so a long chain
// of awaited queries and loops never returns to Node's event loop: every other request (a
// translator's autosave) waits until the whole chain is done. Long jobs (an import, a
// document-wide replace) call this between their phases so that requests waiting meanwhile are
// answered after at most one phase, not after the whole job.
export function letOthersRun(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** `items.map(work)` that lets others run after every `slice` items (for loops over a whole document). */
export async function mapInSlices<T, U>(items: readonly T[], work: (item: T) => U, slice = 2_000): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % slice === 0) await letOthersRun();
    out.push(work(items[i]));
  }
  return out;
}
