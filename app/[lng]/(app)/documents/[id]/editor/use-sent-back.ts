// "Sent back to you": the paragraphs a reviewer sent back to the signed-in translator — to them only
// (the server knows whom each send-back is addressed to), not every rejected paragraph anyone sees.
import { useEffect, useMemo, useState } from "react";
import type { z } from "zod";
import type { SentBackItem } from "@/lib/api/schemas/notes";
import { api } from "@/lib/editor/api-client";
import type { Row } from "@/lib/editor/rows";

export type SentBackEntry = z.infer<typeof SentBackItem> & { row: Row };

export function useSentBack(documentId: string, lang: string, rows: Row[], enabled: boolean): SentBackEntry[] {
  const [items, setItems] = useState<z.infer<typeof SentBackItem>[]>([]);
  // Asked again whenever the set of rejected rows changes: a decision arrives, a confirm answers one.
  const rejectedKey = enabled
    ? rows
        .filter((r) => r.cells[lang]?.status === "rejected")
        .map((r) => r.id)
        .join(" ")
    : "";
  useEffect(() => {
    if (!rejectedKey) return setItems([]);
    let cancelled = false;
    void api.sentBack(documentId, lang).then((res) => {
      if (!cancelled && res.ok) setItems(res.data.sentBack);
    });
    return () => {
      cancelled = true;
    };
  }, [documentId, lang, rejectedKey]);
  return useMemo(() => {
    const rejected = new Map(rows.filter((r) => r.cells[lang]?.status === "rejected").map((r) => [r.id, r]));
    // A confirmed paragraph leaves the list at once, before the server is asked again; one entry per paragraph.
    const seen = new Set<string>();
    const entries: SentBackEntry[] = [];
    for (const item of items) {
      const row = rejected.get(item.segmentId);
      if (!row || seen.has(row.id)) continue;
      seen.add(row.id);
      entries.push({ ...item, row });
    }
    return entries;
  }, [items, rows, lang]);
}

/** Opening a send-back from the editor marks it read, as opening it from the inbox does. */
export function markSentBackRead(entry: SentBackEntry) {
  if (!entry.read) void api.markRead({ noteIds: [entry.noteId] });
}
