// TMX 1.4b as our export writes it (docs/exchange.md): one <tu> per paragraph (tuid = position), one
// <tuv> per language, our fields in <prop type="x-…">, notes as <note> each described by the
// <prop type="x-note"> of the same element. A TMX from another tool reads as source + targets.
// Read as a stream: each <tu> becomes a unit as soon as it closes.
import type { ExchangeTarget, ExchangeUnit } from "../types";
import { importError } from "./errors";
import { type FlatNote, orNull, toThreads } from "./note-threads";
import { elements, firstElement, textOf, type XmlElement } from "./safe-xml";
import { statusOrRaw } from "./states";
import type { ParsedFile } from "./types";
import { positionsFrom, provisionalPosition, readXml } from "./xml-file";

const langOf = (el: XmlElement) => el.attrs["xml:lang"] ?? el.attrs.lang ?? "";

function props(el: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of elements(el, "prop")) if (!out.has(p.attrs.type)) out.set(p.attrs.type, textOf(p));
  return out;
}

interface NoteJson {
  replyTo?: number;
  author?: string | null;
  createdAt?: string;
  resolved?: boolean;
  category?: string | null;
  severity?: string | null;
  anchor?: FlatNote["anchor"];
}

/** The k-th <note> of an element with the k-th x-note prop. */
function notesOf(el: XmlElement, lang: string | null, position: number): FlatNote[] {
  const metas = elements(el, "prop").filter((p) => p.attrs.type === "x-note");
  return elements(el, "note").map((note, i) => {
    let meta: NoteJson = {};
    if (metas[i]) {
      try {
        meta = JSON.parse(textOf(metas[i])) as NoteJson;
      } catch {
        throw importError("xml_malformed", `A note of paragraph ${position} has unreadable metadata.`, {
          unit: position,
        });
      }
    }
    return {
      ref: String(i + 1),
      replyTo: meta.replyTo ? String(meta.replyTo) : null,
      lang,
      author: orNull(meta.author),
      body: textOf(note),
      createdAt: meta.createdAt ?? null,
      resolved: meta.resolved === true,
      category: meta.category ?? null,
      severity: meta.severity ?? null,
      anchor: meta.anchor ?? null,
    };
  });
}

export function parseTmx(bytes: Uint8Array): ParsedFile {
  let header: XmlElement | null = null;
  let sourceLang = "";
  const targetLangs = new Set<string>();
  const ids: (string | undefined)[] = [];
  const units: ExchangeUnit[] = [];
  const seg = (tuv: XmlElement) => {
    const s = firstElement(tuv, "seg");
    return s ? textOf(s) : "";
  };
  const readHeader = (el: XmlElement) => {
    header = el;
    sourceLang = el.attrs.srclang ?? "";
    for (const lang of (props(el).get("x-targets") ?? "").split(/\s+/)) if (lang) targetLangs.add(lang);
  };
  const readTu = (tu: XmlElement) => {
    if (!header) throw importError("xml_malformed", "This TMX has no header or no body.", { line: 1 });
    const tuvs = elements(tu, "tuv");
    // "*all*" means any language can be the source: then the first tuv's is.
    if (!sourceLang || sourceLang === "*all*") sourceLang = langOf(tuvs[0] ?? tu) || "";
    const position = provisionalPosition(tu.attrs.tuid, units.length);
    const sourceTuv = tuvs.find((t) => langOf(t).toLowerCase() === sourceLang.toLowerCase());
    const targets: Record<string, ExchangeTarget> = {};
    // Replies refer to notes of the same element, so each element's notes are threaded on their own.
    const notes = toThreads(notesOf(tu, null, position));
    for (const tuv of tuvs) {
      if (tuv === sourceTuv) continue;
      const lang = langOf(tuv);
      const p = props(tuv);
      const text = seg(tuv);
      targets[lang] = {
        text,
        status: p.has("x-status") ? statusOrRaw(p.get("x-status")!) : text === "" ? "new" : "translated",
        updatedBy: p.get("x-updated-by") ?? null,
        updatedAt: p.get("x-updated-at") ?? null,
      };
      targetLangs.add(lang);
      notes.push(...toThreads(notesOf(tuv, lang, position)));
    }
    ids.push(tu.attrs.tuid);
    units.push({
      position,
      kind: (props(tu).get("x-kind") ?? "paragraph") as ExchangeUnit["kind"],
      source: sourceTuv ? seg(sourceTuv) : "",
      targets,
      notes,
    });
  };
  const tmx = readXml(bytes, "tmx", "TMX", {
    isRecord: (name, parents) =>
      (name === "header" && parents.length === 1) || (name === "tu" && parents.at(-1)?.name === "body"),
    onRecord: (el) => (el.name === "header" ? readHeader(el) : readTu(el)),
  });
  if (!header || !firstElement(tmx, "body"))
    throw importError("xml_malformed", "This TMX has no header or no body.", { line: 1 });
  const positions = positionsFrom(ids);
  units.forEach((unit, i) => {
    unit.position = positions[i];
  });
  return {
    format: "tmx",
    bilingual: true,
    title: props(header).get("x-title") ?? null,
    sourceLang: sourceLang || null,
    targetLangs: [...targetLangs],
    units,
  };
}
