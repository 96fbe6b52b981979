// Where the caret is in a paragraph shown as text (with note highlights inside it): the offset in
// the paragraph's own text, counting UTF-16 code units as the server does.

export function caretOffset(root: HTMLElement): number | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer)) return null;
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return before.toString().length;
}
