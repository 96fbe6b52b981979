// A TMX file read as a stream (saxes): a million units never sit in memory at once. The same
// refusals as a document import (lib/exchange/import/safe-xml.ts): a DOCTYPE with an internal
// subset or any ENTITY declaration, undefined entities, malformed XML, text that is not UTF-8 or
// UTF-16 with a byte order mark. Inline codes (bpt, ept, ph, it, ut…) are left out of the text,
// wrapping ones (hi, g) read through, as the document import reads them.
import { SaxesParser } from "saxes";
import { importError } from "../exchange/import/errors";
import { findDoctype } from "../exchange/import/safe-xml";

export interface TmxHeader {
  srclang: string | null;
  creationtool: string | null;
}

export interface TmxTarget {
  lang: string;
  text: string;
  /** Our own export's status (<prop type="x-status">), or null. */
  status: string | null;
  author: string | null;
  /** changedate or creationdate (TMX's YYYYMMDDThhmmssZ), as written. */
  date: string | null;
}

export interface TmxUnit {
  /** 1-based position of the <tu> in the file. */
  index: number;
  sourceLang: string;
  source: string;
  targets: TmxTarget[];
  props: Map<string, string>;
}

const SKIPPED_INLINE = new Set(["bpt", "ept", "it", "ph", "ut", "x", "bx", "ex", "sc", "ec", "cp", "sub"]);

interface Tuv {
  lang: string;
  text: string;
  props: Map<string, string>;
  author: string | null;
  date: string | null;
}

interface OpenTu {
  props: Map<string, string>;
  tuvs: Tuv[];
  srclang: string | null;
  author: string | null;
  date: string | null;
}

/** Bytes to text chunk by chunk: a byte order mark picks UTF-16; otherwise the text must be UTF-8. */
function decoder() {
  let decode: TextDecoder | null = null;
  return (chunk: Uint8Array, end: boolean): string => {
    if (!decode) {
      const le = chunk[0] === 0xff && chunk[1] === 0xfe;
      const be = chunk[0] === 0xfe && chunk[1] === 0xff;
      decode = new TextDecoder(le ? "utf-16le" : be ? "utf-16be" : "utf-8", { fatal: true });
    }
    try {
      return decode.decode(chunk, { stream: !end });
    } catch {
      throw importError("not_text", "The file is not UTF-8 text (nor UTF-16 with a byte order mark).");
    }
  };
}

/**
 * Reads the file, calling `onUnits` with the units of each chunk (awaited before the next chunk is
 * read). Throws an import error (invalid_input with a reason and the line) for what it refuses.
 */
