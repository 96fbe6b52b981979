// The DOCTYPE/ENTITY scan over text in pieces: found wherever it is, across piece boundaries, with
// the line, and a bare external DOCTYPE (which declares nothing) let through.
import { describe, expect, it } from "vitest";
import { DoctypeScanner, findDoctype } from "./doctype-scan";

/** The text pushed in pieces of `size` characters. */
function inPieces(text: string, size: number) {
  const scanner = new DoctypeScanner();
  for (let i = 0; i < text.length; i += size) scanner.push(text.slice(i, i + size));
  return scanner.finding;
}

const LAUGHS = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n]>\n<lolz>&lol;</lolz>';

describe("DoctypeScanner", () => {
  it("finds an ENTITY with its line, whatever the pieces", () => {
    for (const size of [1, 2, 3, 7, 8, 9, 10, 64, 1 << 20]) {
      expect(inPieces(LAUGHS, size)).toEqual({ line: 3, kind: "entity" });
    }
  });

  it("finds an internal subset without entities, and lets a bare external DOCTYPE through", () => {
    for (const size of [1, 5, 100]) {
      expect(inPieces("<!DOCTYPE x [ ]>\n<x/>", size)).toEqual({ line: 1, kind: "internal_subset" });
      expect(inPieces('<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx/>', size)).toBeNull();
      // A "[" inside the quoted system id opens nothing.
      expect(inPieces('<!DOCTYPE x SYSTEM "a[b].dtd">\n<x/>', size)).toBeNull();
    }
  });

  it("looks at the whole text, not its first kilobytes", () => {
    const far = `<w:document>${"<w:p><w:t>Абзац</w:t></w:p>\n".repeat(200_000)}<!ENTITY e SYSTEM "file:///etc/passwd"></w:document>`;
    expect(far.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(inPieces(far, 64 * 1024)).toEqual({ line: 200_001, kind: "entity" });
  });

  it("counts CRLF, CR and LF as one line break each, also split between pieces", () => {
    const text = "a\r\nb\rc\nd\r\n<!eNtItY x 'y'>";
    for (const size of [1, 2, 3, 4, 100]) expect(inPieces(text, size)).toEqual({ line: 5, kind: "entity" });
  });

  it("finds nothing in ordinary XML", () => {
    expect(findDoctype('<?xml version="1.0"?>\n<!-- a comment --><tmx><body><![CDATA[<!x]]></body></tmx>')).toBeNull();
  });
});
