// Remembered paragraph findings between document reports (the report page, its filters, the
// editor's "has QA errors", an export without QA errors all ask for the same document). Keyed by
// what the findings depend on — a hash of kind, source and target, under the context's stamp
// (settings, glossaries, spelling) — so nothing needs invalidating: an edited paragraph has another
// key, a changed setting another stamp, and every server instance is right on its own.
import { createHash } from "node:crypto";
import type { DocumentEntry, ParagraphMemo } from "../document";
import type { Finding } from "../types";

interface Memo {
  stamp: string;
  findings: Map<string, Finding[]>;
}

/** Documents × languages remembered; each holds at most one entry per paragraph it has. */
const MAX_DOCUMENTS = 12;
const memos = new Map<string, Memo>();

const hash = (e: DocumentEntry) =>
  createHash("sha1")
    .update(`${e.kind ?? ""}\u0000${e.source}\u0000${e.target}`)
    .digest("base64");

/**
 * The memo of a document in one language under `stamp`; `paragraphs` bounds it (entries of texts no
 * longer in the document are dropped when it outgrows twice that).
 */
export function reportMemo(documentId: string, lang: string, stamp: string, paragraphs: number): ParagraphMemo {
  const id = `${documentId}|${lang}`;
  let memo = memos.get(id);
  if (!memo || memo.stamp !== stamp) {
    memo = { stamp, findings: new Map() };
  }
  // Most recently used last.
  memos.delete(id);
  memos.set(id, memo);
  while (memos.size > MAX_DOCUMENTS) memos.delete(memos.keys().next().value!);
  if (memo.findings.size > 2 * paragraphs + 100) memo.findings.clear();
  const { findings } = memo;
  const keys = new WeakMap<DocumentEntry, string>();
  const keyOf = (e: DocumentEntry) => {
    let key = keys.get(e);
    if (key === undefined) {
      key = hash(e);
      keys.set(e, key);
    }
    return key;
  };
  return {
    get: (e) => findings.get(keyOf(e)),
    set: (e, f) => {
      findings.set(keyOf(e), f);
    },
  };
}

/** Forgets every remembered report (tests, benchmarks). */
export function clearReportMemos(): void {
  memos.clear();
}
