// Word documents: the zip is checked first (zip-guard), then the main document is found through the
// package relationships, as Word and mammoth find it, and read as a stream (docx-body.ts) with its
// styles and numbering: every non-empty paragraph in order, tables included; a Heading or Title
// style makes a heading, numbering or a list style makes a list item.
import { DOCX_NAMESPACES, readBody } from "./docx-body";
import { readNumbering, readStyles } from "./docx-styles";
import { importError } from "./errors";
import { elements, streamXml, type XmlElement } from "./safe-xml";
import type { SourceParagraph } from "./source-text";
import { type ParsedFile, sourceOnly } from "./types";
import { type CheckedZip, checkZip } from "./zip-guard";

const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_RELATIONSHIP = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

const notDocx = () => importError("not_docx", "The Word document could not be read.");

async function readXmlPart(zip: CheckedZip, name: string): Promise<XmlElement | null> {
  const bytes = await zip.read(name);
  if (!bytes) return null;
  try {
    return streamXml(bytes, { namespaces: DOCX_NAMESPACES });
  } catch (error) {
    if ((error as { details?: { reason?: string } }).details?.reason === "xml_dtd") throw error;
    throw notDocx();
  }
}

/** "word/_rels/document.xml.rels" for "word/document.xml". */
function relationshipsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship of `type` points to, relative to `base`, if the zip has it; else `fallback`. */
function target(rels: XmlElement | null, type: string, base: string, zip: CheckedZip, fallback: string): string {
  // Relationships are in a default namespace: matched by local name.
  for (const rel of rels ? elements(rels).filter((el) => el.name.replace(/^.*:/, "") === "Relationship") : []) {
    const relType = rel.attrs.Type ?? "";
    if (relType !== RELATIONSHIP + type && relType !== STRICT_RELATIONSHIP + type) continue;
    const path = (rel.attrs.Target ?? "").startsWith("/") ? rel.attrs.Target.slice(1) : `${base}${rel.attrs.Target}`;
    if (zip.names.includes(path)) return path;
  }
  return fallback;
}

export async function parseDocx(bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.byteLength === 0) throw importError("empty", "The file is empty.");
  const zip = await checkZip(bytes);
  const paragraphs: SourceParagraph[] = [];
  try {
    const packageRels = await readXmlPart(zip, "_rels/.rels");
    const main = target(packageRels, "officeDocument", "", zip, "word/document.xml");
    if (!zip.names.includes(main)) throw importError("not_docx", "The zip archive is not a Word document.");
    const base = main.slice(0, main.lastIndexOf("/") + 1);
    const rels = await readXmlPart(zip, relationshipsOf(main));
    const part = (type: string) => readXmlPart(zip, target(rels, type, base, zip, `word/${type}.xml`));
    const styles = readStyles(await part("styles"));
    const numbering = readNumbering(await part("numbering"), styles);
    const document = await zip.read(main);
    try {
      readBody(document!, { styles, numbering }, paragraphs);
    } catch (error) {
      if ((error as { details?: { reason?: string } }).details?.reason === "xml_dtd") throw error;
      throw notDocx();
    }
  } finally {
    zip.close();
  }
  if (paragraphs.length === 0) throw importError("empty", "The document has no text.");
  return sourceOnly("docx", paragraphs);
}
