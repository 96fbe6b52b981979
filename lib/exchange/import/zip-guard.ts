// A DOCX is a zip. Before anything inflates it for real, its directory is read (yauzl) and refused
// when it claims too much (zip bomb), then every part is inflated once with the sizes enforced, so a
// directory that lies is caught too. XML parts must not declare a DOCTYPE (entity expansion).
import yauzl from "yauzl";
import { importError } from "./errors";
import { MAX_DOCX_ENTRIES, MAX_DOCX_INFLATED_BYTES, MAX_DOCX_RATIO } from "./limits";
import { findDoctype } from "./safe-xml";

const SMALL_PART = 1024 * 1024;

function zipBomb(detail: string) {
  return importError("zip_bomb", `The DOCX would inflate to too much data (${detail}); nothing was imported.`, {
    maxBytes: MAX_DOCX_INFLATED_BYTES,
  });
}

/** Inflates a part in full (so its real size is checked) and keeps only its first `keep` bytes. */
async function inflateHead(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of stream) {
    if (kept < keep) {
      chunks.push(chunk as Buffer);
      kept += (chunk as Buffer).length;
    }
  }
  return Buffer.concat(chunks).subarray(0, keep);
}

// A DOCTYPE comes before the root element: the first bytes of a part are enough to find one.
const XML_HEAD_BYTES = 64 * 1024;

/** Checks the zip and returns the names of its parts; throws not_zip, zip_bomb or xml_dtd. */
export async function checkZip(bytes: Uint8Array): Promise<string[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw importError("not_zip", "The file is not a DOCX: it is not a zip archive.");
  }
  try {
    const entries: yauzl.Entry[] = [];
    let total = 0;
    for await (const entry of (zip as unknown as { eachEntry(): AsyncIterable<yauzl.Entry> }).eachEntry()) {
      if (entries.length >= MAX_DOCX_ENTRIES) throw zipBomb(`more than ${MAX_DOCX_ENTRIES} parts`);
      total += entry.uncompressedSize;
      if (total > MAX_DOCX_INFLATED_BYTES) throw zipBomb(`over ${MAX_DOCX_INFLATED_BYTES / 1024 / 1024} MB`);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > SMALL_PART && ratio > MAX_DOCX_RATIO)
        throw zipBomb(`a part compressed ${Math.round(ratio)}:1`);
      entries.push(entry);
    }
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      const isXml = /\.(xml|rels)$/i.test(entry.fileName);
      let head: Buffer;
      try {
        head = await inflateHead(zip, entry, isXml ? XML_HEAD_BYTES : 0);
      } catch (error) {
        // yauzl stops a part at its declared size: more data than declared is a lying directory.
        if (/too many bytes|expected \d+/i.test(String((error as Error).message)))
          throw zipBomb("a part larger than declared");
        throw importError("not_zip", "The file is not a DOCX: its zip archive is damaged.");
      }
      if (isXml) {
        const doctype = findDoctype(head.toString("utf8"));
        if (doctype)
          throw importError("xml_dtd", `The DOCX part ${entry.fileName} declares a DOCTYPE, which is refused.`, {
            part: entry.fileName,
            line: doctype.line,
          });
      }
    }
    return entries.map((e) => e.fileName);
  } finally {
    zip.close();
  }
}
