// Escaping for the hand-written XML of the exports (TMX, XLIFF). Characters XML 1.0 cannot carry are
// dropped; CR (and tab/LF in attributes) become character references so a parser returns them unchanged.

// Everything outside XML 1.0's Char production: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// A quick test before the exact one: most text has none of these, and the \u{…} pattern is slow.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>"\t\n\r]/g;
// One test for "anything to do at all": most values are returned as they are.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const TEXT_WORK = /[&<>\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const ATTR_WORK = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const REFERENCES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};
const reference = (ch: string) => REFERENCES[ch];

/** The text without the characters XML 1.0 does not allow. */
export function xmlSafe(value: string): string {
  return MAYBE_NOT_XML.test(value) ? value.replace(NOT_XML_CHAR, "") : value;
}

/** Element content. `>` is escaped too, so "]]>" can never appear. */
export function escapeXmlText(value: string): string {
  return TEXT_WORK.test(value) ? xmlSafe(value).replace(TEXT_SPECIAL, reference) : value;
}

/** An attribute value for double quotes; whitespace is kept through attribute-value normalisation. */
export function escapeXmlAttr(value: string): string {
  return ATTR_WORK.test(value) ? xmlSafe(value).replace(ATTR_SPECIAL, reference) : value;
}

export type XmlAttrs = Record<string, string | number | null | undefined>;

/** ` a="1" b="2"`, leaving out null and undefined values. */
export function xmlAttrs(attrs: XmlAttrs): string {
  let out = "";
  for (const name in attrs) {
    const value = attrs[name];
    if (value === null || value === undefined) continue;
    out += ` ${name}="${typeof value === "number" ? value : escapeXmlAttr(value)}"`;
  }
  return out;
}

/** `<name attrs>text</name>` with the text escaped. */
export function xmlElement(name: string, attrs: XmlAttrs, text: string): string {
  return `<${name}${xmlAttrs(attrs)}>${escapeXmlText(text)}</${name}>`;
}
