import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CallOptions, call, createWorld, type World } from "../../tests/world";

let world: World;
let putTranslation: unknown;

beforeAll(async () => {
  world = await createWorld();
  putTranslation = (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/route")).PUT;
});
afterAll(() => world.cleanup());

function put(as: keyof World["tokens"], segmentId: string, lang: string, body: unknown, extra: CallOptions = {}) {
  return call(putTranslation, `/api/v1/segments/${segmentId}/translations/${lang}`, {
    method: "PUT",
    token: world.tokens[as],
    params: { segmentId, lang },
    body,
    ...extra,
  });
}

const revisions = () => world.db.revision.count();
const translationOf = (segmentId: string, lang: string) =>
  world.db.translation.findUniqueOrThrow({ where: { segmentId_lang: { segmentId, lang } } });

describe("PUT /api/v1/segments/{segmentId}/translations/{lang}", () => {
  it("saves for a translator, then refuses a save based on a stale version", async () => {
    const segment = world.segments[0];
    const saved = await put("translator", segment.id, "en", { text: "Civil service reform", baseVersion: 0 });
    expect(saved.status).toBe(200);
    expect(saved.headers.get("cache-control")).toBe("no-store");
    expect(saved.json.translation).toMatchObject({
      segmentId: segment.id,
      lang: "en",
      text: "Civil service reform",
      status: "draft",
      version: 1,
    });
    const before = await revisions();

    const stale = await put("owner", segment.id, "en", { text: "Something else", baseVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({
      code: "conflict",
      message: "Someone saved a newer version meanwhile.",
      current: {
        text: "Civil service reform",
        status: "draft",
        version: 1,
        updatedBy: { id: world.users.translator.id, name: world.users.translator.name },
      },
    });
    expect(await revisions()).toBe(before);
    expect((await translationOf(segment.id, "en")).text).toBe("Civil service reform");
  });

  it("refuses a viewer with 403 and writes nothing", async () => {
    const segment = world.segments[1];
    const before = await revisions();
    const res = await put("viewer", segment.id, "en", { text: "Viewer text", baseVersion: 0 });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("forbidden");
    expect(await revisions()).toBe(before);
    expect(await translationOf(segment.id, "en")).toMatchObject({ text: "", version: 0 });
  });

  it("lets a reviewer approve without changing the text, but not a translator", async () => {
    const segment = world.segments[2];
    const first = await put("translator", segment.id, "kk", {
      text: "Мемлекеттік қызмет",
      status: "translated",
      baseVersion: 0,
    });
    expect(first.status).toBe(200);

    const byTranslator = await put("translator", segment.id, "kk", {
      text: "Мемлекеттік қызмет",
      status: "approved",
      baseVersion: 1,
    });
    expect(byTranslator.status).toBe(403);
    expect(byTranslator.json.error.code).toBe("forbidden");

    const byReviewer = await put("reviewer", segment.id, "kk", {
      text: "Мемлекеттік қызмет",
      status: "approved",
      baseVersion: 1,
    });
    expect(byReviewer.status).toBe(200);
    expect(byReviewer.json.translation).toMatchObject({ status: "approved", version: 2 });
  });

  it("takes the segment and language from the path, not the body", async () => {
    const [target, other] = [world.segments[3], world.segments[4]];
    const res = await put("translator", target.id, "en", {
      text: "From the path",
      baseVersion: 0,
      segmentId: other.id,
      lang: "kk",
    });
    expect(res.status).toBe(200);
    expect(res.json.translation).toMatchObject({ segmentId: target.id, lang: "en" });
    expect((await translationOf(other.id, "kk")).text).toBe("");
  });

  it.each([
    ["text over 20,000 characters", { text: "a".repeat(20_001), baseVersion: 0 }, "text"],
    ["a control character", { text: "bell \u0007", baseVersion: 0 }, "text"],
    ["an unknown status", { text: "ok", status: "published", baseVersion: 0 }, "status"],
    ["a negative baseVersion", { text: "ok", baseVersion: -1 }, "baseVersion"],
    ["no baseVersion", { text: "ok" }, "baseVersion"],
  ])("refuses %s with 400", async (_, body, field) => {
    const before = await revisions();
    const res = await put("translator", world.segments[5].id, "en", body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "invalid_input", details: { field } });
    expect(await revisions()).toBe(before);
  });

  it("refuses a language that is not a target of the project", async () => {
    const res = await put("translator", world.segments[5].id, "de", { text: "Hallo", baseVersion: 0 });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "invalid_input", details: { field: "lang" } });
  });

  it("refuses a body that is not a JSON object", async () => {
    for (const body of ["{not json", "[1,2]", "null", ""]) {
      const res = await put("translator", world.segments[5].id, "en", body);
      expect(res.status, body).toBe(400);
      expect(res.json.error.code).toBe("invalid_input");
    }
  });

  it("refuses a body over 100 KB with 413, with or without Content-Length", async () => {
    const big = JSON.stringify({ text: "a".repeat(110 * 1024), baseVersion: 0 });
    const res = await put("translator", world.segments[5].id, "en", big);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("too_large");

    const declared = await put("translator", world.segments[5].id, "en", "{}", {
      headers: { "content-length": String(200 * 1024) },
    });
    expect(declared.status).toBe(413);
  });

  it("answers 404 to someone who is no member, and for an unknown segment", async () => {
    const res = await put("outsider", world.segments[6].id, "en", { text: "x", baseVersion: 0 });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect((await put("owner", "missing", "en", { text: "x", baseVersion: 0 })).status).toBe(404);
  });
});
