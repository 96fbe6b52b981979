import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeXmlAttr, escapeXmlText, xmlAttrs, xmlElement, xmlSafe } from "./xml";

describe("escapeXmlText", () => {
  it("escapes markup characters and keeps everything else", () => {
    expect(escapeXmlText(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'`);
    expect(escapeXmlText("]]>")).toBe("]]&gt;");
    expect(escapeXmlText("«Реформа» — [52, с. 5]\ttab\nline")).toBe("«Реформа» — [52, с. 5]\ttab\nline");
  });

  it("writes CR as a character reference so parsers keep it", () => {
    expect(escapeXmlText("a\r\nb")).toBe("a&#13;\nb");
  });
});

describe("escapeXmlAttr", () => {
  it("escapes quotes and whitespace that attribute normalisation would change", () => {
    expect(escapeXmlAttr(`say "hi" & <go>`)).toBe("say &quot;hi&quot; &amp; &lt;go&gt;");
    expect(escapeXmlAttr("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
    expect(escapeXmlAttr("it's")).toBe("it's");
  });
});

describe("xmlSafe", () => {
  it("drops characters XML 1.0 does not allow", () => {
    expect(xmlSafe("a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uFFFFg")).toBe("abcdefg");
    expect(xmlSafe("lone \uD800 surrogate \uDC00 here")).toBe("lone  surrogate  here");
  });

  it("keeps tab, LF, CR, astral characters and the private use area", () => {
    expect(xmlSafe("\t\n\r😀\uE000\u0085")).toBe("\t\n\r😀\uE000\u0085");
  });
});

describe("xmlElement", () => {
  it("leaves out null attributes and round-trips through a parser", () => {
    const text = 'A & B <c> "d"\r\n  e  ';
    const title = 'x "y"\n\tz';
    const xml = xmlElement("seg", { a: title, b: null, c: undefined, n: 3 }, text);
    expect(xmlAttrs({ b: null })).toBe("");
    const parsed = new XMLParser({
      ignoreAttributes: false,
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      attributeNamePrefix: "@",
      processEntities: true,
      htmlEntities: true,
    }).parse(xml);
    expect(parsed.seg["#text"]).toBe(text);
    expect(parsed.seg["@n"]).toBe("3");
    expect(parsed.seg["@b"]).toBeUndefined();
  });
});
