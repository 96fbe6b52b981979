// POST /api/v1/projects/{id}/documents through the real handler: a multipart upload streamed in,
// who may import, and refusals as translated errors.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { exportBytes, rowCounts } from "../../../tests/fixtures/import-world";
import { createWorld, type World } from "../../../tests/world";

let world: World;
let post: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

beforeAll(async () => {
  world = await createWorld();
  post = (await import("../../../app/api/v1/projects/[id]/documents/route")).POST;
}, 60_000);
afterAll(() => world.cleanup());
afterEach(() => {
  delete process.env.PARALLEL_MAX_UPLOAD_MB;
});

const TEXT = "Реформа «державної служби» — [52, с. 5].\n- перший пункт\n";

async function upload(
  as: keyof World["tokens"] | null,
  file: { name: string; data: Uint8Array | string } | null,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
  projectId = world.project.id,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new File([file.data as BlobPart], file.name));
  const req = new Request(`http://localhost/api/v1/projects/${projectId}/documents`, {
    method: "POST",
    body: form,
    headers: { ...(as ? { authorization: `Bearer ${world.tokens[as]}` } : {}), ...headers },
  });
  const res = await post(req, { params: Promise.resolve({ id: projectId }) });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

describe("POST /api/v1/projects/{id}/documents", () => {
  it("creates a document for an owner and answers 201 with the report", async () => {
    const res = await upload("owner", { name: "reform.txt", data: TEXT }, { title: "Реформа" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toMatchObject({
      created: true,
      format: "txt",
      segments: 2,
      translations: 0,
      notes: 0,
      mismatches: [],
    });
    const document = await world.db.document.findUniqueOrThrow({ where: { id: res.json.documentId } });
    expect(document).toMatchObject({
      title: "Реформа",
      projectId: world.project.id,
      createdById: world.users.owner.id,
    });
  });

  it("refuses who may not: anonymous 401, outsider 404, viewer 403, translator 403 for a new document", async () => {
    const before = await rowCounts(world.db);
    const file = { name: "reform.txt", data: TEXT };
    expect((await upload(null, file)).status).toBe(401);
    const outsider = await upload("outsider", file);
    expect(outsider.status).toBe(404);
    expect(outsider.json.error.code).toBe("not_found");
    expect((await upload("viewer", file)).status).toBe(403);
    expect((await upload("reviewer", file)).status).toBe(403);
    const translator = await upload("translator", file);
    expect(translator.status).toBe(403);
    expect(translator.json.error.code).toBe("forbidden");
    expect(await rowCounts(world.db)).toEqual(before);
  });

  it("lets a translator update a document's translations, and reports what did not match", async () => {
    await world.db.translation.update({
      where: { segmentId_lang: { segmentId: world.segments[0].id, lang: "en" } },
      data: { text: "Civil service", status: "draft", version: 1 },
    });
    const csv = new TextDecoder().decode((await exportBytes(world.db, world.document.id, "csv")).bytes);
    const edited = csv
      .replace("Civil service", "Civil service reform")
      .replace("державної служби та його", "державної служби і його");
    const res = await upload(
      "translator",
      { name: "edited.csv", data: edited },
      { mode: "update", documentId: world.document.id },
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      created: false,
      documentId: world.document.id,
      format: "csv",
      segments: 10,
      translations: 0,
    });
    expect(res.json.mismatches).toEqual([
      { position: 1, expected: world.segments[0].source, found: world.segments[0].source.replace("та його", "і його") },
    ]);
    // Row 2 (position 2) gets an English translation, as a person would type it in a spreadsheet.
    const rows = parse(csv, { bom: true }) as string[][];
    const col = (name: string) => rows[0].indexOf(name);
    rows[2][col("en")] = "Second";
    rows[2][col("en status")] = "draft";
    const second = stringify(rows, { bom: true, record_delimiter: "windows" });
    const applied = await upload(
      "translator",
      { name: "second.csv", data: second },
      { mode: "update", documentId: world.document.id },
    );
    expect(applied.json).toMatchObject({ translations: 1, mismatches: [] });
    const en = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: world.segments[1].id, lang: "en" } },
    });
    expect(en).toMatchObject({ text: "Second", status: "draft", version: 1, updatedById: world.users.translator.id });
  });

  it("refuses an update by a viewer (403) and of a document of another project (404)", async () => {
    const data = "position,status,uk,en\r\n1,,x,y\r\n";
    const viewer = await upload("viewer", { name: "a.csv", data }, { mode: "update", documentId: world.document.id });
    expect(viewer.status).toBe(403);
    const other = await world.db.project.create({
      data: { name: "Other", memberships: { create: { userId: world.users.owner.id, role: "owner" } } },
    });
    const res = await upload(
      "owner",
      { name: "a.csv", data },
      { mode: "update", documentId: world.document.id },
      {},
      other.id,
    );
    expect(res.status).toBe(404);
  });

  it("answers a refused file with a 400 naming the reason and the line", async () => {
    const before = await rowCounts(world.db);
    const malformed = '<tmx version="1.4">\n<header srclang="uk"/>\n<body>\n<tu>\n</body>\n</tmx>';
    const res = await upload("owner", { name: "bad.tmx", data: malformed }, {}, { "accept-language": "uk" });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "invalid_input", details: { reason: "xml_malformed", line: 5 } });
    expect(typeof res.json.error.message).toBe("string");
    const unsupported = await upload("owner", { name: "scan.pdf", data: "%PDF" });
    expect(unsupported.json.error.details).toMatchObject({ reason: "unsupported_type" });
    const noFile = await upload("owner", null, { mode: "new" });
    expect(noFile.json.error.details).toMatchObject({ reason: "no_file" });
    const badMode = await upload("owner", { name: "a.txt", data: TEXT }, { mode: "merge" });
    expect(badMode.json.error.details).toMatchObject({ reason: "mode" });
    expect(await rowCounts(world.db)).toEqual(before);
  });

  it("stops reading an upload over PARALLEL_MAX_UPLOAD_MB with 413", async () => {
    process.env.PARALLEL_MAX_UPLOAD_MB = "0.05";
    const before = await rowCounts(world.db);
    const res = await upload("owner", { name: "big.txt", data: "Абзац.\n".repeat(20_000) });
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: "too_large", details: { reason: "file_too_large", maxMb: 0.05 } });
    expect(await rowCounts(world.db)).toEqual(before);
  });

  it("refuses a body that is not multipart", async () => {
    const req = new Request(`http://localhost/api/v1/projects/${world.project.id}/documents`, {
      method: "POST",
      body: JSON.stringify({ file: "x" }),
      headers: { authorization: `Bearer ${world.tokens.owner}`, "content-type": "application/json" },
    });
    const res = await post(req, { params: Promise.resolve({ id: world.project.id }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toMatchObject({ reason: "not_multipart" });
  });
});
