// Bundled for the browser by bench/terms.ts: the recognition modules exactly as the editor would
// import them, and the timing loop, run in the page.
import { buildTermIndex } from "../lib/terms/recognize";
import type { RecognitionEntry } from "../lib/terms/types";

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1];
}

function measure(entries: RecognitionEntry[], texts: string[], rows: number) {
  let t = performance.now();
  const index = buildTermIndex(entries, "uk");
  const buildMs = performance.now() - t;
  for (let i = 0; i < 300; i++) index.findSource(texts[i % texts.length]);
  const one: number[] = [];
  for (let i = 0; i < 2000; i++) {
    t = performance.now();
    index.findSource(texts[i % texts.length]);
    one.push(performance.now() - t);
  }
  const visible: number[] = [];
  for (let round = 0; round < 200; round++) {
    t = performance.now();
    for (let r = 0; r < rows; r++) index.findSource(texts[(round * rows + r) % texts.length]);
    visible.push(performance.now() - t);
  }
  return { buildMs, oneP95: pct(one, 0.95), visibleP50: pct(visible, 0.5), visibleP95: pct(visible, 0.95) };
}

(globalThis as Record<string, unknown>).parallelTerms = { measure };
