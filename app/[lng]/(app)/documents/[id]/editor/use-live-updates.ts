"use client";
// The editor's live half: the document's event stream (lib/editor/live-connection.ts) and this tab's
// presence pings. A translation someone else saved is read and shown at once, or opens the merge
// view on a row with unsaved edits; notes and statuses are read again when they change; changes to
// many translations re-read the language; a split, merge, source edit, source update or restore from
// the bin is shown in place, a change of paragraphs that names no rows asks for a reload. What the
// stream carries and why: docs/live.md.

import { type Dispatch, type SetStateAction, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ConflictInfo } from "@/lib/editor/api-client";
import { LiveConnection } from "@/lib/editor/live-connection";
import {
  type LiveStatus,
  needsRead,
  othersPresent,
  type PresenceEntry,
  peopleByRow,
  withRemote,
} from "@/lib/editor/live-model";
import type { Cell } from "@/lib/editor/rows";
import type { SaveQueue } from "@/lib/editor/save-queue";
import type { LiveEvent } from "@/lib/live/events";
import type { EditorAction } from "./editor-reducer";
import type { Thread } from "./notes-model";

const PING_EVERY_MS = 8_000;
/** Moving from one box to the next blurs one before the other is focused: not a departure. */
const LEAVE_AFTER_MS = 400;

interface Options {
  documentId: string;
  langs: string[];
  userId: string;
  /** The newest event when the page was rendered. */
  startAfter: number;
  cellOf: (rowId: string, lang: string) => Cell | undefined;
  dispatch: Dispatch<EditorAction>;
  queue: SaveQueue | null;
  setThreads: Dispatch<SetStateAction<Thread[]>>;
  refreshLang: (lang: string) => Promise<void>;
  /** A change of paragraphs the editor can show in place (source/use-paragraph-edits.ts): true when taken. */
  onParagraphs?: (event: Extract<LiveEvent, { type: "document.changed" }>) => boolean;
  /** After a re-sync: whether the paragraphs changed meanwhile is asked there. */
  onResync?: () => void;
}

export type LiveUpdates = ReturnType<typeof useLiveUpdates>;

