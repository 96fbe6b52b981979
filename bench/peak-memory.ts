// Time and memory of one piece of work in this process, for the benchmarks that run each
// measurement in a child process of its own (export-tmx.ts, import.ts).
const MB = 2 ** 20;

export interface Measured {
  ms: number;
  /** RSS when the work starts: node, modules, Prisma's query engine, an open connection. */
  baseRssMb: number;
  /** The process's peak RSS (sampled every 10 ms, and the kernel's maxRSS). */
  peakRssMb: number;
}

/** Runs `work`, returning what it counted along with the time and the memory. */
export async function measured(work: () => Promise<number>): Promise<Measured & { count: number }> {
  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const count = await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  // maxRSS (kB) catches what sampling misses: the work can keep the event loop busy for a while.
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return { ms, baseRssMb: baseRss / MB, peakRssMb: peak / MB, count };
}
