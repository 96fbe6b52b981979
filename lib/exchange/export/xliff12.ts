// XLIFF 1.2 (strict schema): one <file> per target language, each listing every paragraph. The strict
// schema refuses undeclared foreign attributes, so what it has no attribute for goes into
// context-groups with x- context types (docs/exchange.md).
import type { ExchangeSource } from "../read-document";
import type { ExchangeNote, ExchangeUnit, ExportRequest } from "../types";
import { xmlAttrs, xmlElement } from "../xml";
import { Chunker } from "./common";
import { xliff12OriginQualifier, xliff12State } from "./status-map";

const I = "      ";

function contextGroup(name: string, contexts: [string, string | null | undefined][]): string {
  let out = `${I}<context-group${xmlAttrs({ name, purpose: "information" })}>\n`;
  for (const [type, value] of contexts) {
    if (value === null || value === undefined) continue;
    out += `${I}  ${xmlElement("context", { "context-type": type }, value)}\n`;
  }
  return `${out}${I}</context-group>\n`;
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

// context-group names are unique within a <file>, hence the position in them.
function notesXml(notes: ExchangeNote[], position: number): string {
  let out = "";
  let k = 0;
  for (const note of notes) {
    k++;
    const thread = k;
    const annotates = note.anchor ? note.anchor.side : "general";
    out += `${I}${xmlElement("note", { from: note.author, annotates }, note.body)}\n`;
    out += contextGroup(`x-prl-note-${position}-${k}`, [
      ["x-prl-lang", note.lang],
      ["x-prl-created-at", note.createdAt],
      ["x-prl-resolved", yesNo(note.resolved)],
      ["x-prl-category", note.category],
      ["x-prl-severity", note.severity],
      ["x-prl-anchor-side", note.anchor?.side],
      ["x-prl-anchor-start", note.anchor ? String(note.anchor.start) : null],
      ["x-prl-anchor-end", note.anchor ? String(note.anchor.end) : null],
      ["x-prl-anchor-text", note.anchor?.text],
    ]);
    for (const reply of note.replies) {
      k++;
      out += `${I}${xmlElement("note", { from: reply.author, annotates }, reply.body)}\n`;
      out += contextGroup(`x-prl-note-${position}-${k}`, [
        ["x-prl-lang", note.lang],
        ["x-prl-created-at", reply.createdAt],
        ["x-prl-resolved", yesNo(reply.resolved)],
        ["x-prl-reply-to", String(thread)],
      ]);
    }
  }
  return out;
}

function transUnit(unit: ExchangeUnit, lang: string, first: boolean): string {
  const target = unit.targets[lang];
  const attrs = {
    id: unit.position,
    resname: unit.position,
    restype: `x-${unit.kind}`,
    "xml:space": "preserve",
    approved: target?.status === "approved" ? "yes" : null,
  };
  let out = `    <trans-unit${xmlAttrs(attrs)}>\n${I}${xmlElement("source", {}, unit.source)}\n`;
  if (target) {
    const { state, qualifier } = xliff12State[target.status];
    const origin = target.origin ?? null;
    const attrs = { state, "state-qualifier": qualifier ?? xliff12OriginQualifier(origin) };
    out += `${I}${xmlElement("target", attrs, target.text)}\n`;
    out += contextGroup(`x-prl-target-${unit.position}`, [
      ["x-prl-status", target.status],
      ["x-prl-updated-by", target.updatedBy],
      ["x-prl-updated-at", target.updatedAt],
      ["x-prl-origin", origin?.kind],
      ["x-prl-match-quality", origin ? String(origin.score) : null],
      ["x-prl-origin-name", origin?.name],
      ["x-prl-origin-edited", origin ? yesNo(origin.edited) : null],
    ]);
  }
  // Notes about this language; those about the paragraph as a whole only once, in the first file.
  out += notesXml(
    unit.notes.filter((n) => n.lang === lang || (first && n.lang === null)),
    unit.position,
  );
  return `${out}    </trans-unit>\n`;
}

export async function* writeXliff12(source: ExchangeSource, _request: ExportRequest): AsyncGenerator<Uint8Array> {
  const { header } = source;
  const out = new Chunker();
  out.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n',
  );
  for (const [index, lang] of header.targetLangs.entries()) {
    const fileAttrs = {
      original: header.title,
      "source-language": header.sourceLang,
      "target-language": lang,
      datatype: "plaintext",
      "tool-id": "parallel",
    };
    out.write(
      `<file${xmlAttrs(fileAttrs)}>\n  <header><tool tool-id="parallel" tool-name="Parallel"/></header>\n  <body>\n`,
    );
    // XLIFF 1.2 has one target language a file: the document is read once per file.
    for await (const page of source.pages()) {
      for (const unit of page) out.write(transUnit(unit, lang, index === 0));
      yield* out.take();
    }
    out.write("  </body>\n</file>\n");
  }
  out.write("</xliff>\n");
  yield* out.end();
}