export function useLiveUpdates(options: Options) {
  const { i18n } = useTranslation();
  const { documentId, userId, startAfter } = options;
  const latest = useRef(options);
  latest.current = options;
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  const [paragraphsChangedBy, setParagraphsChangedBy] = useState<string | null | undefined>(undefined);
  // Grows with every change to a memory the project reads, in a language shown: the match panel asks again.
  const [memoryStamp, setMemoryStamp] = useState(0);
  const [myPlace, setMyPlace] = useState<{ rowId: string; lang: string } | null>(null);
  const place = useRef<{ rowId: string; lang: string } | null>(null);
  const connectionId = useRef<string | null>(null);
  const connection = useRef<LiveConnection | null>(null);
  const pingSoon = useRef<() => void>(() => {});

  // Reads of one translation or one paragraph's notes: one at a time per key, again if news came meanwhile.
  const reading = useRef(new Map<string, boolean>());
  const once = useCallback(async (key: string, read: () => Promise<void>) => {
    if (reading.current.has(key)) {
      reading.current.set(key, true);
      return;
    }
    do {
      reading.current.set(key, false);
      await read().catch(() => {});
    } while (reading.current.get(key));
    reading.current.delete(key);
  }, []);

  const readTranslation = useCallback(
    (segmentId: string, lang: string) =>
      once(`t|${segmentId}|${lang}`, async () => {
        const res = await api.translation(segmentId, lang);
        if (!res.ok) return;
        const { text, status, version, updatedBy, updatedAt, origin } = res.data.translation;
        const current: ConflictInfo = { text, status, version, updatedBy, updatedAt };
        const { cellOf, queue, dispatch } = latest.current;
        const cell = cellOf(segmentId, lang);
        if (!cell) return;
        const inFlight = queue?.sending(segmentId, lang) ?? false;
        // The unsaved edit would be refused now: it waits for the person's choice in the merge view.
        if (withRemote(cell, current, inFlight).state === "conflict" && cell.state !== "conflict") {
          queue?.hold(segmentId, lang);
        }
        dispatch({ type: "remote", rowId: segmentId, lang, current, inFlight, origin });
      }),
    [once],
  );

  const shown = useCallback((thread: { lang: string | null }) => {
    return thread.lang === null || latest.current.langs.includes(thread.lang);
  }, []);

  const readNotes = useCallback(
    (segmentId: string) =>
      once(`n|${segmentId}`, async () => {
        const res = await api.segmentNotes(segmentId);
        if (!res.ok) return;
        const fresh = res.data.notes.filter(shown);
        latest.current.setThreads((all) => [...all.filter((th) => th.segmentId !== segmentId), ...fresh]);
      }),
    [once, shown],
  );

  const readAllNotes = useCallback(
    () =>
      once("n|*", async () => {
        const res = await api.documentNotes(latest.current.documentId);
        if (res.ok) latest.current.setThreads(res.data.notes.filter(shown));
      }),
    [once, shown],
  );

  const onEvent = useCallback(
    (event: LiveEvent) => {
      const { langs, cellOf, refreshLang } = latest.current;
      switch (event.type) {
        case "translation.saved":
        case "decision":
          if (langs.includes(event.lang) && needsRead(cellOf(event.segmentId, event.lang), event, userId)) {
            void readTranslation(event.segmentId, event.lang);
          }
          if (event.type === "decision" && event.noteId) void readNotes(event.segmentId);
          return;
        case "note.added":
        case "note.changed":
        case "note.resolved":
          void readNotes(event.segmentId);
          return;
        case "document.changed":
          if (event.change === "paragraphs") {
            if (latest.current.onParagraphs?.(event)) return;
            setParagraphsChangedBy(event.by?.name ?? null);
            return;
          }
          // Repetitions filled after a confirm are few and named: each is read like a save elsewhere (a row
          // being typed in meanwhile gets the merge view); anything else re-reads the language.
          if (event.reason === "repetitions" && event.lang && event.segmentIds) {
            if (langs.includes(event.lang)) for (const id of event.segmentIds) void readTranslation(id, event.lang);
            return;
          }
          for (const lang of event.lang ? langs.filter((l) => l === event.lang) : langs) void refreshLang(lang);
          if (event.reason === "import") void readAllNotes();
          return;
        case "memory.changed":
          if (langs.includes(event.lang)) setMemoryStamp((n) => n + 1);
          return;
      }
    },
    [userId, readTranslation, readNotes, readAllNotes],
  );

  // One ping on its way at a time, and one more after it if the place changed meanwhile: two at once
  // could arrive in either order, and the older place written last stayed until the next ping.
  const pinging = useRef(false);
  const pingAgain = useRef(false);
  const ping = useCallback(async () => {
    if (pinging.current) {
      pingAgain.current = true;
      return;
    }
    pinging.current = true;
    try {
      do {
        pingAgain.current = false;
        const connectionNow = connectionId.current;
        if (!connectionNow) return;
        const at = place.current;
        const res = await api.presence(latest.current.documentId, {
          connection: connectionNow,
          segmentId: at?.rowId ?? null,
          lang: at?.lang ?? null,
        });
        if (res.ok && connectionId.current === connectionNow) connection.current?.serverHas(res.data.lastEventId);
      } while (pingAgain.current);
    } finally {
      pinging.current = false;
    }
  }, []);

  useEffect(() => {
    if (typeof window === "undefined" || typeof EventSource === "undefined") return;
    const live = new LiveConnection({
      documentId,
      startAfter,
      EventSource,
      onStatus: setStatus,
      onHello(id) {
        connectionId.current = id;
        void ping();
      },
      onEvent,
      onPresence: setEntries,
      onResync() {
        latest.current.onResync?.();
        for (const lang of latest.current.langs) void latest.current.refreshLang(lang);
        void readAllNotes();
      },
    });
    connection.current = live;
    live.start();
    let soon: ReturnType<typeof setTimeout> | null = null;
    pingSoon.current = () => {
      if (soon) clearTimeout(soon);
      soon = setTimeout(() => void ping(), 150);
    };
    const every = setInterval(() => void ping(), PING_EVERY_MS);
    const online = () => live.reconnectNow();
    const offline = () => live.lost();
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      live.stop();
      connection.current = null;
      connectionId.current = null;
      clearInterval(every);
      if (soon) clearTimeout(soon);
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  }, [documentId, startAfter, onEvent, ping, readAllNotes]);

  const focus = useCallback((rowId: string, lang: string) => {
    if (place.current?.rowId === rowId && place.current.lang === lang) return;
    place.current = { rowId, lang };
    setMyPlace(place.current);
    pingSoon.current();
  }, []);

  const blur = useCallback((rowId: string, lang: string) => {
    setTimeout(() => {
      if (place.current?.rowId !== rowId || place.current.lang !== lang) return;
      place.current = null;
      setMyPlace(null);
      pingSoon.current();
    }, LEAVE_AFTER_MS);
  }, []);

  const people = useMemo(() => othersPresent(entries, userId, i18n.language), [entries, userId, i18n.language]);
  const byRow = useMemo(() => peopleByRow(people), [people]);
  // Others in the same paragraph and language as this tab: the soft warning in that box.
  const editingWith = useMemo(() => {
    if (!myPlace) return null;
    const here = (byRow.get(myPlace.rowId) ?? []).filter((p) => p.langs.includes(myPlace.lang));
    return here.length ? { rowId: myPlace.rowId, lang: myPlace.lang, names: here.map((p) => p.person.name) } : null;
  }, [myPlace, byRow]);
  /** A row's presence prop: undefined for the many rows nobody else is in (their memo holds). */
  const presenceFor = useCallback(
    (rowId: string) => {
      const here = editingWith?.rowId === rowId ? editingWith : null;
      return byRow.has(rowId) || here ? { people: byRow.get(rowId), editingWith: here } : undefined;
    },
    [byRow, editingWith],
  );

  return { status, people, presenceFor, focus, blur, paragraphsChangedBy, memoryStamp };
}