export async function readTmx(
  source: AsyncIterable<Uint8Array>,
  onUnits: (units: TmxUnit[], header: TmxHeader) => Promise<void> | void,
): Promise<{ header: TmxHeader; units: number }> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const header: TmxHeader = { srclang: null, creationtool: null };
  const ready: TmxUnit[] = [];
  let count = 0;
  let error: Error | null = null;
  let root: string | null = null;
  let tu: OpenTu | null = null;
  let tuv: Tuv | null = null;
  let prop: { type: string; text: string; into: Map<string, string> } | null = null;
  let inSeg = false;
  let skipped = 0;

  const fail = (reason: "xml_malformed", message: string) => {
    error ??= importError(reason, `${message} (line ${parser.line})`, { line: parser.line, column: parser.column });
  };
  parser.on("error", (e) => fail("xml_malformed", `The XML is malformed: ${e.message.replace(/^\d+:\d+: /, "")}`));
  // Refused before the parser sees them, as the document import refuses them: a DOCTYPE with an
  // internal subset (searched in the text before the root element) and an ENTITY declaration
  // anywhere (searched in every chunk, with the end of the one before for one split across two).
  let prolog = "";
  let tail = "";
  let lines = 0;
  const refuseDoctype = (xml: string) => {
    const found = findDoctype(root ? tail + xml : prolog + xml);
    if (!found) return;
    const line = found.line + (root ? lines - lineCount(tail) : 0);
    throw importError(
      "xml_dtd",
      `The XML declares ${found.kind === "entity" ? "entities" : "a DOCTYPE with declarations"} at line ${line}; it is refused and nothing was expanded or fetched.`,
      { line, kind: found.kind },
    );
  };
  parser.on("opentag", (tag) => {
    const name = tag.name;
    const attrs = tag.attributes as Record<string, string>;
    if (!root) {
      root = name;
      if (name !== "tmx") fail("xml_malformed", `This XML is not TMX: its root element is <${name}>`);
    }
    if (skipped > 0 || (inSeg && SKIPPED_INLINE.has(name))) {
      skipped++;
      return;
    }
    if (name === "header") {
      header.srclang = attrs.srclang ?? null;
      header.creationtool = attrs.creationtool ?? null;
    } else if (name === "tu") {
      tu = {
        props: new Map(),
        tuvs: [],
        srclang: attrs.srclang ?? null,
        author: attrs.changeid ?? attrs.creationid ?? null,
        date: attrs.changedate ?? attrs.creationdate ?? null,
      };
    } else if (name === "tuv" && tu) {
      tuv = {
        lang: attrs["xml:lang"] ?? attrs.lang ?? "",
        text: "",
        props: new Map(),
        author: attrs.changeid ?? attrs.creationid ?? tu.author,
        date: attrs.changedate ?? attrs.creationdate ?? tu.date,
      };
    } else if (name === "seg" && tuv) {
      inSeg = true;
    } else if (name === "prop" && (tuv || tu)) {
      prop = { type: attrs.type ?? "", text: "", into: tuv ? tuv.props : tu!.props };
    }
  });
  parser.on("text", (text) => {
    if (skipped > 0) return;
    if (inSeg && tuv) tuv.text += text;
    else if (prop) prop.text += text;
  });
  parser.on("cdata", (text) => {
    if (skipped === 0 && inSeg && tuv) tuv.text += text;
  });
  parser.on("closetag", (tag) => {
    if (skipped > 0) {
      skipped--;
      return;
    }
    const name = tag.name;
    if (name === "seg") inSeg = false;
    else if (name === "prop" && prop) {
      if (!prop.into.has(prop.type)) prop.into.set(prop.type, prop.text);
      prop = null;
    } else if (name === "tuv" && tu && tuv) {
      tu.tuvs.push(tuv);
      tuv = null;
    } else if (name === "tu" && tu) {
      count++;
      const unit = toUnit(tu, header, count);
      if (unit) ready.push(unit);
      tu = null;
    }
  });

  const decode = decoder();
  let first = true;
  const feed = async (text: string) => {
    // A byte order mark decoded as U+FEFF is not part of the XML.
    const xml = first ? text.replace(/^\uFEFF/, "") : text;
    refuseDoctype(xml);
    if (!root) prolog += xml;
    tail = (tail + xml).slice(-16);
    lines += lineCount(xml);
    parser.write(xml);
    first = false;
    if (error) throw error;
    if (ready.length > 0) await onUnits(ready.splice(0), header);
  };
  let empty = true;
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    empty = false;
    await feed(decode(chunk, false));
  }
  if (empty) throw importError("empty", "The file is empty.");
  await feed(decode(new Uint8Array(), true));
  parser.close();
  if (error) throw error;
  if (root !== "tmx") throw importError("xml_malformed", "This XML is not TMX: it has no <tmx> element.", { line: 1 });
  if (ready.length > 0) await onUnits(ready.splice(0), header);
  return { header, units: count };
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function toUnit(tu: OpenTu, header: TmxHeader, index: number): TmxUnit | null {
  let srclang = tu.srclang ?? header.srclang ?? "";
  if (srclang === "*all*" || srclang === "") srclang = tu.tuvs[0]?.lang ?? "";
  // uk-UA in a tuv is the header's uk (and the other way round): tools disagree on regions.
  const primary = (code: string) => code.toLowerCase().split(/[-_]/)[0];
  const sourceTuv =
    tu.tuvs.find((t) => t.lang.toLowerCase() === srclang.toLowerCase()) ??
    tu.tuvs.find((t) => primary(t.lang) === primary(srclang));
  if (!sourceTuv) return null;
  return {
    index,
    sourceLang: sourceTuv.lang,
    source: sourceTuv.text,
    targets: tu.tuvs
      .filter((t) => t !== sourceTuv)
      .map((t) => ({
        lang: t.lang,
        text: t.text,
        status: t.props.get("x-status") ?? null,
        author: t.author,
        date: t.date,
      })),
    props: tu.props,
  };
}
