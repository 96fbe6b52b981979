// Shared by the XML formats: bytes to an element tree, and positions that fall back to file order
// when a file from another tool numbers its units otherwise.
import { decodeText } from "./decode-text";
import { importError } from "./errors";
import { parseXml, type XmlElement } from "./safe-xml";

export function readXml(bytes: Uint8Array, rootName: string, label: string): XmlElement {
  const root = parseXml(decodeText(bytes).text);
  if (root.name.replace(/^.*:/, "") !== rootName)
    throw importError("xml_malformed", `This XML is not ${label}: its root element is <${root.name}>.`, { line: 1 });
  return root;
}

/** Numeric ids as positions if they are all distinct positive integers; else 1, 2, 3… in file order. */
export function positionsFrom(ids: (string | undefined)[]): number[] {
  const numbers = ids.map((id) => (id && /^[1-9]\d{0,8}$/.test(id) ? Number(id) : Number.NaN));
  const distinct = new Set(numbers);
  if (numbers.every((n) => !Number.isNaN(n)) && distinct.size === numbers.length) return numbers;
  return ids.map((_, i) => i + 1);
}
