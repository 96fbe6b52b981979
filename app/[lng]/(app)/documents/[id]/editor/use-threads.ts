"use client";

import { useCallback, useState } from "react";
import type { NoteView } from "@/lib/notes/notes";
import type { Thread } from "./notes-model";

/** The document's note threads in the editor: a new note starts a thread, a reply joins its thread. */
export function useThreads(initial: Thread[]) {
  const [threads, setThreads] = useState<Thread[]>(initial);
  // The live stream's re-read of the paragraph's notes can land before the answer that made the
  // note (a busy server): a note already shown is not added twice.
  const addNote = useCallback((note: NoteView) => {
    setThreads((all) =>
      note.parentId
        ? all.map((th) =>
            th.id === note.parentId && !th.replies.some((r) => r.id === note.id)
              ? { ...th, replies: [...th.replies, note] }
              : th,
          )
        : all.some((th) => th.id === note.id)
          ? all
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
