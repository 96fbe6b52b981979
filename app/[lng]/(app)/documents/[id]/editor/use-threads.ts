"use client";

import { useCallback, useState } from "react";
import type { NoteView } from "@/lib/notes/notes";
import type { Thread } from "./notes-model";

/** The document's note threads in the editor: a new note starts a thread, a reply joins its thread. */
export function useThreads(initial: Thread[]) {
  const [threads, setThreads] = useState<Thread[]>(initial);
  const addNote = useCallback((note: NoteView) => {
    setThreads((all) =>
      note.parentId
        ? all.map((th) => (th.id === note.parentId ? { ...th, replies: [...th.replies, note] } : th))
        : [...all, { ...note, replies: [] }],
    );
  }, []);
  const updateNote = useCallback((note: NoteView) => {
    setThreads((all) =>
      all.map((th) =>
        th.id === note.id
          ? { ...th, ...note, replies: th.replies }
          : { ...th, replies: th.replies.map((r) => (r.id === note.id ? note : r)) },
      ),
    );
  }, []);
  return { threads, setThreads, addNote, updateNote };
}
