// XML in, read as a stream (saxes) and refusing what could make a parser fetch or expand anything:
// a DOCTYPE with an internal subset, and any ENTITY declaration, are refused as soon as they are
// seen, before the parser gets that text (XXE, billion laughs). A bare external id
// (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, which TMX files carry) declares nothing and is never
// fetched; the parser itself knows only the five predefined entities and character references.
// A format names its record elements (a TMX <tu>, an XLIFF unit): each is built as a small tree,
// handed over and dropped, so a 50 MB file is never held as one tree; the rest of the document is
// kept as their ancestors.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { decodePieces } from "./decode-text";
import { type DoctypeFinding, DoctypeScanner } from "./doctype-scan";
import { importError } from "./errors";

export { findDoctype } from "./doctype-scan";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlItem[];
}
export type XmlItem = XmlElement | string;

export interface XmlRecords {
  /** Whether an element opened inside `parents` (root first) is handed over whole. */
  isRecord(name: string, parents: readonly XmlElement[]): boolean;
  onRecord(record: XmlElement, parents: readonly XmlElement[]): void;
  /** Whether an element outside the records stays in the tree once closed (default: it does). */
  keep?(el: XmlElement, parents: readonly XmlElement[]): boolean;
}

export interface XmlReadOptions {
  records?: XmlRecords;
  /** Called with the root element's name as soon as it opens (to refuse the wrong kind of file early). */
  onRoot?: (name: string) => void;
  /** Namespace URI → the prefix its names are given, whatever prefix the file binds it to. */
  namespaces?: Record<string, string>;
}

// Namespaces we read by URI, so a file may bind them to any prefix.
const KNOWN_NAMESPACES: Record<string, string> = {
  "urn:parallel:exchange:1": "prl",
  "http://www.w3.org/XML/1998/namespace": "xml",
  "urn:oasis:names:tc:xliff:metadata:2.0": "mda",
};

type Scope = Map<string, string>;

function canonical(name: string, scope: Scope, namespaces: Record<string, string>): string {
  const colon = name.indexOf(":");
  if (colon < 0) return name;
  const uri = scope.get(name.slice(0, colon));
  const known = uri ? namespaces[uri] : undefined;
  return known ? `${known}:${name.slice(colon + 1)}` : name;
}

const MAX_DEPTH = 200;

function malformed(message: string, line?: number, column?: number) {
  const where = line ? ` at line ${line}${column ? `, column ${column}` : ""}` : "";
  return importError("xml_malformed", `The XML is malformed${where}: ${message}`, { line, column });
}

function refused({ line, kind }: DoctypeFinding) {
  return importError(
    "xml_dtd",
    `The XML declares ${kind === "entity" ? "entities" : "a DOCTYPE with declarations"} at line ${line}; it is refused and nothing was expanded or fetched.`,
    { line, kind },
  );
}

/**
 * Character references are decoded as XML 1.0 allows except that control characters (&#7;) are let
 * through as the characters they name: the checks on a translation then refuse them with the
 * paragraph and language at fault, which says more than "malformed at line 3".
 */
function lenientCharacterReferences(parser: object) {
  const strict = parser as unknown as { parseEntity(entity: string): string };
  const parseEntity = strict.parseEntity.bind(parser);
  strict.parseEntity = (entity) => {
    const code = /^#x[0-9a-f]+$/i.test(entity)
      ? Number.parseInt(entity.slice(2), 16)
      : /^#[0-9]+$/.test(entity)
        ? Number(entity.slice(1))
        : Number.NaN;
    if (code > 0 && code < 0x20) return String.fromCharCode(code);
    return parseEntity(entity);
  };
}

/** Builds the tree as saxes reads; records go to `records` instead of into their parent. */
class TreeBuilder {
  root: XmlElement | null = null;
  readonly #stack: { el: XmlElement; scope: Scope }[] = [];
  /** Stack index of the record being built, or -1. */
  #record = -1;

  constructor(
    private readonly records: XmlRecords | null,
    private readonly onRoot: (name: string) => void,
    private readonly namespaces: Record<string, string>,
  ) {}

