// The paragraphs of word/document.xml, read as a stream: each top-level <w:p> is a record
// (safe-xml.ts), turned into text and dropped, so a document of 100 MB never becomes a tree. What
// counts as text follows mammoth's body reader (which the import used before): runs, tabs, line
// breaks, symbols, hyperlinks, insertions, content controls, the fallback of alternate content and
// VML text boxes (their paragraphs come after the one holding them); deleted text, field codes,
// DrawingML shapes and deleted table rows are left out, and a paragraph whose mark is deleted runs
// on into the next one. Field results (w:fldSimple) are read too.
import { hex as dingbat } from "dingbat-to-unicode";
import type { DocxNumbering, DocxStyles } from "./docx-styles";
import { elements, firstElement, streamXml, type XmlElement } from "./safe-xml";
import { pushParagraph, type SourceParagraph } from "./source-text";

/** The prefixes mammoth gives these namespaces, whatever a file binds them to (Transitional and Strict). */
export const DOCX_NAMESPACES: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "urn:schemas-microsoft-com:vml": "v",
};

// English style names and ids, and the names Ukrainian, Russian and Kazakh Word gives them.
const HEADING = /^(?:heading|заголовок|тақырып|title|subtitle|назва|подзаголовок|підзаголовок)\s*\d*$/i;
const LIST = /^(?:list|список|перелік|тізім)/i;

/** Containers read through on the way down to a paragraph (mammoth's readChildElements). */
const THROUGH = new Set([
  "w:body",
  "w:sdt",
  "mc:AlternateContent",
  "w:tbl",
  "w:tr",
  "w:tc",
  "w:sdtContent",
  "w:customXml",
  "w:ins",
  "w:moveTo",
  "w:smartTag",
  "w:hyperlink",
  "w:fldSimple",
  "mc:Fallback",
  "w:r",
  "w:object",
  "w:pict",
  "v:roundrect",
  "v:shape",
  "v:textbox",
  "v:group",
  "v:rect",
  "w:txbxContent",
]);
/** Containers whose children are read only through one of them. */
const ONLY_THROUGH: Record<string, string> = { "w:sdt": "w:sdtContent", "mc:AlternateContent": "mc:Fallback" };

function readThrough(parent: XmlElement, child: XmlElement): boolean {
  const only = ONLY_THROUGH[parent.name];
  if (only) return child.name === only;
  return THROUGH.has(child.name) || (parent.name === "w:document" && child.name === "w:body");
}

/** A table row marked deleted (w:trPr/w:del) is not in the document any more. */
const deletedRow = (tr: XmlElement) => {
  const props = firstElement(tr, "w:trPr");
  return props !== undefined && firstElement(props, "w:del") !== undefined;
};

interface Reading {
  text: string;
  /** Paragraphs of text boxes inside this one: they follow it. */
  extra: XmlElement[];
}

function readRuns(el: XmlElement, out: Reading) {
  for (const child of el.children) {
    if (typeof child === "string") continue;
    switch (child.name) {
      case "w:t":
        for (const c of child.children) if (typeof c === "string") out.text += c;
        break;
      case "w:tab":
        out.text += "\t";
        break;
      case "w:br": {
        const type = child.attrs["w:type"];
        if (type === undefined || type === "textWrapping") out.text += "\n";
        break;
      }
      case "w:noBreakHyphen":
        out.text += "\u2011";
        break;
      case "w:softHyphen":
        out.text += "\u00AD";
        break;
      case "w:sym":
        out.text += symbol(child);
        break;
      case "w:p":
        out.extra.push(child);
        break;
      case "w:tbl":
        collectNested(child, out.extra);
        break;
      default:
        if (THROUGH.has(child.name)) {
          const only = ONLY_THROUGH[child.name];
          const inner = only ? firstElement(child, only) : child;
          if (inner) readRuns(inner, out);
        }
    }
  }
}

/** Paragraphs of a table inside a text box, in order. */
function collectNested(el: XmlElement, out: XmlElement[]) {
  for (const child of elements(el)) {
    if (child.name === "w:p") out.push(child);
    else if (child.name === "w:tr" && deletedRow(child)) continue;
    else if (readThrough(el, child)) collectNested(child, out);
  }
}

/** A Symbol/Wingdings character as the Unicode character it shows (17.3.3.30 sym). */
function symbol(sym: XmlElement): string {
  const font = sym.attrs["w:font"] ?? "";
  const char = sym.attrs["w:char"] ?? "";
  const found = dingbat(font, char) ?? (/^F0..$/i.test(char) ? dingbat(font, char.slice(2)) : undefined);
  return found?.string ?? "";
}

export interface BodyReader {
  styles: DocxStyles;
  numbering: DocxNumbering;
}

type Kind = SourceParagraph["kind"];

function kindOf(p: XmlElement, { styles, numbering }: BodyReader): Kind {
  const props = firstElement(p, "w:pPr");
  const styleId = props && firstElement(props, "w:pStyle")?.attrs["w:val"];
  const styleName = styleId === undefined ? "" : (styles.paragraphNames.get(styleId) ?? "");
  const style = [styleName, styleId ?? ""];
  if (style.some((s) => HEADING.test(s.replace(/(\D)(\d)$/, "$1 $2")))) return "heading";
  const numPr = props && firstElement(props, "w:numPr");
  const level = numPr && firstElement(numPr, "w:ilvl")?.attrs["w:val"];
  const numId = numPr && firstElement(numPr, "w:numId")?.attrs["w:val"];
  const numbered =
    level !== undefined && numId !== undefined
      ? numbering.hasLevel(numId, level)
      : (styleId !== undefined && numbering.styleHasLevel(styleId)) ||
        (numId !== undefined && numbering.hasLevel(numId, "0"));
  if (numbered || style.some((s) => LIST.test(s))) return "list_item";
  return "paragraph";
}

/** A paragraph whose mark is deleted: its text runs on into the next paragraph. */
function markDeleted(p: XmlElement): boolean {
  const runProps = firstElement(firstElement(p, "w:pPr") ?? p, "w:rPr");
  return runProps !== undefined && firstElement(runProps, "w:del") !== undefined;
}

/** Reads document.xml's paragraphs, in order, into `out`. */
export function readBody(xml: Uint8Array, reader: BodyReader, out: SourceParagraph[]): void {
  let carried: Reading = { text: "", extra: [] };
  const paragraph = (p: XmlElement) => {
    const reading = carried;
    carried = { text: "", extra: [] };
    readRuns(p, reading);
    if (markDeleted(p)) {
      carried = reading;
      return;
    }
    pushParagraph(out, kindOf(p, reader), reading.text);
    for (const extra of reading.extra) paragraph(extra);
  };
  streamXml(xml, {
    namespaces: DOCX_NAMESPACES,
    records: {
      isRecord: (name) => name === "w:p",
      onRecord: (p, parents) => {
        // Only paragraphs reached through what mammoth reads through; a row marked deleted is gone.
        for (let i = 1; i < parents.length; i++) if (!readThrough(parents[i - 1], parents[i])) return;
        if (parents.some((el) => el.name === "w:tr" && deletedRow(el))) return;
        paragraph(p);
      },
      // Once closed, nothing outside the paragraphs is needed again, except a row's properties
      // (is it deleted?) while the row is open.
      keep: (el, parents) => el.name === "w:trPr" || parents.some((p) => p.name === "w:trPr"),
    },
  });
  if (carried.text) pushParagraph(out, "paragraph", carried.text);
}
