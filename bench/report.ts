// The one table: metric, value, target, result; printed, and written to bench/out/ as JSON and markdown.
import { writeFileSync } from "node:fs";
import path from "node:path";

export type Verdict = "pass" | "fail" | "info";

export interface Row {
  section: string;
  metric: string;
  value: string;
  target: string;
  result: Verdict;
}

export class Table {
  readonly rows: Row[] = [];
  private section = "";

  begin(section: string) {
    this.section = section;
  }

  info(metric: string, value: string) {
    this.rows.push({ section: this.section, metric, value, target: "", result: "info" });
  }

  check(metric: string, value: string, target: string, ok: boolean) {
    this.rows.push({ section: this.section, metric, value, target, result: ok ? "pass" : "fail" });
  }

  get failed(): number {
    return this.rows.filter((r) => r.result === "fail").length;
  }
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms` : "n/a");
export const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(2)} MB` : "n/a");
export const int = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString("en") : "n/a");
export const perSec = (v: number) => `${int(v)}/s`;

const RESULT_TEXT: Record<Verdict, string> = { pass: "PASS", fail: "FAIL", info: "" };

export function formatText(table: Table): string {
  const header = ["metric", "value", "target", "result"];
  const body = table.rows.map((r) => [r.metric, r.value, r.target, RESULT_TEXT[r.result]]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const out = [line(header), widths.map((w) => "─".repeat(w)).join("  ")];
  let section = "";
  table.rows.forEach((r, i) => {
    if (r.section !== section) {
      section = r.section;
      out.push("", `▸ ${section}`);
    }
    out.push(line(body[i]));
  });
  return out.join("\n");
}

export function formatMarkdown(table: Table, title: string, notes: string[]): string {
  const out = [`# ${title}`, "", "| metric | value | target | result |", "|---|---|---|---|"];
  let section = "";
  for (const r of table.rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(`| **${section}** | | | |`);
    }
    out.push(`| ${r.metric} | ${r.value} | ${r.target} | ${RESULT_TEXT[r.result]} |`);
  }
  if (notes.length) out.push("", "## Notes", "", ...notes.map((n) => `- ${n}`));
  return `${out.join("\n")}\n`;
}

export function writeReport(outDir: string, table: Table, title: string, notes: string[], raw: unknown) {
  const json = { title, rows: table.rows, notes, raw };
  writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(path.join(outDir, "results.md"), formatMarkdown(table, title, notes));
}
