// The glossary through its routes, on a real SQLite file: entries added, found by an inflected form,
// changed and deleted; bad input refused with a translated message and nothing half-written; import
// and export; the terms of a paragraph; the entries an editor loads once, with their stamp.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { termsProject } from "../../tests/terms";
import { call, createWorld, type World } from "../../tests/world";
import { createDocumentIn } from "../documents/create-document";
import { addExistingUserIn } from "../projects/members";
import { parseLinesText } from "../segments/parse-text";

let world: World;
let projectId: string;
let documentId: string;
let segmentIds: string[];
// biome-ignore lint/suspicious/noExplicitAny: route modules are loaded after the database is set up.
let routes: Record<string, any>;

const SOURCE = [
  "Реформа державної служби триває.",
  "Державну службу модернізують, а служба доставки працює.",
  "Без термінів.",
].join("\n");

beforeAll(async () => {
  world = await createWorld();
  const project = await termsProject(world.db, "Glossary routes");
  projectId = project.id;
  await world.db.$transaction(async (tx) => {
    await addExistingUserIn(tx, null, projectId, world.users.owner, "owner");
    await addExistingUserIn(tx, null, projectId, world.users.translator, "translator");
    documentId = await createDocumentIn(tx, {
      projectId,
      title: "Terms",
      segments: parseLinesText(SOURCE, "uk"),
      targetLangs: ["en", "kk"],
    });
  });
  segmentIds = (await world.db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } })).map(
    (s) => s.id,
  );
  routes = {
    glossary: await import("../../app/api/v1/projects/[id]/glossary/route"),
    entry: await import("../../app/api/v1/glossary/[entryId]/route"),
    import: (await import("../../app/api/v1/projects/[id]/glossary/import/route")).POST,
    export: (await import("../../app/api/v1/projects/[id]/glossary/export/route")).GET,
    terms: (await import("../../app/api/v1/segments/[segmentId]/terms/route")).GET,
    document: (await import("../../app/api/v1/documents/[id]/glossary/route")).GET,
  };
});
afterAll(() => world.cleanup());

const owner = () => world.tokens.owner;
const base = () => `/api/v1/projects/${projectId}/glossary`;

function add(body: unknown, lng = "en") {
  return call(routes.glossary.POST, base(), {
    method: "POST",
    token: owner(),
    params: { id: projectId },
    headers: { "accept-language": lng },
    body,
  });
}

function list(query = "") {
  return call(routes.glossary.GET, `${base()}${query}`, { token: owner(), params: { id: projectId } });
}

async function upload(name: string, content: string | Uint8Array, lng = "en") {
  const form = new FormData();
  form.append("file", new Blob([content as BlobPart]), name);
  const req = new Request(`http://localhost${base()}/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${owner()}`, "accept-language": lng },
    body: form,
  });
  const res = await routes.import(req, { params: Promise.resolve({ id: projectId }) });
  return { status: res.status, json: await res.json() };
}

async function download(query: string) {
  const req = new Request(`http://localhost${base()}/export${query}`, {
    headers: { authorization: `Bearer ${owner()}`, "accept-language": "uk" },
  });
  const res = await routes.export(req, { params: Promise.resolve({ id: projectId }) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes) };
}

const entryCount = () => world.db.glossaryEntry.count({ where: { glossary: { projectId } } });
const version = async () => (await world.db.glossary.findUnique({ where: { projectId } }))?.version ?? 0;

