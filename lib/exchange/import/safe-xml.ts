// XML in, refusing what could make a parser fetch or expand anything: a DOCTYPE with an internal
// subset, and any ENTITY declaration, are refused before parsing (XXE, billion laughs). A bare
// external id (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, which TMX files carry) declares nothing and is
// never fetched. The parser itself expands no entity (processEntities: false); the five predefined
// ones and character references are decoded here, and any other reference is malformed XML.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { normalizeNewlines } from "./decode-text";
import { importError, lineAt } from "./errors";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlItem[];
}
export type XmlItem = XmlElement | string;

export interface DoctypeFinding {
  line: number;
  kind: "entity" | "internal_subset";
}

/** The first ENTITY declaration or DOCTYPE internal subset (where declarations live), or null. */
export function findDoctype(text: string): DoctypeFinding | null {
  const entity = /<!ENTITY/i.exec(text);
  if (entity) return { line: lineAt(text, entity.index), kind: "entity" };
  const doctype = /<!DOCTYPE/i.exec(text);
  if (!doctype) return null;
  // Up to the first "[" or ">" outside quotes: a "[" opens an internal subset.
  const end = /^(?:[^"'[>]|"[^"]*"|'[^']*')*([[>]|$)/.exec(text.slice(doctype.index + 9));
  if (end?.[1] !== ">") return { line: lineAt(text, doctype.index), kind: "internal_subset" };
  return null;
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const REFERENCE = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;

function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(REFERENCE, (_, name: string) => {
    if (name[0] !== "#") return PREDEFINED[name];
    const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return String.fromCodePoint(code);
  });
}

// Namespaces we read by URI, so a file may bind them to any prefix.
const KNOWN_NAMESPACES: Record<string, string> = {
  "urn:parallel:exchange:1": "prl",
  "http://www.w3.org/XML/1998/namespace": "xml",
  "urn:oasis:names:tc:xliff:metadata:2.0": "mda",
};

type Scope = Map<string, string>;

function canonical(name: string, scope: Scope): string {
  const colon = name.indexOf(":");
  if (colon < 0) return name;
  const prefix = name.slice(0, colon);
  const uri = scope.get(prefix);
  const known = uri ? KNOWN_NAMESPACES[uri] : undefined;
  return known ? `${known}:${name.slice(colon + 1)}` : name;
}

type RawNode = Record<string, unknown>;

function convert(nodes: RawNode[], parentScope: Scope): XmlItem[] {
  const out: XmlItem[] = [];
  for (const node of nodes) {
    if ("#text" in node) {
      out.push(decodeEntities(String(node["#text"])));
      continue;
    }
    if ("#cdata" in node) {
      for (const part of node["#cdata"] as RawNode[]) out.push(String(part["#text"] ?? ""));
      continue;
    }
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name) continue;
    const rawAttrs = (node[":@"] ?? {}) as Record<string, string>;
    let scope = parentScope;
    for (const [key, value] of Object.entries(rawAttrs)) {
      if (key.startsWith("xmlns:")) {
        if (scope === parentScope) scope = new Map(parentScope);
        scope.set(key.slice(6), decodeEntities(value));
      }
    }
    const attrs: Record<string, string> = {};
    // Literal tabs and newlines in an attribute are spaces (XML attribute-value normalisation);
    // &#9; and &#10; stay what they are.
    for (const [key, value] of Object.entries(rawAttrs))
      attrs[canonical(key, scope)] = decodeEntities(String(value).replace(/[\t\n]/g, " "));
    out.push({ name: canonical(name, scope), attrs, children: convert(node[name] as RawNode[], scope) });
  }
  return out;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  allowBooleanAttributes: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: "#cdata",
  maxNestedTags: 200,
});

function malformed(message: string, line?: number, column?: number) {
  const where = line ? ` at line ${line}${column ? `, column ${column}` : ""}` : "";
  return importError("xml_malformed", `The XML is malformed${where}: ${message}`, { line, column });
}

/** Parses XML text into a small element tree; throws xml_dtd or xml_malformed with the line. */
export function parseXml(source: string): XmlElement {
  const text = normalizeNewlines(source);
  if (text.trim() === "") throw importError("empty", "The file is empty.");
  const doctype = findDoctype(text);
  if (doctype) {
    throw importError(
      "xml_dtd",
      `The XML declares ${doctype.kind === "entity" ? "entities" : "a DOCTYPE with declarations"} at line ${doctype.line}; it is refused and nothing was expanded or fetched.`,
      { line: doctype.line, kind: doctype.kind },
    );
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) throw malformed(valid.err.msg, valid.err.line, valid.err.col || undefined);
  // Comments and CDATA may hold "&" freely; elsewhere only the predefined and numeric references exist.
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, " "));
  const stray = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[^\s;<]*;?/.exec(blanked);
  if (stray) throw malformed(`undefined entity or bare "&" (${stray[0].slice(0, 20)})`, lineAt(blanked, stray.index));
  const badChar = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;
  for (const m of blanked.matchAll(badChar)) {
    const code = m[1] ? Number.parseInt(m[1], 16) : Number(m[2]);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      throw malformed(`invalid character reference ${m[0]}`, lineAt(blanked, m.index));
  }
  let raw: RawNode[];
  try {
    raw = parser.parse(text) as RawNode[];
  } catch (error) {
    const message = (error as Error).message;
    throw malformed(message, Number(/line:? (\d+)/i.exec(message)?.[1] ?? 1));
  }
  const roots = convert(raw, new Map()).filter((n): n is XmlElement => typeof n !== "string");
  if (roots.length !== 1) throw malformed("the document must have exactly one root element", 1);
  return roots[0];
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
