// Every kind of bad file is refused with a reason (and the line or unit where it applies), and a
// refused import writes nothing: it is one transaction.
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildZip, bytes } from "../../../tests/fixtures/import-files";
import { dumpDatabase, rowCounts } from "../../../tests/fixtures/import-world";
import { tempDir } from "../../../tests/temp-db";
import { createWorld, type World } from "../../../tests/world";
import type { AppError } from "../../errors";
import { importDocument } from "./import-document";

let world: World;
let server: Server;
let hits = 0;
let port = 0;
const secretDir = tempDir("parallel-secret-");
const SECRET = "TOP-SECRET-MARKER-7f3a";
const secretFile = path.join(secretDir.dir, "secret.txt");

beforeAll(async () => {
  world = await createWorld();
  writeFileSync(secretFile, SECRET);
  // Anything an XML parser tried to fetch would land here.
  server = createServer((_req, res) => {
    hits++;
    res.end(`<!ENTITY leak "${SECRET}">`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
}, 60_000);
afterAll(async () => {
  server.close();
  secretDir.cleanup();
  await world.cleanup();
});
afterEach(() => {
  delete process.env.PARALLEL_MAX_UPLOAD_MB;
});

const tmx = (body: string, header = '<header srclang="uk"/>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n${header}\n<body>\n${body}\n</body>\n</tmx>\n`;
const tu = (n: number, uk: string, targets: Record<string, string> = {}) =>
  `<tu tuid="${n}"><tuv xml:lang="uk"><seg>${uk}</seg></tuv>${Object.entries(targets)
    .map(([lang, text]) => `<tuv xml:lang="${lang}"><seg>${text}</seg></tuv>`)
    .join("")}</tu>`;

/** Imports, expects a refusal, and checks that nothing was written. */
async function refused(fileName: string, data: Uint8Array | string, mode: "new" | "update" = "new"): Promise<AppError> {
  const before = await rowCounts(world.db);
  const error = await importDocument(world.db, {
    projectId: world.project.id,
    fileName,
    bytes: typeof data === "string" ? bytes(data) : data,
    mode,
    documentId: mode === "update" ? world.document.id : undefined,
    userId: world.users.owner.id,
  }).then(
    () => expect.unreachable("expected a refusal"),
    (e: AppError) => e,
  );
  expect(await rowCounts(world.db)).toEqual(before);
  expect(error.message).not.toBe(error.code);
  return error;
}

describe("refused files", () => {
  it("an unsupported type", async () => {
    for (const name of ["scan.pdf", "old.doc", "sheet.xlsx", "README"]) {
      const error = await refused(name, "whatever");
      expect(error).toMatchObject({ code: "invalid_input", details: { reason: "unsupported_type" } });
    }
  });

  it("an empty file, of every type", async () => {
    for (const name of ["a.txt", "a.md", "a.docx", "a.tmx", "a.xlf", "a.csv", "a.tsv"]) {
      expect((await refused(name, "")).details).toMatchObject({ reason: "empty" });
    }
    expect((await refused("blank.txt", "\n \n")).details).toMatchObject({ reason: "empty" });
  });

  it("malformed XML, with its line", async () => {
    const broken = tmx(`${tu(1, "Перший")}\n<tu tuid="2"><tuv xml:lang="uk"><seg>Другий</seg></tuv>`);
    const error = await refused("broken.tmx", broken);
    expect(error.details).toMatchObject({ reason: "xml_malformed", line: 7 });
    expect(error.message).toContain("line 7");
  });

  it("a DOCTYPE declaring entities (billion laughs), refused before anything is expanded", async () => {
    const lol = ['<!ENTITY lol "lol">']
      .concat(Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`))
      .join("\n");
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE tmx [\n${lol}\n]>\n<tmx version="1.4"><header srclang="uk"/><body>${tu(1, "&lol8;")}</body></tmx>`;
    const started = Date.now();
    const error = await refused("laughs.tmx", laughs);
    expect(error.details).toMatchObject({ reason: "xml_dtd", line: 3 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("external entities (XXE): refused, nothing fetched or read", async () => {
    const cases = [
      `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>`,
      `<!DOCTYPE x [<!ENTITY e SYSTEM "file://${secretFile}">]>`,
      `<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:${port}/e">]>`,
      `<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:${port}/p.dtd"> %p;]>`,
    ];
    for (const doctype of cases) {
      const xxe = `<?xml version="1.0"?>\n${doctype}\n<tmx version="1.4"><header srclang="uk"/><body>${tu(1, "&e;", { en: "&leak;" })}</body></tmx>`;
      for (const name of ["xxe.tmx", "xxe.xlf"]) {
        const error = await refused(name, xxe);
        expect(error.details).toMatchObject({ reason: "xml_dtd", line: 2 });
        expect(JSON.stringify({ message: error.message, details: error.details })).not.toMatch(/TOP-SECRET|root:/);
      }
    }
    expect(hits).toBe(0);
    expect(await dumpDatabase(world.db)).not.toMatch(/TOP-SECRET|root:x:0/);
  });

  it("a bare external DTD reference is read without fetching it", async () => {
    const withDtd = `<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://127.0.0.1:${port}/tmx14.dtd">\n${tmx(tu(1, "Абзац")).replace(/^<\?xml[^>]*>\n/, "")}`;
    const report = await importDocument(world.db, {
      projectId: world.project.id,
      fileName: "dtd.tmx",
      bytes: bytes(withDtd),
      mode: "new",
      userId: null,
    });
    expect(report.segments).toBe(1);
    expect(hits).toBe(0);
    await world.db.document.delete({ where: { id: report.documentId } });
  });

  it("a DOCX that is a zip bomb, and one that is not a zip", async () => {
    const bomb = buildZip([{ name: "word/document.xml", data: new Uint8Array(150 * 1024 * 1024) }]);
    expect((await refused("bomb.docx", bomb)).details).toMatchObject({ reason: "zip_bomb" });
    expect((await refused("fake.docx", "<w:document/>")).details).toMatchObject({ reason: "not_zip" });
  });

  it("a file over the size limit (PARALLEL_MAX_UPLOAD_MB)", async () => {
    process.env.PARALLEL_MAX_UPLOAD_MB = "0.01";
    const error = await refused("big.txt", "Абзац тексту.\n".repeat(1000));
    expect(error).toMatchObject({ code: "too_large", details: { reason: "file_too_large", maxBytes: 10485 } });
  });

  it("languages that do not match the project", async () => {
    const wrongTarget = await refused("de.tmx", tmx(tu(1, "Абзац", { en: "Paragraph", de: "Absatz" })));
    expect(wrongTarget.details).toMatchObject({ reason: "languages", unknown: ["de"], expectedTargets: ["en", "kk"] });
    expect(wrongTarget.message).toContain("de is not a target language");
    const wrongSource = await refused(
      "en.tmx",
      tmx(tu(1, "Абзац"), '<header srclang="ru"/>').replace('xml:lang="uk"', 'xml:lang="ru"'),
    );
    expect(wrongSource.details).toMatchObject({ reason: "languages", source: "ru", expectedSource: "uk" });
    const csv = "position,status,uk,fr,kind\r\n1,,Абзац,Paragraphe,paragraph\r\n";
    expect((await refused("fr.csv", csv)).details).toMatchObject({ reason: "languages", unknown: ["fr"] });
  });

  it("a bad unit deep in the file writes none of the ones before it", async () => {
    const units = [tu(1, "Перший", { en: "First" }), tu(2, "Другий", { en: "x".repeat(20_001) })].join("\n");
    const error = await refused("long.tmx", tmx(units));
    expect(error.details).toMatchObject({ reason: "text_too_long", unit: 2, lang: "en" });
    const control = await refused("ctl.tmx", tmx(tu(1, "Перший", { kk: "bell&#7;" })));
    expect(control.details).toMatchObject({ reason: "control_characters", unit: 1, lang: "kk" });
  });

  it("a CSV with a broken quote, with its line, and one without our columns", async () => {
    const csv = 'position,status,uk,en\r\n1,,"Перший",First\r\n2,,"Другий "x",Second\r\n';
    expect((await refused("bad.csv", csv)).details).toMatchObject({ reason: "csv_malformed", line: 3 });
    expect((await refused("cols.csv", "a,b\r\n1,2\r\n")).details).toMatchObject({ reason: "csv_columns" });
  });

  it("an update from a file without translations, or of a document of another project", async () => {
    expect((await refused("a.txt", "Абзац.", "update")).details).toMatchObject({ reason: "not_bilingual" });
    const other = await world.db.project.create({ data: { name: "Other", languages: { create: [{ lang: "en" }] } } });
    const error = await importDocument(world.db, {
      projectId: other.id,
      fileName: "a.tmx",
      bytes: bytes(tmx(tu(1, "Абзац", { en: "Paragraph" }))),
      mode: "update",
      documentId: world.document.id,
      userId: null,
    }).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: "not_found" });
  });
});
