// Word documents read as a stream: what counts as a paragraph and its kind (the same as mammoth,
// which read them before, gave for this document), and the DOCTYPE/entity refusal over every XML
// part in full, wherever in the part the declaration sits. Memory is measured in bench/import.ts.
import { describe, expect, it } from "vitest";
import { buildZip, bytes, richDocx, utf16 } from "../../../tests/fixtures/import-files";
import { parseDocx } from "./parse-docx";

const shape = (units: { kind: string; source: string }[]) => units.map((u) => [u.kind, u.source]);

describe("a Word document", () => {
  it("gives every paragraph in order, with headings and list items, as mammoth read it", async () => {
    const parsed = await parseDocx(richDocx());
    expect(shape(parsed.units)).toEqual([
      ["heading", "Розділ перший"],
      ["heading", "Вступ"],
      ["paragraph", "Перший\tпісля табуляції\nновий рядок"],
      ["list_item", "пункт за нумерацією"],
      ["list_item", "пункт за стилем"],
      ["paragraph", "не список: numId 0"],
      ["list_item", "список через стиль нумерації"],
      ["paragraph", "клітинка 1"],
      ["paragraph", "клітинка 2"],
      ["paragraph", "у полі вмісту"],
      ["paragraph", "Текст вставлений з посиланням 5\u{1F86A}\u2011\u00AD"],
      ["paragraph", "Малюнок:"],
      ["paragraph", "у текстовому полі"],
      ["paragraph", "Початок, кінець абзацу."],
    ]);
  });

  it("reads the result of a simple field", async () => {
    const body =
      '<w:p><w:r><w:t>Сторінка </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>';
    expect(shape((await parseDocx(richDocx(body))).units)).toEqual([["paragraph", "Сторінка 7"]]);
  });

  it("reads a long document to its last paragraph", async () => {
    const words = ["реформа", "служба", "агентство", "[52, с. 5]", "«досвід»", "країна", "закон", "—"];
    const source = (i: number) =>
      Array.from({ length: 12 }, (_, k) => words[(i * 7 + k * k * 3 + i * k) % words.length]).join(" ") + ` ${i}.`;
    const body = Array.from({ length: 30_000 }, (_, i) => `<w:p><w:r><w:t>${source(i)}</w:t></w:r></w:p>`).join("");
    const parsed = await parseDocx(richDocx(body));
    expect(parsed.units).toHaveLength(30_000);
    expect(parsed.units[29_999]).toMatchObject({ position: 30_000, kind: "paragraph", source: source(29_999) });
  });
});

describe("the DOCTYPE and entity refusal", () => {
  const entity = '<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>';
  const refusal = (part: string) => ({ details: expect.objectContaining({ reason: "xml_dtd", part }) });

  it("covers every XML part in full: a declaration after the first 64 KiB is found", async () => {
    const long = "<w:p><w:r><w:t>Абзац тексту для довжини.</w:t></w:r></w:p>".repeat(4000);
    const document = (at: "start" | "end") =>
      bytes(
        `<?xml version="1.0"?>\n${at === "start" ? entity : ""}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${long}</w:body></w:document>${at === "end" ? `\n<!ENTITY e "x">` : ""}`,
      );
    expect(document("end").byteLength).toBeGreaterThan(64 * 1024 * 3);
    for (const at of ["start", "end"] as const) {
      await expect(parseDocx(buildZip([{ name: "word/document.xml", data: document(at) }]))).rejects.toMatchObject(
        refusal("word/document.xml"),
      );
    }
    // A part nobody reads is still an XML part of the package.
    const zip = buildZip([
      { name: "word/document.xml", data: bytes(`<w:document xmlns:w="x"><w:body/></w:document>`) },
      { name: "customXml/item1.xml", data: bytes(`<root>${"x".repeat(200_000)}<!ENTITY e "x"></root>`) },
    ]);
    await expect(parseDocx(zip)).rejects.toMatchObject(refusal("customXml/item1.xml"));
  });

  it("covers a part in UTF-16, and a main document under a name that is not *.xml", async () => {
    const utf16Part = utf16(`<?xml version="1.0" encoding="UTF-16"?>\n${entity}<w:document/>`, "le");
    await expect(parseDocx(buildZip([{ name: "word/document.xml", data: utf16Part }]))).rejects.toMatchObject(
      refusal("word/document.xml"),
    );
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/body.bin"/></Relationships>`;
    const hidden = buildZip([
      { name: "_rels/.rels", data: bytes(rels) },
      { name: "word/body.bin", data: bytes(`${"<!-- -->".repeat(20_000)}${entity}<w:document/>`) },
    ]);
    await expect(parseDocx(hidden)).rejects.toMatchObject({ details: expect.objectContaining({ reason: "xml_dtd" }) });
  });
});
