// XLIFF 2.0 as our export writes it (docs/exchange.md): the first target is the core <target>,
// further ones are <prl:target xml:lang> in the unit; unit id = position, type prl:<kind>; exact
// statuses in subState "prl:<status>", notes with prl: attributes, replies with prl:replyTo. Read as
// a stream: each unit becomes an ExchangeUnit as soon as it closes.
import type { ExchangeTarget, ExchangeUnit } from "../types";
import { importError } from "./errors";
import { type FlatNote, orNull, parseAnchor, toThreads, yes } from "./note-threads";
import { elements, firstElement, textOf, type XmlElement } from "./safe-xml";
import { exactStatus, fromXliff20State, kindFrom, statusOrRaw } from "./states";
import type { ParsedFile } from "./types";
import { positionsFrom, readXml } from "./xml-file";

function status(subState: string | undefined, state: string | undefined, text: string) {
  if (subState?.startsWith("prl:")) return exactStatus(subState) ?? statusOrRaw(subState.slice(4));
  return fromXliff20State(state, text);
}

function notesOf(unit: XmlElement): FlatNote[] {
  const notes = firstElement(unit, "notes");
  return (notes ? elements(notes, "note") : []).map((n, i) => {
    const a = n.attrs;
    return {
      ref: a.id ?? `#${i}`,
      replyTo: orNull(a["prl:replyTo"]),
      lang: orNull(a["prl:lang"]),
      author: orNull(a["prl:author"]),
      body: textOf(n),
      createdAt: orNull(a["prl:createdAt"]),
      resolved: yes(a["prl:resolved"]),
      category: orNull(a.category),
      severity: orNull(a["prl:severity"]),
      anchor: parseAnchor(a["prl:anchorSide"], a["prl:anchorStart"], a["prl:anchorEnd"], a["prl:anchorText"]),
    };
  });
}

/** Source and first target: a unit of another tool may split them over several segments. */
function segmentsText(unit: XmlElement, which: "source" | "target"): string | null {
  let text = "";
  let found = false;
  for (const part of elements(unit)) {
    if (part.name !== "segment" && part.name !== "ignorable") continue;
    const el = firstElement(part, which);
    if (el) {
      found = true;
      text += textOf(el);
    } else if (part.name === "ignorable") {
      const source = firstElement(part, "source");
      if (source) text += textOf(source);
    }
  }
  return found ? text : null;
}

export function parseXliff20(bytes: Uint8Array): ParsedFile {
  let trgLang: string | null = null;
  let targetLangs: string[] = [];
  const ids: (string | undefined)[] = [];
  const parsed: ExchangeUnit[] = [];
  const readUnit = (unit: XmlElement, root: XmlElement) => {
    if (ids.length === 0) {
      trgLang = root.attrs.trgLang ?? null;
      targetLangs = (root.attrs["prl:targets"] ?? trgLang ?? "").split(/\s+/).filter(Boolean);
    }
    const targets: Record<string, ExchangeTarget> = {};
    const first = segmentsText(unit, "target");
    const segment = firstElement(unit, "segment");
    if (trgLang && first !== null) {
      targets[trgLang] = {
        text: first,
        status: status(segment?.attrs.subState, segment?.attrs.state, first),
        updatedBy: orNull(unit.attrs["prl:updatedBy"]),
        updatedAt: orNull(unit.attrs["prl:updatedAt"]),
      };
    }
    for (const t of elements(unit, "prl:target")) {
      const lang = t.attrs["xml:lang"];
      if (!lang) continue;
      const text = textOf(t);
      targets[lang] = {
        text,
        status: status(t.attrs.subState, t.attrs.state, text),
        updatedBy: orNull(t.attrs.updatedBy),
        updatedAt: orNull(t.attrs.updatedAt),
      };
      if (!targetLangs.includes(lang)) targetLangs.push(lang);
    }
    ids.push(unit.attrs.id);
    parsed.push({
      position: 0,
      kind: kindFrom(unit.attrs.type?.startsWith("prl:") ? unit.attrs.type.slice(4) : undefined),
      source: segmentsText(unit, "source") ?? "",
      targets,
      notes: toThreads(notesOf(unit)),
    });
  };
  const xliff = readXml(bytes, "xliff", "XLIFF", {
    // Units in a <file>, directly or in groups.
    isRecord: (name, parents) =>
      name === "unit" && parents[1]?.name === "file" && parents.slice(2).every((p) => p.name === "group"),
    onRecord: (unit, parents) => readUnit(unit, parents[0]),
  });
  const files = elements(xliff, "file");
  if (files.length === 0) throw importError("xml_malformed", "This XLIFF has no <file>.", { line: 1 });
  if (ids.length === 0)
    targetLangs = (xliff.attrs["prl:targets"] ?? xliff.attrs.trgLang ?? "").split(/\s+/).filter(Boolean);
  const positions = positionsFrom(ids);
  parsed.forEach((unit, i) => {
    unit.position = positions[i];
  });
  return {
    format: "xliff20",
    bilingual: true,
    title: xliff.attrs["prl:title"] ?? files[0].attrs.original ?? null,
    sourceLang: xliff.attrs.srcLang ?? null,
    targetLangs,
    units: parsed,
  };
}
