// Small pieces several formats share: byte chunking, and the human-readable status and notes cells.
import type { ExchangeUnit } from "../types";

/**
 * Characters per chunk sent (UTF-8: up to 3 bytes each, 2 for Cyrillic). Small enough to stream, and
 * under V8's large-object size: strings past ~128 KB go straight to the old generation and make the
 * garbage collector work many times harder.
 */
export const CHUNK_CHARS = 16 * 1024;

/** Collects what a writer writes, unit by unit, into UTF-8 chunks of about CHUNK_CHARS characters. */
export class Chunker {
  private pending = "";
  private ready: Uint8Array[] = [];

  write(text: string): void {
    // String concatenation is cheap in V8 (ropes); the bytes are made once per chunk.
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  /** The chunks completed so far (a writer yields them after each page). */
  *take(): Generator<Uint8Array> {
    const ready = this.ready;
    this.ready = [];
    yield* ready;
  }

  /** Everything left, at the end. */
  *end(): Generator<Uint8Array> {
    this.flush();
    yield* this.take();
  }

  private flush(): void {
    if (this.pending !== "") this.ready.push(Buffer.from(this.pending, "utf8"));
    this.pending = "";
  }
}

/** Turns what a writer yields (bytes, or strings of any size) into UTF-8 chunks. */
export async function* toChunks(pieces: AsyncIterable<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  const chunker = new Chunker();
  for await (const piece of pieces) {
    if (typeof piece !== "string") {
      yield* chunker.end();
      yield piece;
      continue;
    }
    chunker.write(piece);
    yield* chunker.take();
  }
  yield* chunker.end();
}

/** One target: its status; several: "en: approved; kk: draft" (a target left out shows nothing). */
export function statusSummary(unit: ExchangeUnit, targets: string[]): string {
  if (targets.length === 1) return unit.targets[targets[0]]?.status ?? "";
  return targets
    .filter((lang) => unit.targets[lang])
    .map((lang) => `${lang}: ${unit.targets[lang].status}`)
    .join("; ");
}

/** The unresolved threads, one line a note: "[en] Author: body", replies as "  ↳ Author: body". */
export function openNotesText(unit: ExchangeUnit): string {
  const lines: string[] = [];
  for (const note of unit.notes) {
    if (note.resolved) continue;
    const lang = note.lang ? `[${note.lang}] ` : "";
    lines.push(`${lang}${note.author ?? "—"}: ${note.body}`);
    for (const reply of note.replies) lines.push(`  ↳ ${reply.author ?? "—"}: ${reply.body}`);
  }
  return lines.join("\n");
}
