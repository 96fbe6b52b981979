// better-sqlite3 answers synchronously and Prisma's promises settle as microtasks, so a long chain
// of awaited queries and loops never returns to Node's event loop: every other request (a
// translator's autosave) waits until the whole chain is done. Long jobs (an import, a
// document-wide replace) call this between their phases so that requests waiting meanwhile are
// answered after at most one phase, not after the whole job.
export function letOthersRun(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
