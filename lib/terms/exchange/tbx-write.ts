// Writes TBX-Basic v3 (ISO 30042:2019, DCA style): one conceptEntry per entry, a langSec for the
// source language and one per target language, each term a termSec with its administrativeStatus.
// What TBX-Basic has no data category for (case-sensitive matching) is an attribute in Parallel's
// namespace, which other tools ignore.
import { escapeXmlAttr as attr, escapeXmlText as text } from "../../exchange/xml";
import type { TermStatus } from "../types";
import { STATUS_OUT } from "./status-map";

export interface TbxEntry {
  id: string;
  term: string;
  sourceLang: string;
  partOfSpeech: string | null;
  definition: string;
  note: string;
  example: string;
  caseSensitive: boolean;
  translations: { lang: string; term: string; status: string; note: string }[];
}

const RNG =
  "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng";

function termSec(indent: string, term: string, lines: string[]): string {
  const inner = lines.map((l) => `${indent}  ${l}\n`).join("");
  return `${indent}<termSec>\n${indent}  <term>${text(term)}</term>\n${inner}${indent}</termSec>\n`;
}

export function writeTbx(entries: TbxEntry[], sourceLang: string, title: string): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<?xml-model href="${RNG}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n`;
  out += `<tbx style="dca" type="TBX-Basic" xml:lang="${attr(sourceLang)}" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:prl="urn:parallel:exchange:1">\n`;
  out += `  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>${text(title)}</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n`;
  out += "  <text>\n    <body>\n";
  for (const e of entries) {
    const cs = e.caseSensitive ? ' prl:caseSensitive="true"' : "";
    out += `      <conceptEntry id="${attr(`c-${e.id}`)}"${cs}>\n`;
    out += `        <langSec xml:lang="${attr(e.sourceLang)}">\n`;
    if (e.definition) out += `          <descrip type="definition">${text(e.definition)}</descrip>\n`;
    const sourceLines = [
      ...(e.partOfSpeech ? [`<termNote type="partOfSpeech">${text(e.partOfSpeech)}</termNote>`] : []),
      ...(e.example ? [`<descrip type="context">${text(e.example)}</descrip>`] : []),
      ...(e.note ? [`<note>${text(e.note)}</note>`] : []),
    ];
    out += termSec("          ", e.term, sourceLines);
    out += "        </langSec>\n";
    const langs = [...new Set(e.translations.map((t) => t.lang))];
    for (const lang of langs) {
      out += `        <langSec xml:lang="${attr(lang)}">\n`;
      for (const t of e.translations.filter((x) => x.lang === lang)) {
        const lines = [
          `<termNote type="administrativeStatus">${STATUS_OUT[t.status as TermStatus]}</termNote>`,
          ...(t.note ? [`<note>${text(t.note)}</note>`] : []),
        ];
        out += termSec("          ", t.term, lines);
      }
      out += "        </langSec>\n";
    }
    out += "      </conceptEntry>\n";
  }
  out += "    </body>\n  </text>\n</tbx>\n";
  return out;
}
