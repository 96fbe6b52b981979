// Small pieces several formats share: byte chunking, and the human-readable status and notes cells.
import type { ExchangeUnit, ExportRequest } from "../types";

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
export function statusSummary(
  unit: ExchangeUnit,
  targets: string[],
  labels: { lang: (lang: string) => string; status: (status: string) => string } = { lang: (l) => l, status: (s) => s },
): string {
  const status = (lang: string) => labels.status(unit.targets[lang].status);
  if (targets.length === 1) return unit.targets[targets[0]] ? status(targets[0]) : "";
  return targets
    .filter((lang) => unit.targets[lang])
    .map((lang) => `${labels.lang(lang)}: ${status(lang)}`)
    .join("; ");
}

/**
 * What a translation-only export writes for a paragraph: its translation; without one, its source
 * text (default) or nothing (null) when the request says to leave such paragraphs out.
 */
export function targetOnlyText(unit: ExchangeUnit, lang: string, request: ExportRequest): string | null {
  const text = unit.targets[lang]?.text ?? "";
  if (text !== "") return text;
  return (request.untranslated ?? "source") === "source" && unit.source !== "" ? unit.source : null;
}

export interface NotesTextOptions {
  /** How a note's language is shown (default: its code). */
  langLabel?: (lang: string) => string;
  /** Whether a span's words are quoted after the author: "Author «words»: body". */
  quotes?: boolean;
}

/** The unresolved threads, one line a note: "[en] Author: body", replies as "  ↳ Author: body". */
export function openNotesText(unit: ExchangeUnit, options: NotesTextOptions = {}): string {
  const label = options.langLabel ?? ((lang: string) => lang);
  const lines: string[] = [];
  for (const note of unit.notes) {
    if (note.resolved) continue;
    const lang = note.lang ? `[${label(note.lang)}] ` : "";
    const quote = options.quotes && note.anchor ? ` «${note.anchor.text}»` : "";
    lines.push(`${lang}${note.author ?? "—"}${quote}: ${note.body}`);
    for (const reply of note.replies) lines.push(`  ↳ ${reply.author ?? "—"}: ${reply.body}`);
  }
  return lines.join("\n");
}
