// Small pieces several formats share: byte chunking, and the human-readable status and notes cells.
import type { ExchangeUnit } from "../types";

/** Bytes per chunk sent: small enough to stream, large enough that a file gets few writes. */
export const CHUNK_BYTES = 64 * 1024;

/**
 * Collects what a writer writes, unit by unit, into UTF-8 chunks of at most CHUNK_BYTES (a single
 * larger piece is sent as it is). Each piece is encoded straight into the chunk being filled: no
 * long string is built and flattened per chunk, which was most of an export's garbage, and garbage
 * is what makes a streaming export's memory grow (bench/export-tmx.ts).
 */
export class Chunker {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private ready: Uint8Array[] = [];

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.used + text.length * 3 > CHUNK_BYTES) {
      this.flush();
      if (text.length * 3 > CHUNK_BYTES) {
        this.ready.push(Buffer.from(text, "utf8"));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, "utf8");
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
    if (this.used === 0) return;
    this.ready.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
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
