// The source-only parsers and the XML guard, without a database.
import { describe, expect, it } from "vitest";
import { buildZip, bytes, encode1251, sampleDocx, utf16 } from "../../../tests/fixtures/import-files";
import { decodeText } from "./decode-text";
import { detectFormat } from "./detect";
import { parseDocx } from "./parse-docx";
import { parseFile } from "./parse-file";
import { parseMd } from "./parse-md";
import { parseTxt } from "./parse-txt";
import { findDoctype, parseXml } from "./safe-xml";

const SAMPLE = "Реформа «державної служби» — успіх [52, с. 5].";
const shape = (units: { kind: string; source: string }[]) => units.map((u) => [u.kind, u.source]);

describe("txt", () => {
  it("reads one paragraph per line, with '- ' and '* ' list items, text kept as it is", () => {
    const parsed = parseTxt(bytes(`${SAMPLE}\r\nДругий абзац.\n\n- перший пункт;\n* другий пункт.\n`));
    expect(shape(parsed.units)).toEqual([
      ["paragraph", SAMPLE],
      ["paragraph", "Другий абзац."],
      ["list_item", "перший пункт;"],
      ["list_item", "другий пункт."],
    ]);
    expect(parsed.units.map((u) => u.position)).toEqual([1, 2, 3, 4]);
  });

  it("joins wrapped lines into one paragraph per blank-line block", () => {
    const text = [
      "Реформа державної служби в",
      "Казахстані почалася з",
      "створення Агентства.",
      "",
      "Другий абзац, теж",
      "розбитий на рядки.",
      "",
      "- пункт, що",
      "  продовжується",
      "- другий пункт",
    ].join("\n");
    expect(shape(parseTxt(bytes(text)).units)).toEqual([
      ["paragraph", "Реформа державної служби в Казахстані почалася з створення Агентства."],
      ["paragraph", "Другий абзац, теж розбитий на рядки."],
      ["list_item", "пункт, що продовжується"],
      ["list_item", "другий пункт"],
    ]);
  });

  it("keeps one paragraph per line when the lines end sentences, even with a blank line between sections", () => {
    const text = "Перший абзац.\nДругий абзац.\nТретій абзац.\n\nЧетвертий абзац.\nП'ятий абзац.";
    expect(parseTxt(bytes(text)).units).toHaveLength(5);
  });

  it.each([
    ["UTF-16LE with BOM", utf16(SAMPLE, "le"), "utf-16le"],
    ["UTF-16BE with BOM", utf16(SAMPLE, "be"), "utf-16be"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(SAMPLE)]), "utf-8"],
    ["Windows-1251", encode1251(SAMPLE), "windows-1251"],
  ])("decodes %s", (_, data, encoding) => {
    expect(decodeText(data)).toEqual({ text: SAMPLE, encoding });
    expect(shape(parseTxt(data).units)).toEqual([["paragraph", SAMPLE]]);
  });

  it("refuses a file of only blank lines and a binary file", () => {
    expect(() => parseTxt(bytes("\n  \n\t\n"))).toThrow(expect.objectContaining({ details: { reason: "empty" } }));
    expect(() => parseTxt(new Uint8Array([0x41, 0, 0x42]))).toThrow(
      expect.objectContaining({ details: { reason: "not_text" } }),
    );
  });
});

describe("md", () => {
  it("reads headings, list items and paragraphs", () => {
    const md = [
      "# Реформа державної служби",
      "",
      "Перший абзац, що",
      "продовжується.",
      "",
      "- пункт один",
      "* пункт два",
      "1. нумерований",
      "",
      "Підзаголовок",
      "------------",
      "",
      "---",
      "",
      `> ${SAMPLE}`,
    ].join("\n");
    const parsed = parseMd(bytes(md));
    expect(shape(parsed.units)).toEqual([
      ["heading", "Реформа державної служби"],
      ["paragraph", "Перший абзац, що продовжується."],
      ["list_item", "пункт один"],
      ["list_item", "пункт два"],
      ["list_item", "нумерований"],
      ["heading", "Підзаголовок"],
      ["paragraph", SAMPLE],
    ]);
    expect(parsed.title).toBe("Реформа державної служби");
  });
});

