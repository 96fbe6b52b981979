"use client";
// The memory's matches for the active paragraph, fetched when it changes (after a short pause, so
// moving through paragraphs quickly asks only for the one stopped at), and again when the live
// stream says a memory the project reads was written (`stamp`), keeping the old list meanwhile.
import { useEffect, useState } from "react";
import type { MatchList } from "@/lib/api/schemas/memory";
import { api, type Out } from "@/lib/editor/api-client";

export type Matches = Out<typeof MatchList>;
export type MatchItem = Matches["matches"][number];

export type MatchesState =
  | { kind: "loading" }
  | { kind: "error" }
  | { kind: "ready"; segmentId: string; lang: string; data: Matches };

const PAUSE_MS = 120;

export function useMatches(segmentId: string, lang: string, stamp = 0): MatchesState {
  const [state, setState] = useState<MatchesState>({ kind: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: stamp asks again for the same paragraph.
  useEffect(() => {
    let live = true;
    setState((s) => (s.kind === "ready" && s.segmentId === segmentId && s.lang === lang ? s : { kind: "loading" }));
    const timer = setTimeout(async () => {
      const res = await api.matches(segmentId, lang);
      if (!live) return;
      setState(res.ok ? { kind: "ready", segmentId, lang, data: res.data } : { kind: "error" });
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [segmentId, lang, stamp]);
  return state;
}

/** The first nine matches, in the order shown, get Alt+1…Alt+9 (Ctrl+digits switch the browser's tabs). */
export function useMatchShortcuts(matches: MatchItem[], insert: (m: MatchItem) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (!digit) return;
      const match = matches[Number(digit[1]) - 1];
      if (!match) return;
      e.preventDefault();
      insert(match);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [matches, insert]);
}