  /** False when the element is nested too deep to be a document of ours. */
  open(tag: SaxesTagPlain): boolean {
    const parent = this.#stack.at(-1);
    if (this.#stack.length >= MAX_DEPTH) return false;
    let scope = parent?.scope ?? new Map<string, string>();
    for (const [key, value] of Object.entries(tag.attributes)) {
      if (!key.startsWith("xmlns:")) continue;
      if (scope === parent?.scope) scope = new Map(scope);
      scope.set(key.slice(6), value);
    }
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attrs[canonical(key, scope, this.namespaces)] = value;
    const el: XmlElement = { name: canonical(tag.name, scope, this.namespaces), attrs, children: [] };
    if (!parent) {
      this.onRoot(el.name);
      this.root = el;
      if (!this.records) this.#record = 0;
    } else if (this.#record < 0 && this.records?.isRecord(el.name, this.#parents())) {
      this.#record = this.#stack.length;
    } else parent.el.children.push(el);
    this.#stack.push({ el, scope });
    return true;
  }

  text(text: string) {
    const top = this.#stack.at(-1);
    // Text outside the root is whitespace (anything else is an error of the parser's); whitespace
    // between records is layout and is not kept.
    if (!top || (this.#record < 0 && text.trim() === "")) return;
    top.el.children.push(text);
  }

  close() {
    const closed = this.#stack.pop();
    if (!closed || !this.records) return;
    if (this.#stack.length === this.#record) {
      this.#record = -1;
      this.records.onRecord(closed.el, this.#parents());
    } else if (
      this.#record < 0 &&
      this.#stack.length > 0 &&
      this.records.keep?.(closed.el, this.#parents()) === false
    ) {
      // It was appended to its parent when it opened, and nothing came after it since.
      this.#stack.at(-1)!.el.children.pop();
    }
  }

  #parents(): XmlElement[] {
    return this.#stack.map((s) => s.el);
  }
}

/**
 * Reads XML bytes (decoded as plain-text files are: BOM, else UTF-8, else Windows-1251) and returns
 * the root with everything that is not a record; throws xml_dtd, xml_malformed (with the line) or
 * not_text. With `records`, each record is handed over as soon as it closes.
 */
export function streamXml(bytes: Uint8Array, options: XmlReadOptions = {}): XmlElement {
  return readPieces(decodePieces(bytes), options);
}

/** Parses XML text into an element tree, all of it kept; throws xml_dtd or xml_malformed with the line. */
export function parseXml(source: string): XmlElement {
  return readPieces([source], {});
}

function readPieces(pieces: Iterable<string>, { records, onRoot, namespaces }: XmlReadOptions): XmlElement {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  lenientCharacterReferences(parser);
  const scanner = new DoctypeScanner();
  const tree = new TreeBuilder(records ?? null, onRoot ?? (() => {}), { ...KNOWN_NAMESPACES, ...namespaces });
  // saxes calls these while it reads a piece; what they throw (a record handler's refusal, the
  // parser's own complaint) comes out of write() and ends the reading.
  parser.on("error", (error) => {
    throw malformed(error.message.replace(/^\d+:\d+: /, ""), parser.line, parser.column + 1);
  });
  parser.on("opentag", (tag) => {
    if (!tree.open(tag)) throw malformed(`more than ${MAX_DEPTH} nested elements`, parser.line);
  });
  parser.on("text", (text) => tree.text(text));
  parser.on("cdata", (text) => tree.text(text));
  parser.on("closetag", () => tree.close());
  let empty = true;
  for (const piece of pieces) {
    // The whole piece is looked at before the parser sees any of it.
    scanner.push(piece);
    if (scanner.finding) throw refused(scanner.finding);
    if (empty && piece.trim() !== "") empty = false;
    parser.write(piece);
  }
  if (empty) throw importError("empty", "The file is empty.");
  parser.close();
  if (!tree.root) throw malformed("the document has no root element", 1);
  return tree.root;
}

// Small readers for the format parsers.
export const elements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== "string" && (!name || c.name === name));

export const firstElement = (el: XmlElement, name: string): XmlElement | undefined =>
  el.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);

/** Text of an element; inline codes (bpt, ept, ph, x…) are skipped, wrapping ones (g, mrk, pc) read through. */
export function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) {
    if (typeof c === "string") s += c;
    else if (!SKIPPED_INLINE.has(c.name)) s += textOf(c);
  }
  return s;
}
const SKIPPED_INLINE = new Set(["bpt", "ept", "it", "ph", "x", "bx", "ex", "sc", "ec", "cp", "sub"]);
