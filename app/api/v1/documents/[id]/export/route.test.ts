import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TMX_DTD, xmllint } from "../../../../../../tests/standards/xmllint";
import { createWorld, type World } from "../../../../../../tests/world";

let world: World;
type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let GET: Handler;

beforeAll(async () => {
  world = await createWorld();
  GET = (await import("./route")).GET as Handler;
});
afterAll(() => world.cleanup());

/** Calls the route as Next does; the body is read as text (exports are not JSON). */
async function download(query: string, as?: keyof World["tokens"], id = world.document.id) {
  const headers = new Headers(as ? { authorization: `Bearer ${world.tokens[as]}` } : {});
  const res = await GET(new Request(`http://localhost/api/v1/documents/${id}/export?${query}`, { headers }), {
    params: Promise.resolve({ id }),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const errorOf = (text: string) => JSON.parse(text).error;

describe("GET /api/v1/documents/{id}/export", () => {
  it("lets a viewer download a TMX, with the file name and type in the headers", async () => {
    const res = await download("format=tmx&target=en,kk", "viewer");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-tmx+xml; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Civil service reform in Kazakhstan.en+kk.tmx"; ` +
        "filename*=UTF-8''Civil%20service%20reform%20in%20Kazakhstan.en%2Bkk.tmx",
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(xmllint(res.text, { dtd: TMX_DTD }).valid).toBe(true);
    expect(res.text).toContain("[52, с. 5]");
  });

  it("names a Cyrillic title safely", async () => {
    await world.db.document.update({ where: { id: world.document.id }, data: { title: 'Реформа "А/Б"\r\nx' } });
    try {
      const res = await download("format=csv&target=kk-Latn", "translator");
      expect(res.status).toBe(200);
      const disposition = res.headers.get("content-disposition")!;
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7E]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
      const encoded = disposition.split("filename*=UTF-8''")[1];
      expect(decodeURIComponent(encoded)).toBe("Реформа А Б x.kk-Latn.csv");
    } finally {
      await world.db.document.update({ where: { id: world.document.id }, data: { title: world.document.title } });
    }
  });

  it("sends each format with its type", async () => {
    const types: Record<string, string> = {
      xliff12: "application/xliff+xml; charset=utf-8",
      xliff20: "application/xliff+xml; charset=utf-8",
      tsv: "text/tab-separated-values; charset=utf-8",
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "docx-target": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      txt: "text/plain; charset=utf-8",
    };
    for (const [format, type] of Object.entries(types)) {
      const res = await download(`format=${format}`, "owner");
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type"), format).toBe(type);
    }
  });

  it("answers 404 to someone who is no member, and for a document that does not exist", async () => {
    const outsider = await download("format=tmx", "outsider");
    expect(outsider.status).toBe(404);
    expect(errorOf(outsider.text).code).toBe("not_found");
    expect((await download("format=tmx", "owner", "no-such-document")).status).toBe(404);
  });

  it("answers 401 without a token", async () => {
    const res = await download("format=tmx");
    expect(res.status).toBe(401);
    expect(errorOf(res.text).code).toBe("unauthenticated");
  });

  it.each([
    ["format=pdf", "format"],
    ["", "format"],
    ["format=tmx&target=de", "target"],
    ["format=txt&target=en,kk", "target"],
    ["format=tmx&notes=perhaps", "notes"],
  ])("refuses %j with 400 naming the field", async (query, field) => {
    const res = await download(query, "viewer");
    expect(res.status).toBe(400);
    expect(errorOf(res.text)).toMatchObject({ code: "invalid_input", details: { field } });
  });
});
