// Rows as the editor holds them and paragraphs as the server answers them, for the pure tests of
// changes applied in place (lib/editor/paragraph-edit.test.ts, paragraph-changes.test.ts).
import type { FreshParagraph } from "../lib/editor/paragraph-edit";
import { editorRow, type Row } from "../lib/editor/rows";

export const langs = ["en"];

/** A row on screen; with a text, translated at version 1. */
export const row = (id: string, position: number, source: string, text = ""): Row =>
  editorRow({ id, position, kind: "paragraph", source, wordCount: 2 }, langs, () => ({
    text,
    status: text ? "translated" : "new",
    version: text ? 1 : 0,
  }));

/** A paragraph as read after a change; with a text, a draft marked "source changed". */
export const fresh = (id: string, position: number, source: string, text = "", version = 0): FreshParagraph => ({
  id,
  position,
  kind: "paragraph",
  source,
  wordCount: 1,
  version: 1,
  translations: {
    en: { text, status: text ? "draft" : "new", version, sourceChangedFrom: text ? "Перше. Друге." : null },
  },
});