describe("docx", () => {
  it("reads headings, paragraphs and a bulleted list, skipping empty paragraphs", async () => {
    const parsed = await parseDocx(await sampleDocx());
    expect(shape(parsed.units)).toEqual([
      ["heading", "Реформа державної служби"],
      ["paragraph", "Казахстан домігся «великого прогресу» — [52, с. 5]."],
      ["list_item", "аналіз поточних реформ;"],
      ["list_item", "зміцнення співробітництва."],
      ["paragraph", "Заключний абзац."],
    ]);
  });

  it("refuses a .docx that is not a zip", async () => {
    await expect(parseFile("report.docx", bytes("just text, not a zip"))).rejects.toMatchObject({
      code: "invalid_input",
      details: { reason: "not_zip" },
    });
  });

  it("refuses a zip bomb by its directory, before inflating it", async () => {
    const zeros = new Uint8Array(120 * 1024 * 1024);
    const bomb = buildZip([{ name: "word/document.xml", data: zeros }]);
    expect(bomb.byteLength).toBeLessThan(200_000);
    const started = Date.now();
    await expect(parseFile("bomb.docx", bomb)).rejects.toMatchObject({ details: { reason: "zip_bomb" } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses a zip whose directory understates what a part inflates to", async () => {
    const liar = buildZip([{ name: "word/document.xml", data: new Uint8Array(30 * 1024 * 1024), claimedSize: 1000 }]);
    await expect(parseFile("liar.docx", liar)).rejects.toMatchObject({ details: { reason: "zip_bomb" } });
  });

  it("refuses a zip that is not a Word document, and a part with a DOCTYPE", async () => {
    await expect(parseFile("x.docx", buildZip([{ name: "a.txt", data: bytes("hello") }]))).rejects.toMatchObject({
      details: { reason: "not_docx" },
    });
    const xxe = buildZip([
      { name: "word/document.xml", data: bytes('<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:document/>') },
    ]);
    await expect(parseFile("x.docx", xxe)).rejects.toMatchObject({ details: { reason: "xml_dtd" } });
  });
});

describe("detect", () => {
  it("goes by extension and confirms by content", () => {
    expect(detectFormat("a.TXT", bytes("x"))).toBe("txt");
    expect(detectFormat("a.xlf", bytes('<?xml version="1.0"?><xliff version="1.2"/>'))).toBe("xliff12");
    expect(detectFormat("a.xliff", bytes('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>'))).toBe(
      "xliff20",
    );
    expect(detectFormat("a.xml", bytes("<!-- c --><tmx version='1.4'/>"))).toBe("tmx");
    for (const name of ["a.pdf", "a.doc", "noextension", "a.exe"]) {
      expect(() => detectFormat(name, bytes("x"))).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ reason: "unsupported_type" }) }),
      );
    }
    // A zip renamed to .txt is not text.
    expect(() => detectFormat("a.txt", buildZip([{ name: "a", data: bytes("x") }]))).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: "unsupported_type" }) }),
    );
  });
});

describe("safe XML", () => {
  it("allows a bare DOCTYPE with an external id, which declares nothing and is never fetched", () => {
    expect(findDoctype('<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx/>')).toBeNull();
    expect(parseXml('<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd">\n<tmx version="1.4"/>').name).toBe("tmx");
  });

  it("refuses an internal subset or an entity declaration with its line", () => {
    const laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n]>\n<lolz>&lol;</lolz>';
    expect(() => parseXml(laughs)).toThrow(
      expect.objectContaining({ details: { reason: "xml_dtd", line: 3, kind: "entity" } }),
    );
    expect(() => parseXml("<!DOCTYPE x [ ]>\n<x/>")).toThrow(
      expect.objectContaining({ details: { reason: "xml_dtd", line: 1, kind: "internal_subset" } }),
    );
  });

  it("decodes the predefined entities and character references, and refuses any other", () => {
    const root = parseXml('<a t="x&#10;y&#9;z">&lt;&amp;&gt;&quot;&apos;&#x41;&#1031;<![CDATA[&amp;]]></a>');
    expect(root.attrs.t).toBe("x\ny\tz");
    expect(root.children.join("")).toBe("<&>\"'AЇ&amp;");
    expect(() => parseXml("<a>\n\n&nbsp;</a>")).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: "xml_malformed", line: 3 }) }),
    );
  });

  it("gives the line of malformed XML", () => {
    expect(() => parseXml("<tmx>\n<body>\n<tu>\n</body>\n</tmx>")).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: "xml_malformed", line: 4 }) }),
    );
  });
});
