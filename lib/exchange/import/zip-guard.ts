// A DOCX is a zip. Before anything reads it, its directory is read (yauzl) and refused when it
// claims too much (zip bomb), then every part is inflated once with the sizes enforced, so a
// directory that lies is caught too. Every XML part (*.xml, *.rels) is scanned in full as it
// inflates: none may declare an entity or a DOCTYPE with an internal subset, however far into the
// part (the parser that reads a part scans it again, so a part read as XML under another name is
// covered as well). Only then are parts handed out to be read.
import yauzl from "yauzl";
import { isAppError } from "../../errors";
import { DoctypeScanner } from "./doctype-scan";
import { importError } from "./errors";
import { MAX_DOCX_ENTRIES, MAX_DOCX_INFLATED_BYTES, MAX_DOCX_RATIO } from "./limits";

const SMALL_PART = 1024 * 1024;

function zipBomb(detail: string) {
  return importError("zip_bomb", `The DOCX would inflate to too much data (${detail}); nothing was imported.`, {
    maxBytes: MAX_DOCX_INFLATED_BYTES,
  });
}

const damaged = () => importError("not_zip", "The file is not a DOCX: its zip archive is damaged.");

/** XML text as it inflates: UTF-16 when a byte order mark says so, else UTF-8 (whose markup is ASCII). */
function xmlDecoder(first: Buffer): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/** Inflates a part in full, so its real size is checked; an XML part's text goes through the scan. */
async function inflateChecked(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  const isXml = /\.(xml|rels)$/i.test(entry.fileName);
  const scanner = new DoctypeScanner();
  let decoder: TextDecoder | null = null;
  let stream: NodeJS.ReadableStream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw damaged();
  }
  try {
    for await (const chunk of stream) {
      if (!isXml) continue;
      decoder ??= xmlDecoder(chunk as Buffer);
      scanner.push(decoder.decode(chunk as Buffer, { stream: true }));
      if (scanner.finding) break;
    }
    if (decoder && !scanner.finding) scanner.push(decoder.decode());
  } catch (error) {
    // yauzl stops a part at its declared size: more data than declared is a lying directory.
    if (/too many bytes|expected \d+/i.test(String((error as Error).message)))
      throw zipBomb("a part larger than declared");
    throw damaged();
  } finally {
    (stream as unknown as { destroy(): void }).destroy();
  }
  const finding = scanner.finding;
  if (finding)
    throw importError("xml_dtd", `The DOCX part ${entry.fileName} declares a DOCTYPE, which is refused.`, {
      part: entry.fileName,
      line: finding.line,
    });
}

export interface CheckedZip {
  names: string[];
  /** A part's bytes, or null when there is no such part. */
  read(name: string): Promise<Uint8Array | null>;
  close(): void;
}

/** Checks the zip and returns its parts to read; throws not_zip, zip_bomb or xml_dtd. */
export async function checkZip(bytes: Uint8Array): Promise<CheckedZip> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw importError("not_zip", "The file is not a DOCX: it is not a zip archive.");
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    for await (const entry of (zip as unknown as { eachEntry(): AsyncIterable<yauzl.Entry> }).eachEntry()) {
      if (entries.size >= MAX_DOCX_ENTRIES) throw zipBomb(`more than ${MAX_DOCX_ENTRIES} parts`);
      total += entry.uncompressedSize;
      if (total > MAX_DOCX_INFLATED_BYTES) throw zipBomb(`over ${MAX_DOCX_INFLATED_BYTES / 1024 / 1024} MB`);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > SMALL_PART && ratio > MAX_DOCX_RATIO)
        throw zipBomb(`a part compressed ${Math.round(ratio)}:1`);
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
    }
    for (const entry of entries.values()) if (!entry.fileName.endsWith("/")) await inflateChecked(zip, entry);
    return {
      names: [...entries.keys()],
      read: async (name) => {
        const entry = entries.get(name);
        if (!entry) return null;
        const chunks: Buffer[] = [];
        for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
        return new Uint8Array(Buffer.concat(chunks));
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    // yauzl reads the directory entry by entry: a damaged one is a damaged archive, not our failure.
    throw isAppError(error) ? error : damaged();
  }
}
