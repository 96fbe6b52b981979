// The figures of a run for docs/reliability.md: with RELIABILITY_REPORT set (npm run soak sets it),
// each test of the suite appends one line of JSON there; scripts/soak.ts turns them into the table.
import { appendFileSync } from "node:fs";

export interface ResultLine {
  property: string;
  test: string;
  figures: Record<string, unknown>;
}

export function recordResult(line: ResultLine) {
  const file = process.env.RELIABILITY_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ ...line, at: new Date().toISOString() })}\n`);
}
