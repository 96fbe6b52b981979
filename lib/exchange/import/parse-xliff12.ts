// XLIFF 1.2 as our export writes it (docs/exchange.md): one <file> per target language, each with
// every unit (trans-unit id = position, restype x-<kind>); our exact fields in <context-group>s
// named x-prl-target-… and x-prl-note-… (each note's written right after it). Standard
// state/approved are read when ours are absent. Read as a stream: each trans-unit is reduced to what
// it says as soon as it closes.
import type { ExchangeNote, ExchangeTarget, ExchangeUnit } from "../types";
import { importError } from "./errors";
import { type FlatNote, orNull, parseAnchor, toThreads, yes } from "./note-threads";
import { elements, firstElement, textOf, type XmlElement } from "./safe-xml";
import { fromXliff12State, kindFrom, statusOrRaw } from "./states";
import type { ParsedFile } from "./types";
import { positionsFrom, readXml } from "./xml-file";

const isGroup = (el: XmlElement | undefined, prefix: string) =>
  el?.name === "context-group" && (el.attrs.name ?? "").startsWith(prefix);

function contexts(group: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of group ? elements(group, "context") : []) out.set(c.attrs["context-type"], textOf(c));
  return out;
}

function notesOf(unit: XmlElement): FlatNote[] {
  const children = elements(unit);
  const notes = children.filter((el) => el.name === "note");
  return notes.map((note, i) => {
    const next = children[children.indexOf(note) + 1];
    const c = contexts(isGroup(next, "x-prl-note-") ? next : undefined);
    return {
      ref: String(i + 1),
      replyTo: orNull(c.get("x-prl-reply-to")),
      lang: orNull(c.get("x-prl-lang")),
      author: orNull(note.attrs.from),
      body: textOf(note),
      createdAt: orNull(c.get("x-prl-created-at")),
      resolved: yes(c.get("x-prl-resolved")),
      category: orNull(c.get("x-prl-category")),
      severity: orNull(c.get("x-prl-severity")),
      anchor: parseAnchor(
        c.get("x-prl-anchor-side"),
        c.get("x-prl-anchor-start"),
        c.get("x-prl-anchor-end"),
        c.get("x-prl-anchor-text"),
      ),
    };
  });
}

/** What a trans-unit says, kept until its <file> is read to the end (its positions need every id). */
interface Read {
  id: string | undefined;
  source: string;
  kind: ExchangeUnit["kind"];
  target: ExchangeTarget | null;
  notes: ExchangeNote[];
}

function readTransUnit(tu: XmlElement, lang: string | undefined): Read {
  const source = firstElement(tu, "source");
  const target = firstElement(tu, "target");
  let read: ExchangeTarget | null = null;
  if (lang && target) {
    const text = textOf(target);
    const c = contexts(elements(tu, "context-group").find((g) => isGroup(g, "x-prl-target")));
    const exact = c.get("x-prl-status");
    read = {
      text,
      status: exact
        ? statusOrRaw(exact)
        : fromXliff12State(target.attrs.state, target.attrs["state-qualifier"], tu.attrs.approved === "yes", text),
      updatedBy: orNull(c.get("x-prl-updated-by")),
      updatedAt: orNull(c.get("x-prl-updated-at")),
    };
  }
  return {
    id: tu.attrs.id,
    source: source ? textOf(source) : "",
    kind: kindFrom(tu.attrs.restype?.replace(/^x-/, "")),
    target: read,
    notes: toThreads(notesOf(tu)),
  };
}

export function parseXliff12(bytes: Uint8Array): ParsedFile {
  // Per <file>, in order: its trans-units (inside <body>, groups opened).
  const files = new Map<XmlElement, Read[]>();
  const xliff = readXml(bytes, "xliff", "XLIFF", {
    isRecord: (name, parents) =>
      name === "trans-unit" &&
      parents[1]?.name === "file" &&
      parents[2]?.name === "body" &&
      parents.slice(3).every((p) => p.name === "group"),
    onRecord: (tu, parents) => {
      const file = parents[1];
      const list = files.get(file) ?? [];
      if (list.length === 0) files.set(file, list);
      list.push(readTransUnit(tu, file.attrs["target-language"]));
    },
  });
  const fileElements = elements(xliff, "file");
  if (fileElements.length === 0) throw importError("xml_malformed", "This XLIFF has no <file>.", { line: 1 });
  const units = new Map<number, ExchangeUnit>();
  const targetLangs: string[] = [];
  for (const file of fileElements) {
    const lang = file.attrs["target-language"];
    if (lang && !targetLangs.includes(lang)) targetLangs.push(lang);
    const reads = files.get(file) ?? [];
    const positions = positionsFrom(reads.map((r) => r.id));
    reads.forEach((r, i) => {
      const position = positions[i];
      let unit = units.get(position);
      if (!unit) {
        unit = { position, kind: r.kind, source: r.source, targets: {}, notes: [] };
        units.set(position, unit);
      }
      if (lang && r.target) unit.targets[lang] = r.target;
      unit.notes.push(...r.notes);
    });
  }
  return {
    format: "xliff12",
    bilingual: true,
    title: fileElements[0].attrs.original ?? null,
    sourceLang: fileElements[0].attrs["source-language"] ?? null,
    targetLangs,
    units: [...units.values()],
  };
}
