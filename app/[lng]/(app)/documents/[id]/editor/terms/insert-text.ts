// Puts a term's translation into a paragraph's translation box at the caret (replacing what is
// selected there), as typing would: the box's own input event reaches the editor's onChange, so the
// edit is saved like any other, and the browser's undo takes it back.

/** The translation box of a row and language, when it can be edited. */
export function translationBox(rowId: string, lang: string): HTMLTextAreaElement | null {
  const row = document.querySelector(`[data-segment-id="${CSS.escape(rowId)}"]`);
  const box = row?.querySelector<HTMLTextAreaElement>(`[data-testid="cell-${CSS.escape(lang)}"] textarea`);
  return box && !box.readOnly && !box.disabled ? box : null;
}

export function insertInto(box: HTMLTextAreaElement, text: string): void {
  box.focus();
  // execCommand keeps the browser's undo history; where it is gone, set the value and say so.
  if (document.execCommand?.("insertText", false, text)) return;
  const { selectionStart: start, selectionEnd: end } = box;
  box.setRangeText(text, start, end, "end");
  box.dispatchEvent(new Event("input", { bubbles: true }));
}
