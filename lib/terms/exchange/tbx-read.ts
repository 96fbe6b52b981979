// Reads TBX: TBX-Basic v3 (ISO 30042:2019, <tbx>: conceptEntry/langSec/termSec) and v2 <martif>
// files (termEntry/langSet/tig or ntig/termGrp) as translate-toolkit and older tools write them.
// Parsing goes through the document import's safe XML reader: no DOCTYPE declarations, no
// entities, nothing fetched or expanded.
import { importError } from "../../exchange/import/errors";
import { elements, firstElement, parseXml, textOf, type XmlElement } from "../../exchange/import/safe-xml";
import { baseLang } from "../normalize";
import type { FileEntry, FileTranslation, ParsedGlossaryFile } from "./types";

interface Dialect {
  concept: string;
  lang: string;
  /** Term groups and, for ntig, the element inside holding term and termNotes. */
  groups: string[];
}
const V3: Dialect = { concept: "conceptEntry", lang: "langSec", groups: ["termSec"] };
const V2: Dialect = { concept: "termEntry", lang: "langSet", groups: ["tig", "ntig"] };

const clean = (s: string) => s.replace(/\s+/gu, " ").trim();
const typed = (el: XmlElement, name: string, type: string) =>
  elements(el, name).filter((e) => (e.attrs.type ?? "").toLowerCase() === type.toLowerCase());
const firstTyped = (el: XmlElement, name: string, type: string) => {
  const found = typed(el, name, type)[0];
  return found ? clean(textOf(found)) : "";
};
const notes = (el: XmlElement) =>
  elements(el, "note")
    .map((n) => textOf(n).trim())
    .filter(Boolean);
const joined = (...parts: string[][]) => parts.flat().filter(Boolean).join("\n");

interface FileTerm {
  term: string;
  partOfSpeech: string;
  status: string;
  example: string;
  notes: string[];
}

function termsOf(langEl: XmlElement, dialect: Dialect): FileTerm[] {
  const out: FileTerm[] = [];
  for (const group of langEl.children) {
    if (typeof group === "string" || !dialect.groups.includes(group.name)) continue;
    // ntig keeps term and termNotes in a termGrp; tig and termSec hold them directly.
    const holder = firstElement(group, "termGrp") ?? group;
    const termEl = firstElement(holder, "term");
    if (!termEl) continue;
    const note = (type: string) => firstTyped(holder, "termNote", type) || firstTyped(group, "termNote", type);
    out.push({
      term: clean(textOf(termEl)),
      partOfSpeech: note("partOfSpeech"),
      status: note("administrativeStatus") || note("normativeAuthorization"),
      example: firstTyped(group, "descrip", "context"),
      notes: notes(group),
    });
  }
  return out;
}

const langOf = (el: XmlElement) => el.attrs["xml:lang"] ?? el.attrs.lang ?? "";

/** The entries of a TBX file whose source-language terms are in `sourceLang` (one entry per source term). */
export function readTbx(text: string, sourceLang: string): ParsedGlossaryFile {
  const root = parseXml(text);
  const dialect = root.name === "tbx" ? V3 : root.name === "martif" ? V2 : null;
  if (!dialect)
    throw importError("glossary_not_tbx", `The root element is <${root.name}>, not <tbx> or <martif>.`, {
      value: root.name,
    });
  const body = firstElement(firstElement(root, "text") ?? root, "body");
  if (!body) throw importError("glossary_not_tbx", "The file has no <text><body>.", { value: root.name });
  const entries: FileEntry[] = [];
  let withoutSource = 0;
  elements(body, dialect.concept).forEach((concept, i) => {
    const langs = elements(concept, dialect.lang).map((el) => ({ el, lang: langOf(el), terms: termsOf(el, dialect) }));
    const isSource = (lang: string) =>
      lang.toLowerCase() === sourceLang.toLowerCase() || baseLang(lang) === baseLang(sourceLang);
    const source = langs.find((l) => isSource(l.lang) && l.terms.length > 0);
    if (!source) {
      withoutSource++;
      return;
    }
    const translations: FileTranslation[] = langs
      .filter((l) => l !== source && !isSource(l.lang))
      .flatMap((l) => l.terms.map((t) => ({ lang: l.lang, term: t.term, status: t.status, note: t.notes.join("\n") })));
    const definition =
      firstTyped(source.el, "descrip", "definition") ||
      firstTyped(concept, "descrip", "definition") ||
      // translate-toolkit writes a definition as an untyped <descrip> on the termEntry.
      clean(
        elements(concept, "descrip")
          .filter((d) => !d.attrs.type)
          .map(textOf)
          .join(" "),
      );
    // translate-toolkit writes a part of speech as an untyped <termNote> on the termEntry.
    const untypedPos = elements(concept, "termNote").find((n) => !n.attrs.type);
    const conceptPos = firstTyped(concept, "termNote", "partOfSpeech") || (untypedPos ? clean(textOf(untypedPos)) : "");
    // Synonyms in the source language are entries of their own, with the same translations; a
    // forbidden source synonym is not a term to recognise.
    for (const term of source.terms) {
      if (/^(deprecated|superseded)/i.test(term.status)) continue;
      entries.push({
        term: term.term,
        sourceLang,
        translations,
        partOfSpeech: term.partOfSpeech || conceptPos || null,
        definition,
        note: joined(notes(concept), notes(source.el), term.notes),
        example: term.example,
        caseSensitive: concept.attrs["prl:caseSensitive"] === "true",
        position: i + 1,
      });
    }
  });
  return { entries, withoutSource };
}
