// Files of a given size for the import benchmark (bench/import.ts), in each format as our export
// writes it (docs/exchange.md): Ukrainian paragraphs from the benchmark's text generator, an English
// stand-in in Latin letters and a Kazakh one in Cyrillic, headings and list items. Written to disk
// unit by unit until the file has the size asked; a DOCX is built so that its text is as large as
// the zip guard lets through (lib/exchange/import/limits.ts), the rest of its bytes an image.

import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { stringify } from "csv-stringify/sync";
import { MAX_DOCX_INFLATED_BYTES } from "../lib/exchange/import/limits";
import { toKkLatn } from "../lib/translit/kk-latn";
import { buildZip } from "../tests/fixtures/import-files";
import { generateDocument } from "./generate-document";

export const benchFormats = ["txt", "docx", "tmx", "xliff12", "xliff20", "csv"] as const;
export type BenchFormat = (typeof benchFormats)[number];
export const extensionOf = (format: BenchFormat) => (format.startsWith("xliff") ? "xlf" : format);

interface Unit {
  position: number;
  kind: "paragraph" | "list_item" | "heading";
  uk: string;
  en: string;
  kk: string;
}

/** An endless, deterministic stream of units, 1,000 paragraphs of about 250 KB a batch. */
function* units(): Generator<Unit> {
  let position = 0;
  for (let batch = 0; ; batch++) {
    const uk = generateDocument(1000, 250_000, 7_000 + batch).segments;
    const kk = generateDocument(1000, 250_000, 9_000 + batch).segments;
    for (let i = 0; i < uk.length; i++) {
      position++;
      const kind = position % 40 === 1 ? "heading" : uk[i].kind === "list_item" ? "list_item" : "paragraph";
      yield { position, kind, uk: uk[i].source, en: toKkLatn(kk[i].source), kk: kk[i].source };
    }
  }
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const writers: Record<Exclude<BenchFormat, "docx">, { head: string; unit: (u: Unit) => string; tail: string }> = {
  txt: { head: "", unit: (u) => `${u.kind === "list_item" ? "- " : ""}${u.uk}\n`, tail: "" },
  csv: {
    head: `\uFEFF${stringify([["position", "status", "uk", "en", "kk", "open notes", "kind", "en status", "en updated by", "en updated at", "kk status", "kk updated by", "kk updated at", "notes json"]], { record_delimiter: "windows" })}`,
    unit: (u) =>
      stringify(
        [
          [
            u.position,
            "en: translated; kk: draft",
            u.uk,
            u.en,
            u.kk,
            "",
            u.kind,
            "translated",
            "Bench",
            "2026-11-10T09:30:00.123Z",
            "draft",
            "Bench",
            "2026-11-10T09:30:00.123Z",
            "",
          ],
        ],
        { record_delimiter: "windows", quoted_match: /[\r\n]/ },
      ),
    tail: "",
  },
  tmx: {
    head: '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="Parallel" creationtoolversion="1" segtype="paragraph" o-tmf="Parallel" adminlang="en" srclang="uk" datatype="plaintext">\n  <prop type="x-title">Import benchmark</prop>\n  <prop type="x-targets">en kk</prop>\n</header>\n<body>\n',
    unit: (u) =>
      `<tu tuid="${u.position}" segtype="paragraph" srclang="uk">\n  <prop type="x-kind">${u.kind}</prop>\n  <tuv xml:lang="uk"><seg>${xml(u.uk)}</seg></tuv>\n  <tuv xml:lang="en">\n    <prop type="x-status">translated</prop>\n    <prop type="x-updated-by">Bench</prop>\n    <seg>${xml(u.en)}</seg>\n  </tuv>\n  <tuv xml:lang="kk">\n    <prop type="x-status">draft</prop>\n    <seg>${xml(u.kk)}</seg>\n  </tuv>\n</tu>\n`,
    tail: "</body>\n</tmx>\n",
  },
  xliff12: {
    head: '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="Import benchmark" source-language="uk" target-language="en" datatype="plaintext" tool-id="parallel">\n<header><tool tool-id="parallel" tool-name="Parallel"/></header>\n<body>\n',
    unit: (u) =>
      `<trans-unit id="${u.position}" resname="${u.position}" restype="x-${u.kind}" xml:space="preserve">\n  <source>${xml(u.uk)}</source>\n  <target state="translated">${xml(u.en)}</target>\n  <context-group name="x-prl-target-${u.position}" purpose="information">\n    <context context-type="x-prl-status">translated</context>\n    <context context-type="x-prl-updated-by">Bench</context>\n  </context-group>\n</trans-unit>\n`,
    tail: "</body>\n</file>\n</xliff>\n",
  },
  xliff20: {
    head: '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:prl="urn:parallel:exchange:1" version="2.0" srcLang="uk" trgLang="en" xml:space="preserve" prl:title="Import benchmark" prl:targets="en kk">\n<file id="f1" original="Import benchmark">\n',
    unit: (u) =>
      `<unit id="${u.position}" type="prl:${u.kind}" prl:updatedBy="Bench">\n  <prl:target xml:lang="kk" state="initial" subState="prl:draft">${xml(u.kk)}</prl:target>\n  <segment id="s${u.position}" state="translated" subState="prl:translated">\n    <source>${xml(u.uk)}</source>\n    <target>${xml(u.en)}</target>\n  </segment>\n</unit>\n`,
    tail: "</file>\n</xliff>\n",
  },
};

/** Writes a text format of about `bytes` bytes; returns how many paragraphs it holds. */
async function writeText(format: Exclude<BenchFormat, "docx">, file: string, bytes: number): Promise<number> {
  const { head, unit, tail } = writers[format];
  const out = createWriteStream(file);
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  out.write(head);
  let count = 0;
  for (const u of units()) {
    const text = unit(u);
    size += Buffer.byteLength(text);
    if (size > bytes) break;
    count++;
    if (!out.write(text)) await once(out, "drain");
  }
  out.end(tail);
  await once(out, "finish");
  return count;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DOCX_PARTS = {
  "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  "word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`,
  "word/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>`,
  "word/numbering.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
};

function docxParagraph(u: Unit): string {
  const props =
    u.kind === "heading"
      ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
      : u.kind === "list_item"
        ? '<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        : "";
  // Two runs, as Word writes a paragraph with some formatting in it.
  const cut = u.uk.indexOf(" ", u.uk.length >> 1);
  const runs = cut > 0 ? [u.uk.slice(0, cut), u.uk.slice(cut)] : [u.uk];
  return `<w:p>${props}${runs
    .map((r, i) => `<w:r>${i ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${xml(r)}</w:t></w:r>`)
    .join("")}</w:p>`;
}

/**
 * A DOCX of `bytes` bytes whose document.xml is as large as the zip guard allows next to an
 * incompressible image that fills the file up: the most text a DOCX of that size can carry.
 */
function writeDocx(file: string, bytes: number): number {
  const it = units();
  const paragraph = () => docxParagraph(it.next().value as Unit);
  const parts: string[] = [];
  let xmlBytes = 0;
  const add = () => {
    const p = paragraph();
    parts.push(p);
    xmlBytes += Buffer.byteLength(p);
  };
  // How well the text compresses, from a sample; then the text that, compressed, leaves the rest
  // of the file to the image while text + image stay under the inflation limit.
  for (let i = 0; i < 2000; i++) add();
  const ratio = xmlBytes / deflateRawSync(Buffer.from(parts.join(""))).length;
  const cap = MAX_DOCX_INFLATED_BYTES * 0.97;
  const wanted = Math.min(bytes * ratio * 0.97, cap > bytes ? (cap - bytes) / (1 - 1 / ratio) : bytes * ratio * 0.97);
  while (xmlBytes < wanted) add();
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${parts.join("")}<w:sectPr/></w:body></w:document>`;
  const docPart = Buffer.from(document);
  const compressed = deflateRawSync(docPart).length;
  const entries = Object.entries(DOCX_PARTS).map(([name, text]) => ({ name, data: Buffer.from(text) }));
  const image = Math.max(0, bytes - compressed - 256 * 1024);
  entries.push(
    { name: "word/document.xml", data: docPart },
    { name: "word/media/image1.png", data: randomBytes(image) },
  );
  writeFileSync(file, buildZip(entries));
  return parts.length;
}

export async function writeBenchFile(format: BenchFormat, file: string, bytes: number): Promise<number> {
  return format === "docx" ? writeDocx(file, bytes) : writeText(format, file, bytes);
}
