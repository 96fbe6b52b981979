// XLIFF 1.2 as our export writes it (docs/exchange.md): one <file> per target language, each with
// every unit (trans-unit id = position, restype x-<kind>); our exact fields in <context-group>s
// named x-prl-target-… and x-prl-note-… (each note's written right after it). Standard
// state/approved are read when ours are absent.
import type { ExchangeUnit } from "../types";
import { importError } from "./errors";
import { type FlatNote, orNull, parseAnchor, toThreads, yes } from "./note-threads";
import { elements, firstElement, textOf, type XmlElement } from "./safe-xml";
import { fromXliff12State, kindFrom, statusOrRaw } from "./states";
import type { ParsedFile } from "./types";
import { positionsFrom, readXml } from "./xml-file";

/** trans-units in document order, groups opened. */
function transUnits(el: XmlElement): XmlElement[] {
  return elements(el).flatMap((c) => (c.name === "trans-unit" ? [c] : c.name === "group" ? transUnits(c) : []));
}

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

export function parseXliff12(bytes: Uint8Array): ParsedFile {
  const xliff = readXml(bytes, "xliff", "XLIFF");
  const files = elements(xliff, "file");
  if (files.length === 0) throw importError("xml_malformed", "This XLIFF has no <file>.", { line: 1 });
  const units = new Map<number, ExchangeUnit>();
  const targetLangs: string[] = [];
  const sourceLang = files[0].attrs["source-language"] ?? null;
  for (const file of files) {
    const lang = file.attrs["target-language"];
    if (lang && !targetLangs.includes(lang)) targetLangs.push(lang);
    const body = firstElement(file, "body");
    const tus = body ? transUnits(body) : [];
    const positions = positionsFrom(tus.map((tu) => tu.attrs.id));
    tus.forEach((tu, i) => {
      const position = positions[i];
      let unit = units.get(position);
      if (!unit) {
        const source = firstElement(tu, "source");
        const kind = kindFrom(tu.attrs.restype?.replace(/^x-/, ""));
        unit = { position, kind, source: source ? textOf(source) : "", targets: {}, notes: [] };
        units.set(position, unit);
      }
      const target = firstElement(tu, "target");
      if (lang && target) {
        const text = textOf(target);
        const c = contexts(elements(tu, "context-group").find((g) => isGroup(g, "x-prl-target")));
        const exact = c.get("x-prl-status");
        unit.targets[lang] = {
          text,
          status: exact
            ? statusOrRaw(exact)
            : fromXliff12State(target.attrs.state, target.attrs["state-qualifier"], tu.attrs.approved === "yes", text),
          updatedBy: orNull(c.get("x-prl-updated-by")),
          updatedAt: orNull(c.get("x-prl-updated-at")),
        };
      }
      unit.notes.push(...toThreads(notesOf(tu)));
    });
  }
  return {
    format: "xliff12",
    bilingual: true,
    title: files[0].attrs.original ?? null,
    sourceLang,
    targetLangs,
    units: [...units.values()],
  };
}
