// Finds what could make an XML parser fetch or expand anything (an ENTITY declaration, a DOCTYPE
// with an internal subset) in text that arrives in pieces: a DOCX part as it inflates, an XML file
// as it decodes. Every piece is looked at, however long the text, and a marker split between two
// pieces is still found. Lines are counted as XML counts them (CRLF, CR and LF each end one).
export interface DoctypeFinding {
  line: number;
  kind: "entity" | "internal_subset";
}

const MARKER = /<!(entity|doctype)/gi;
/** Enough of the previous piece to find a marker that starts there: one less than "<!doctype". */
const CARRY = 8;

/** Line breaks in text[start, end), a CRLF once (the character before `start` is looked at too). */
function breaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\r", start); i >= 0 && i < end; i = text.indexOf("\r", i + 1)) n++;
  for (let i = text.indexOf("\n", start); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) {
    if (text.charCodeAt(i - 1) !== 13) n++;
  }
  return n;
}

export class DoctypeScanner {
  /** The end of the previous text; its first character only tells whether a LF there ends a CRLF. */
  #carry = "";
  /** 1 when the carry's first character is that look-behind, 0 at the start of the text. */
  #look = 0;
  /** The line of the carry's character at #look. */
  #carryLine = 1;
  /** Inside `<!DOCTYPE …`, looking for its "[" (a subset) or ">" (none) outside quotes. */
  #doctype: { line: number; quote: string | null } | null = null;
  #subset: DoctypeFinding | null = null;
  #entity: DoctypeFinding | null = null;

  /** What was found so far; an ENTITY declaration wins over a bare internal subset. */
  get finding(): DoctypeFinding | null {
    return this.#entity ?? this.#subset;
  }

  push(piece: string): void {
    if (this.#entity || piece === "") return;
    const text = this.#carry + piece;
    const from = this.#carry.length;
    if (this.#doctype) this.#readDoctype(text, from);
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      // Wholly inside the carry: found with the previous piece.
      if (m.index + m[0].length <= from) continue;
      const line = this.#carryLine + breaks(text, this.#look, m.index);
      if (m[1].toLowerCase() === "entity") {
        this.#entity = { line, kind: "entity" };
        return;
      }
      if (!this.#doctype && !this.#subset) {
        this.#doctype = { line, quote: null };
        this.#readDoctype(text, m.index + m[0].length);
      }
    }
    const keep = Math.max(0, text.length - CARRY - 1);
    if (keep > 0) {
      this.#carryLine += breaks(text, this.#look, keep + 1);
      this.#look = 1;
    }
    this.#carry = text.slice(keep);
  }

  #readDoctype(text: string, start: number) {
    const state = this.#doctype!;
    for (let i = start; i < text.length; i++) {
      const ch = text[i];
      if (state.quote) {
        if (ch === state.quote) state.quote = null;
      } else if (ch === '"' || ch === "'") state.quote = ch;
      else if (ch === "[" || ch === ">") {
        if (ch === "[") this.#subset = { line: state.line, kind: "internal_subset" };
        this.#doctype = null;
        return;
      }
    }
  }
}

/** The whole text at once. */
export function findDoctype(text: string): DoctypeFinding | null {
  const scanner = new DoctypeScanner();
  scanner.push(text);
  return scanner.finding;
}
