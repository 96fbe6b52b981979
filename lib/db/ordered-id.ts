// Ids for rows written in bulk (a document's paragraphs and translations, imported notes). Random
// UUIDs land all over a table's primary-key B-tree, and the unique (segmentId, lang) index with
// them, so a 20,000-paragraph document took twice as long to insert, more as the tables grew; these
// grow with time (milliseconds, then a counter within the process), so rows written together sit
// together and an import appends to its indexes. A random part drawn once per process keeps them
// unique across processes (the server and the command line) without a random draw per id.
import { randomBytes } from "node:crypto";

const processPart = randomBytes(5).toString("hex");
let counter = 0;

export function orderedId(): string {
  counter = (counter + 1) % 36 ** 6;
  return `${Date.now().toString(36).padStart(9, "0")}${counter.toString(36).padStart(6, "0")}${processPart}`;
}
