import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import {
  CITATION,
  EN_CITED,
  exportBytes,
  exportFixture,
  exportText,
  KK_CITED,
  request,
} from "../../../tests/fixtures/export-world";

const ctx = exportFixture();

/** One file of a zip, as text. */
function unzipEntry(zip: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error) return reject(error);
      archive.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return archive.readEntry();
        archive.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const parts: Buffer[] = [];
          stream.on("data", (part: Buffer) => parts.push(part));
          stream.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
        });
      });
      archive.on("end", () => reject(new Error(`${name} not in the zip`)));
      archive.readEntry();
    });
  });
}

/** The document's visible text per paragraph (runs joined). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

const xmlUnescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

describe("DOCX side by side", () => {
  it("is a landscape table whose header row repeats, with the texts", async () => {
    const { bytes, contentType, filename } = await exportBytes(ctx.world, request("docx"));
    expect(contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(filename.endsWith(".en+kk.docx")).toBe(true);
    const xml = await unzipEntry(bytes, "word/document.xml");
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const pgSz = /<w:pgSz [^>]*>/.exec(xml)![0];
    const [pgW, pgH] = [/w:w="(\d+)"/.exec(pgSz)![1], /w:h="(\d+)"/.exec(pgSz)![1]].map(Number);
    expect(pgW).toBeGreaterThan(pgH);
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(ctx.world.segments.length + 1);
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows[1]).not.toContain("w:tblHeader");
    // Language names and labels for people, in the interface language (English by default).
    expect(paragraphs(rows[0])).toEqual(["№", "Ukrainian", "English", "Kazakh", "Status", "Notes"]);
    const cited = paragraphs(rows[ctx.fx.cited.position]).map(xmlUnescape);
    expect(cited.slice(0, 5)).toEqual([
      String(ctx.fx.cited.position),
      ctx.fx.cited.source,
      EN_CITED,
      KK_CITED,
      "English: Approved; Kazakh: Translated",
    ]);
    expect(cited.join("\n")).toContain("[English] A reviewer ««»: Use");
    expect(xmlUnescape(xml)).toContain(CITATION);
  });

  it("drops the notes column without notes", async () => {
    const xml = await unzipEntry(
      (await exportBytes(ctx.world, request("docx", { includeNotes: false }))).bytes,
      "word/document.xml",
    );
    const header = /<w:tr>[\s\S]*?<\/w:tr>/.exec(xml)![0];
    expect(paragraphs(header)).toEqual(["№", "Ukrainian", "English", "Kazakh", "Status"]);
  });

  it("labels the table in the reader's interface language", async () => {
    const xml = await unzipEntry(
      (await exportBytes(ctx.world, request("docx", { lng: "uk" }))).bytes,
      "word/document.xml",
    );
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(paragraphs(rows[0])).toEqual(["№", "Українська", "Англійська", "Казахська", "Статус", "Примітки"]);
    expect(paragraphs(rows[ctx.fx.cited.position])[4]).toBe("Англійська: Затверджено; Казахська: Перекладено");
  });
});

/** Every paragraph's English text in a translation-only export: its translation, else its source. */
function translatedOrSource(world: typeof ctx.world, lines: Map<number, string>, source = (s: string) => s) {
  return world.segments.map((s) => lines.get(s.position) ?? source(s.source));
}

describe("DOCX target only", () => {
  it("has the paragraphs in order, untranslated ones as their source, list items as a bulleted list", async () => {
    const { bytes } = await exportBytes(ctx.world, request("docx-target", { targets: ["en"] }));
    const xml = await unzipEntry(bytes, "word/document.xml");
    const texts = paragraphs(xml).map(xmlUnescape);
    const expected = new Map([
      [ctx.fx.cited.position, EN_CITED],
      [ctx.fx.first.position, "  A & B < C > \"D\" 'E'second line  "],
      [ctx.fx.listItem.position, "analysis of current reforms;"],
    ]);
    expect(texts).toEqual(translatedOrSource(ctx.world, expected, (s) => s.replace(/\n/g, "")));
    const item = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((m) => m[0].includes("analysis of current"))![0];
    expect(item).toMatch(/<w:numPr>/);
    const numbering = await unzipEntry(bytes, "word/numbering.xml");
    expect(numbering).toContain('w:val="bullet"');
  });

  it("leaves untranslated paragraphs out when asked to", async () => {
    const { bytes } = await exportBytes(
      ctx.world,
      request("docx-target", { targets: ["kk"], approvedOnly: true, untranslated: "omit" }),
    );
    expect(paragraphs(await unzipEntry(bytes, "word/document.xml"))).toEqual(["Ұлттық мемлекеттік"]);
  });

  it("with approvedOnly, writes the source where there is no approved translation", async () => {
    const { bytes } = await exportBytes(ctx.world, request("docx-target", { targets: ["kk"], approvedOnly: true }));
    const texts = paragraphs(await unzipEntry(bytes, "word/document.xml")).map(xmlUnescape);
    expect(texts).toEqual(
      translatedOrSource(ctx.world, new Map([[ctx.fx.listItem.position, "Ұлттық мемлекеттік"]]), (s) =>
        s.replace(/\n/g, ""),
      ),
    );
  });
});

describe("TXT export", () => {
  it("writes every paragraph in order, untranslated ones as their source, list items with '- '", async () => {
    const text = await exportText(ctx.world, request("txt", { targets: ["en"] }));
    const lines = new Map([
      [ctx.fx.cited.position, EN_CITED],
      [ctx.fx.first.position, "  A & B < C > \"D\" 'E'\nsecond line  "],
      [ctx.fx.listItem.position, "- analysis of current reforms;"],
    ]);
    const kinds = new Map(ctx.world.segments.map((s) => [s.source, s.kind]));
    const source = (s: string) => (kinds.get(s) === "list_item" ? `- ${s}` : s);
    expect(text).toBe(`${translatedOrSource(ctx.world, lines, source).join("\n")}\n`);
  });

  it("leaves untranslated paragraphs out when asked to", async () => {
    const text = await exportText(ctx.world, request("txt", { targets: ["en"], untranslated: "omit" }));
    const order = [ctx.fx.cited.position, ctx.fx.first.position, ctx.fx.listItem.position].sort((a, b) => a - b);
    const lines = new Map([
      [ctx.fx.cited.position, EN_CITED],
      [ctx.fx.first.position, "  A & B < C > \"D\" 'E'\nsecond line  "],
      [ctx.fx.listItem.position, "- analysis of current reforms;"],
    ]);
    expect(text).toBe(`${order.map((p) => lines.get(p)).join("\n")}\n`);
  });

  it("writes Kazakh in Latin script", async () => {
    const text = await exportText(ctx.world, request("txt", { targets: ["kk-Latn"] }));
    expect(text).toContain("Qazaqstan Respublikasy\n");
    expect(text).toContain("- Ūlttyq memlekettık\n");
    expect(text).toContain("[52, s. 5]");
  });
});