describe("glossary routes", () => {
  let civilId: string;

  it("adds an entry and finds it by an inflected form, a translation, a language and a status", async () => {
    const res = await add({
      term: "державна служба",
      translations: [
        { lang: "en", term: "civil service", status: "preferred" },
        { lang: "en", term: "state service", status: "forbidden" },
        { lang: "kk", term: "мемлекеттік қызмет", status: "preferred" },
      ],
      partOfSpeech: "noun",
      note: "Not the delivery service.",
    });
    expect(res.status).toBe(201);
    expect(res.json.merged).toBe(false);
    expect(res.json.entry).toMatchObject({
      term: "державна служба",
      projectId,
      partOfSpeech: "noun",
      editable: true,
      createdBy: { id: world.users.owner.id, name: world.users.owner.name },
    });
    civilId = res.json.entry.id;
    for (const query of [
      "?q=ДЕРЖАВНОЇ%20СЛУЖБИ",
      "?q=civil",
      "?lang=kk",
      "?status=forbidden",
      "?lang=en&status=admitted",
    ]) {
      const found = await list(query);
      expect([query, found.status]).toEqual([query, 200]);
      expect([query, found.json.entries.map((e: { id: string }) => e.id)]).toEqual([
        query,
        query.includes("admitted") ? [] : [civilId],
      ]);
    }
    const all = await list();
    expect(all.json.glossaries).toEqual([{ projectId, projectName: "Glossary routes", own: true, entries: 1 }]);
  });

  it("merges a duplicate with a message instead of doubling it", async () => {
    const res = await add(
      { term: "Державна  служба", translations: [{ lang: "en", term: "public service", status: "admitted" }] },
      "uk",
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ merged: true, entry: { id: civilId } });
    expect(res.json.message).toMatch(/уже був у глосарії/);
    expect(res.json.entry.translations.map((t: { term: string }) => t.term)).toContain("public service");
    expect(await entryCount()).toBe(1);
  });

  it("refuses bad entries with a translated reason and writes nothing", async () => {
    const before = { count: await entryCount(), version: await version() };
    const cases: [unknown, string, string][] = [
      [{ term: "   " }, "term", "term_empty"],
      [{ term: "я".repeat(301) }, "term", "term_too_long"],
      [
        { term: "слово", translations: [{ lang: "de", term: "Wort", status: "preferred" }] },
        "translations.0.lang",
        "lang_not_in_project",
      ],
      [
        { term: "слово", translations: [{ lang: "en", term: "", status: "preferred" }] },
        "translations.0.term",
        "term_empty",
      ],
      [
        { term: "слово", translations: [{ lang: "en", term: "word", status: "maybe" }] },
        "translations.0.status",
        "bad_term_status",
      ],
    ];
    for (const [body, field, reason] of cases) {
      const res = await add(body, "kk");
      expect([reason, res.status, res.json.error.details]).toMatchObject([reason, 400, { field, reason }]);
      // In the asker's language (Kazakh here), not an English code.
      expect(res.json.error.message).toMatch(/[а-яәіңғүұқөһ]/i);
    }
    expect({ count: await entryCount(), version: await version() }).toEqual(before);
  });

  it("changes an entry, refuses a term another entry has, and deletes", async () => {
    const other = (await add({ term: "державний орган" })).json.entry.id;
    const changed = await call(routes.entry.PATCH, `/api/v1/glossary/${other}`, {
      method: "PATCH",
      token: owner(),
      params: { entryId: other },
      body: { caseSensitive: true, translations: [{ lang: "en", term: "state body", status: "preferred" }] },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.entry).toMatchObject({ caseSensitive: true, translations: [{ term: "state body" }] });
    const clash = await call(routes.entry.PATCH, `/api/v1/glossary/${other}`, {
      method: "PATCH",
      token: owner(),
      params: { entryId: other },
      body: { term: "ДЕРЖАВНА СЛУЖБА" },
    });
    expect(clash.status).toBe(409);
    expect(clash.json.error.details).toMatchObject({ reason: "term_exists", entryId: civilId });
    const gone = await call(routes.entry.DELETE, `/api/v1/glossary/${other}`, {
      method: "DELETE",
      token: owner(),
      params: { entryId: other },
    });
    expect(gone.status).toBe(200);
    const again = await call(routes.entry.DELETE, `/api/v1/glossary/${other}`, {
      method: "DELETE",
      token: owner(),
      params: { entryId: other },
    });
    expect(again.status).toBe(404);
  });

  it("imports a CSV in one transaction, merging duplicates and reporting them", async () => {
    const csv =
      "uk,en,en status\nдержавна служба,civil service,preferred\nкруглий стіл,round table,preferred\nкруглий стіл,panel,admitted\n";
    const res = await upload("terms.csv", csv);
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      format: "csv",
      entries: 3,
      created: 1,
      merged: 2,
      duplicateTranslations: 1,
      skippedLanguages: [],
      withoutSource: 0,
    });
    expect(await entryCount()).toBe(2);
  });

  it("refuses malformed and hostile files with a translated message and imports nothing of them", async () => {
    const before = { count: await entryCount(), version: await version() };
    const files: [string, string, number, string][] = [
      ["bad.tbx", '<?xml version="1.0"?><tbx><text><body><conceptEntry id="1">', 400, "xml_malformed"],
      [
        "evil.tbx",
        '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>',
        400,
        "xml_dtd",
      ],
      // Row 2 is fine, row 3 has an unknown status: row 2 must not be imported either.
      ["half.csv", "uk,en,en status\nновий термін,new term,preferred\nінший,other,perhaps\n", 400, "glossary_status"],
      ["header.csv", "term,translation\nа,б\n", 400, "glossary_columns"],
      ["long.csv", `uk,en\n${"я".repeat(301)},x\n`, 400, "glossary_term_too_long"],
      ["empty.csv", "", 400, "empty"],
      ["words.docx", "PK", 400, "glossary_type"],
    ];
    for (const [name, content, status, reason] of files) {
      const res = await upload(name, content, "uk");
      expect([name, res.status, res.json.error?.details?.reason]).toEqual([name, status, reason]);
      expect(res.json.error.message).toMatch(/[а-яіїєґ]/i);
    }
    process.env.PARALLEL_MAX_UPLOAD_MB = "0.001";
    try {
      const big = await upload("big.csv", `uk,en\n${"слово,word\n".repeat(200)}`);
      expect(big.status).toBe(413);
    } finally {
      delete process.env.PARALLEL_MAX_UPLOAD_MB;
    }
    expect({ count: await entryCount(), version: await version() }).toEqual(before);
    expect(await world.db.glossaryEntry.count({ where: { term: "новий термін" } })).toBe(0);
  });

  it("exports TBX and CSV as attachments, and refuses an unknown format", async () => {
    const tbx = await download("?format=tbx");
    expect(tbx.status).toBe(200);
    expect(tbx.headers.get("content-type")).toContain("application/x-tbx+xml");
    expect(tbx.headers.get("content-disposition")).toMatch(/attachment; filename="Glossary-routes-glossary\.tbx"/);
    expect(tbx.text).toContain("<term>державна служба</term>");
    expect(tbx.text).toContain("deprecatedTerm-admn-sts");
    const csv = await download("?format=csv");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text.split("\r\n")[0]).toBe(
      "uk,en,en status,en note,kk,kk status,kk note,part of speech,definition,note,example,case sensitive",
    );
    const bad = await download("?format=xlsx");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatchObject({ details: { reason: "glossary_format" } });
    expect(JSON.parse(bad.text).error.message).toMatch(/tbx або csv/);
  });

  it("finds a paragraph's terms in inflected forms, with their spans and translations", async () => {
    const res = await call(routes.terms, `/api/v1/segments/${segmentIds[1]}/terms?target=en`, {
      token: world.tokens.translator,
      params: { segmentId: segmentIds[1] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    const source = SOURCE.split("\n")[1];
    expect(res.json.terms).toEqual([
      {
        start: 0,
        end: "Державну службу".length,
        text: "Державну службу",
        entryId: civilId,
        term: "державна служба",
        translations: [
          { lang: "en", term: "civil service", status: "preferred" },
          { lang: "en", term: "state service", status: "forbidden" },
          { lang: "en", term: "public service", status: "admitted" },
        ],
      },
    ]);
    expect(source.slice(res.json.terms[0].start, res.json.terms[0].end)).toBe("Державну службу");
    const none = await call(routes.terms, `/api/v1/segments/${segmentIds[2]}/terms`, {
      token: owner(),
      params: { segmentId: segmentIds[2] },
    });
    expect(none.json.terms).toEqual([]);
    const wrong = await call(routes.terms, `/api/v1/segments/${segmentIds[1]}/terms?target=de`, {
      token: owner(),
      params: { segmentId: segmentIds[1] },
    });
    expect([wrong.status, wrong.json.error.details.reason]).toEqual([400, "not_a_target"]);
  });

  it("gives the editor every entry once, cacheable while the stamp holds, and a new stamp after a change", async () => {
    const url = (stamp?: string) =>
      `/api/v1/documents/${documentId}/glossary${stamp ? `?stamp=${encodeURIComponent(stamp)}` : ""}`;
    const first = await call(routes.document, url(), { token: owner(), params: { id: documentId } });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.json.entries.map((e: { term: string }) => e.term).sort()).toEqual(["державна служба", "круглий стіл"]);
    const cached = await call(routes.document, url(first.json.stamp), { token: owner(), params: { id: documentId } });
    expect(cached.headers.get("cache-control")).toContain("immutable");
    await add({ term: "служба доставки" });
    const after = await call(routes.document, url(first.json.stamp), { token: owner(), params: { id: documentId } });
    expect(after.json.stamp).not.toBe(first.json.stamp);
    expect(after.headers.get("cache-control")).toBe("no-store");
    expect(after.json.entries).toHaveLength(3);
    // Recognised at once on the server too: the paragraph now has both terms.
    const terms = await call(routes.terms, `/api/v1/segments/${segmentIds[1]}/terms?target=en`, {
      token: owner(),
      params: { segmentId: segmentIds[1] },
    });
    expect(terms.json.terms.map((t: { text: string }) => t.text)).toEqual(["Державну службу", "служба доставки"]);
  });
});
