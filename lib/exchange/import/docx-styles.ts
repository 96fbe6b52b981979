// What a Word paragraph's style and numbering say about its kind: the style names (styles.xml) and
// which numbering levels exist (numbering.xml), read the way mammoth reads them (its
// styles-reader.js and numbering-xml.js), which our import used before it streamed documents.
import { elements, firstElement, type XmlElement } from "./safe-xml";

export interface DocxStyles {
  /** Paragraph style id → its name. */
  paragraphNames: Map<string, string>;
  /** Numbering style id → the numId its paragraph properties give. */
  numberingStyles: Map<string, string>;
}

export const noStyles: DocxStyles = { paragraphNames: new Map(), numberingStyles: new Map() };

const val = (el: XmlElement | undefined) => el?.attrs["w:val"];

export function readStyles(root: XmlElement | null): DocxStyles {
  const styles: DocxStyles = { paragraphNames: new Map(), numberingStyles: new Map() };
  for (const style of root ? elements(root, "w:style") : []) {
    const id = style.attrs["w:styleId"];
    if (id === undefined) continue;
    const type = style.attrs["w:type"];
    // The first definition of an id counts (ECMA-376 17.7.4.17).
    if (type === "paragraph" && !styles.paragraphNames.has(id)) {
      styles.paragraphNames.set(id, val(firstElement(style, "w:name")) ?? "");
    } else if (type === "numbering" && !styles.numberingStyles.has(id)) {
      const pPr = firstElement(style, "w:pPr");
      const numPr = pPr && firstElement(pPr, "w:numPr");
      const numId = val(numPr && firstElement(numPr, "w:numId"));
      if (numId !== undefined) styles.numberingStyles.set(id, numId);
    }
  }
  return styles;
}

export interface DocxNumbering {
  /** Whether `numId` at `level` is a list level the document defines. */
  hasLevel(numId: string, level: string): boolean;
  /** Whether a numbering level is attached to this paragraph style. */
  styleHasLevel(styleId: string): boolean;
}

export function readNumbering(root: XmlElement | null, styles: DocxStyles): DocxNumbering {
  const abstracts = new Map<string, { levels: Set<string>; styleLink?: string }>();
  const levelStyles = new Set<string>();
  const nums = new Map<string, string>();
  for (const abstract of root ? elements(root, "w:abstractNum") : []) {
    const levels = new Set<string>();
    for (const lvl of elements(abstract, "w:lvl")) {
      // A level without an index is level 0 (some documents leave it out).
      levels.add(lvl.attrs["w:ilvl"] ?? "0");
      const styleId = val(firstElement(lvl, "w:pStyle"));
      if (styleId !== undefined) levelStyles.add(styleId);
    }
    abstracts.set(abstract.attrs["w:abstractNumId"] ?? "", {
      levels,
      styleLink: val(firstElement(abstract, "w:numStyleLink")),
    });
  }
  for (const num of root ? elements(root, "w:num") : []) {
    const abstractId = val(firstElement(num, "w:abstractNumId"));
    if (num.attrs["w:numId"] !== undefined && abstractId !== undefined) nums.set(num.attrs["w:numId"], abstractId);
  }
  const hasLevel = (numId: string, level: string, seen = new Set<string>()): boolean => {
    if (seen.has(numId)) return false;
    seen.add(numId);
    const abstract = abstracts.get(nums.get(numId) ?? "\u0000");
    if (!abstract) return false;
    if (abstract.styleLink === undefined) return abstract.levels.has(level);
    const linked = styles.numberingStyles.get(abstract.styleLink);
    return linked !== undefined && hasLevel(linked, level, seen);
  };
  return { hasLevel: (numId, level) => hasLevel(numId, level), styleHasLevel: (id) => levelStyles.has(id) };
}
