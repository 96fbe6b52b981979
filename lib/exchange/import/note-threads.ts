// Notes as the XML formats write them, one after another with a reference to their thread's first
// note, turned back into threads with replies (ExchangeNote).
import type { ExchangeNote } from "../types";

export interface FlatNote {
  /** How replies refer to this note: its 1-based index in its element (TMX, XLIFF 1.2) or its id (XLIFF 2.0). */
  ref: string;
  replyTo: string | null;
  lang: string | null;
  author: string | null;
  body: string;
  createdAt: string | null;
  resolved: boolean;
  category: string | null;
  severity: string | null;
  anchor: ExchangeNote["anchor"];
}

/** A reply whose thread is missing becomes a thread of its own rather than being lost. */
export function toThreads(flat: FlatNote[]): ExchangeNote[] {
  const threads: ExchangeNote[] = [];
  const byRef = new Map<string, ExchangeNote>();
  for (const n of flat) {
    const parent = n.replyTo ? byRef.get(n.replyTo) : undefined;
    const createdAt = n.createdAt ?? "";
    if (parent) {
      parent.replies.push({ author: n.author, body: n.body, createdAt, resolved: n.resolved });
      continue;
    }
    const note: ExchangeNote = {
      lang: n.lang,
      author: n.author,
      body: n.body,
      createdAt,
      resolved: n.resolved,
      category: n.category,
      severity: n.severity,
      anchor: n.anchor,
      replies: [],
    };
    threads.push(note);
    byRef.set(n.ref, note);
  }
  return threads;
}

export function parseAnchor(
  side: string | undefined | null,
  start: string | number | undefined | null,
  end: string | number | undefined | null,
  text: string | undefined | null,
): ExchangeNote["anchor"] {
  if (side !== "source" && side !== "target") return null;
  return { side, start: Number(start), end: Number(end), text: text ?? "" };
}

export const yes = (v: string | undefined | null) => v === "yes" || v === "true";
export const orNull = (v: string | undefined | null) => (v === undefined || v === null || v === "" ? null : v);
