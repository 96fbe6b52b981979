// Shared by the XML formats: bytes streamed into records (safe-xml.ts) under a root of the expected
// name, and positions that fall back to file order when a file from another tool numbers its units
// otherwise.
import { importError } from "./errors";
import { streamXml, type XmlElement, type XmlRecords } from "./safe-xml";

/** Streams the file, handing each record over as it closes; returns the root without its records. */
export function readXml(bytes: Uint8Array, rootName: string, label: string, records: XmlRecords): XmlElement {
  return streamXml(bytes, {
    records,
    onRoot: (name) => {
      if (name.replace(/^.*:/, "") !== rootName)
        throw importError("xml_malformed", `This XML is not ${label}: its root element is <${name}>.`, { line: 1 });
    },
  });
}

const POSITION = /^[1-9]\d{0,8}$/;

/** Numeric ids as positions if they are all distinct positive integers; else 1, 2, 3… in file order. */
export function positionsFrom(ids: (string | undefined)[]): number[] {
  const numbers = ids.map((id) => (id && POSITION.test(id) ? Number(id) : Number.NaN));
  const distinct = new Set(numbers);
  if (numbers.every((n) => !Number.isNaN(n)) && distinct.size === numbers.length) return numbers;
  return ids.map((_, i) => i + 1);
}

/** The position an error names while the file is still being read (the id, else the order so far). */
export function provisionalPosition(id: string | undefined, index: number): number {
  return id && POSITION.test(id) ? Number(id) : index + 1;
}
