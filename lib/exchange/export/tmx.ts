// TMX 1.4b: one <tu> per paragraph with a <tuv> for the source and one per target. The DTD declares no
// namespaces, so everything TMX has no attribute for is a <prop type="x-…"> (docs/exchange.md).
import type { ExchangeSource } from "../read-document";
import type { ExchangeNote, ExchangeTarget, ExchangeUnit, ExportRequest } from "../types";
import { escapeXmlText, xmlAttrs, xmlElement } from "../xml";
import { Chunker } from "./common";
import { tmxDate } from "./status-map";

const prop = (type: string, value: string) => `${xmlElement("prop", { type }, value)}`;

/** Each note as its x-note prop followed by the <note>; replies follow their thread (docs/exchange.md). */
function notesXml(notes: ExchangeNote[], indent: string): string {
  let out = "";
  let index = 0;
  for (const note of notes) {
    index++;
    const thread = index;
    const { author, createdAt, resolved, category, severity, anchor } = note;
    out += `${indent}${prop("x-note", JSON.stringify({ author, createdAt, resolved, category, severity, anchor }))}\n`;
    out += `${indent}${xmlElement("note", {}, note.body)}\n`;
    for (const reply of note.replies) {
      index++;
      const meta = { replyTo: thread, author: reply.author, createdAt: reply.createdAt, resolved: reply.resolved };
      out += `${indent}${prop("x-note", JSON.stringify(meta))}\n`;
      out += `${indent}${xmlElement("note", {}, reply.body)}\n`;
    }
  }
  return out;
}

// The paragraph's texts are written to the chunk as they are (escaped only where needed), not
// concatenated into a string per <tu> first: that string was most of an export's garbage.
function writeTargetTuv(out: Chunker, lang: string, target: ExchangeTarget, notes: ExchangeNote[]) {
  const attrs = {
    "xml:lang": lang,
    changeid: target.updatedBy,
    changedate: target.updatedAt ? tmxDate(target.updatedAt) : null,
  };
  let head = `    <tuv${xmlAttrs(attrs)}>\n      ${prop("x-status", target.status)}\n`;
  if (target.updatedBy !== null) head += `      ${prop("x-updated-by", target.updatedBy)}\n`;
  if (target.updatedAt !== null) head += `      ${prop("x-updated-at", target.updatedAt)}\n`;
  const origin = target.origin;
  if (origin) {
    head += `      ${prop("x-origin", origin.kind)}\n      ${prop("x-match-quality", String(origin.score))}\n`;
    if (origin.name !== null) head += `      ${prop("x-origin-name", origin.name)}\n`;
    if (origin.edited) head += `      ${prop("x-origin-edited", "yes")}\n`;
  }
  out.write(head);
  if (notes.length > 0) out.write(notesXml(notes, "      "));
  out.write("      <seg>");
  out.write(escapeXmlText(target.text));
  out.write("</seg>\n    </tuv>\n");
}

const isPristine = (t: ExchangeTarget) => t.text === "" && t.status === "new" && t.updatedAt === null;

function writeTu(out: Chunker, unit: ExchangeUnit, sourceLang: string, targets: string[]) {
  out.write(`  <tu${xmlAttrs({ tuid: unit.position, segtype: "paragraph", srclang: sourceLang })}>\n`);
  out.write(`    ${prop("x-kind", unit.kind)}\n`);
  const documentNotes = unit.notes.filter((n) => n.lang === null);
  if (documentNotes.length > 0) out.write(notesXml(documentNotes, "    "));
  out.write(`    <tuv${xmlAttrs({ "xml:lang": sourceLang })}><seg>`);
  out.write(escapeXmlText(unit.source));
  out.write("</seg></tuv>\n");
  for (const lang of targets) {
    const target = unit.targets[lang];
    if (!target) continue;
    const notes = unit.notes.length > 0 ? unit.notes.filter((n) => n.lang === lang) : [];
    // A target never touched says nothing an importer would not assume; it is left out (unless noted).
    if (isPristine(target) && notes.length === 0) continue;
    writeTargetTuv(out, lang, target, notes);
  }
  out.write("  </tu>\n");
}

export async function* writeTmx(source: ExchangeSource, request: ExportRequest): AsyncGenerator<Uint8Array> {
  const { header } = source;
  const headerAttrs = {
    creationtool: "Parallel",
    creationtoolversion: "1",
    segtype: "paragraph",
    "o-tmf": "Parallel",
    adminlang: "en",
    srclang: header.sourceLang,
    datatype: "plaintext",
    creationdate: tmxDate(new Date().toISOString()),
  };
  // No DOCTYPE: it would send readers looking for tmx14.dtd; validators are given the DTD instead.
  const out = new Chunker();
  out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n');
  out.write(`<header${xmlAttrs(headerAttrs)}>\n`);
  out.write(
    `  ${prop("x-title", header.title)}\n  ${prop("x-targets", header.targetLangs.join(" "))}\n</header>\n<body>\n`,
  );
  for await (const page of source.pages()) {
    for (const unit of page) {
      // A translation memory of approved (or error-free) pairs: a paragraph with no target left has nothing to offer.
      if ((request.approvedOnly || request.withoutQaErrors) && Object.keys(unit.targets).length === 0) continue;
      writeTu(out, unit, header.sourceLang, header.targetLangs);
    }
    yield* out.take();
  }
  out.write("</body>\n</tmx>\n");
  yield* out.end();
}
