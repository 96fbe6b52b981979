// The permission matrix of issue #13, every role × every new action, through the real routes on a
// real database (tests/permission-matrix.test.ts has the rest). Expected answers are written out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createWorld, type World } from "./world";

type Who = "owner" | "translator" | "reviewer" | "viewer" | "outsider" | "anonymous";
const everyone: Who[] = ["owner", "translator", "reviewer", "viewer", "outsider", "anonymous"];
/** The answer of an owner-only action: members who are not owners 403, strangers 404. */
const ownersOnly = (ok: number): Record<Who, number> => ({
  owner: ok,
  translator: 403,
  reviewer: 403,
  viewer: 403,
  outsider: 404,
  anonymous: 401,
});
const members = (ok: number): Record<Who, number> => ({
  owner: ok,
  translator: ok,
  reviewer: ok,
  viewer: ok,
  outsider: 404,
  anonymous: 401,
});

let world: World;
// biome-ignore lint/suspicious/noExplicitAny: route modules are called as the tests' helper calls them.
let r: Record<string, any>;

beforeAll(async () => {
  world = await createWorld();
  r = {
    projects: await import("../app/api/v1/projects/route"),
    project: await import("../app/api/v1/projects/[id]/route"),
    restoreProject: await import("../app/api/v1/projects/[id]/restore/route"),
    document: await import("../app/api/v1/documents/[id]/route"),
    restoreDocument: await import("../app/api/v1/documents/[id]/restore/route"),
    original: await import("../app/api/v1/documents/[id]/original/route"),
    source: await import("../app/api/v1/documents/[id]/source/route"),
    segment: await import("../app/api/v1/segments/[segmentId]/route"),
    split: await import("../app/api/v1/segments/[segmentId]/split/route"),
    merge: await import("../app/api/v1/segments/[segmentId]/merge/route"),
  };
});
afterAll(() => world.cleanup());

const token = (who: Who) => (who === "anonymous" ? undefined : world.tokens[who]);

/** A project of its own with the world's owner, translator, reviewer and viewer, and one document. */
async function projectWithEveryone(name: string) {
  const { addExistingUserIn } = await import("../lib/projects/members");
  const { createProject } = await import("../lib/projects/create-project");
  const { createDocument } = await import("../lib/documents/create-document");
  const { parseLinesText } = await import("../lib/segments/parse-text");
  const { id } = await createProject(world.db, world.actor("owner"), {
    name,
    sourceLang: "uk",
    targetLangs: ["en", "kk"],
  });
  for (const role of ["translator", "reviewer", "viewer"] as const) {
    await world.db.$transaction((tx) => addExistingUserIn(tx, null, id, world.users[role], role));
  }
  const lines = [
    "Перший абзац. Друге речення.",
    "Другий абзац.",
    "Третій абзац.",
    "Четвертий.",
    "П’ятий.",
    "Шостий.",
    "Сьомий.",
  ];
  const documentId = await createDocument(world.db, {
    projectId: id,
    title: "Документ",
    segments: parseLinesText(lines.join("\n")),
    targetLangs: ["en", "kk"],
  });
  const segments = await world.db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  return { id, documentId, segments };
}

async function upload(who: Who, documentId: string, text: string, dryRun: boolean) {
  const form = new FormData();
  form.set("file", new File([text], "new.txt"));
  const req = new Request(`http://localhost/api/v1/documents/${documentId}/source${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    body: form,
    headers: token(who) ? { authorization: `Bearer ${token(who)}` } : {},
  });
  const res = await r.source.POST(req, { params: Promise.resolve({ id: documentId }) });
  return { status: res.status as number, json: await res.json() };
}

describe("permission matrix: projects and documents (#13)", () => {
  it("create a project: administrators, and accounts allowed to", async () => {
    const body = { name: "New", sourceLang: "uk", targetLangs: ["en"] };
    const expected: Record<Who, number> = {
      owner: 201,
      translator: 403,
      reviewer: 403,
      viewer: 403,
      outsider: 403,
      anonymous: 401,
    };
    for (const who of everyone) {
      const res = await call(r.projects.POST, "/api/v1/projects", {
        method: "POST",
        token: token(who),
        body: { ...body, name: `By ${who}` },
      });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
    await world.db.user.update({ where: { id: world.users.outsider.id }, data: { mayCreateProjects: true } });
    const allowed = await call(r.projects.POST, "/api/v1/projects", { method: "POST", token: token("outsider"), body });
    expect(allowed.status).toBe(201);
    expect(allowed.json.project).toMatchObject({ name: "New", role: "owner", targetLangs: ["en"] });
    await world.db.user.update({ where: { id: world.users.outsider.id }, data: { mayCreateProjects: false } });
  });

  it("read, change settings, archive", async () => {
    const p = await projectWithEveryone("Settings matrix");
    for (const who of everyone) {
      const got = await call(r.project.GET, `/api/v1/projects/${p.id}`, { token: token(who), params: { id: p.id } });
      expect([who, "read", got.status]).toEqual([who, "read", members(200)[who]]);
      const patched = await call(r.project.PATCH, `/api/v1/projects/${p.id}`, {
        method: "PATCH",
        token: token(who),
        params: { id: p.id },
        body: { name: `Renamed by ${who}` },
      });
      expect([who, "settings", patched.status]).toEqual([who, "settings", ownersOnly(200)[who]]);
      for (const archived of [true, false]) {
        const res = await call(r.project.PATCH, `/api/v1/projects/${p.id}`, {
          method: "PATCH",
          token: token(who),
          params: { id: p.id },
          body: { archived },
        });
        expect([who, "archive", archived, res.status]).toEqual([who, "archive", archived, ownersOnly(200)[who]]);
      }
    }
    expect((await world.db.project.findUniqueOrThrow({ where: { id: p.id } })).name).toBe("Renamed by owner");
  });

  it("trash and restore a project: owners; in the trash only owners and administrators see it", async () => {
    const p = await projectWithEveryone("Trash matrix");
    for (const who of everyone) {
      if (who === "owner") continue;
      const res = await call(r.project.DELETE, `/api/v1/projects/${p.id}`, {
        method: "DELETE",
        token: token(who),
        params: { id: p.id },
      });
      expect([who, res.status]).toEqual([who, ownersOnly(200)[who]]);
    }
    const trashed = await call(r.project.DELETE, `/api/v1/projects/${p.id}`, {
      method: "DELETE",
      token: token("owner"),
      params: { id: p.id },
    });
    expect(trashed.json).toMatchObject({ id: p.id, deleted: "trash" });
    const restore: Record<Who, number> = {
      owner: 200,
      translator: 404,
      reviewer: 404,
      viewer: 404,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of [...everyone.filter((w) => w !== "owner"), "owner" as const]) {
      const got = await call(r.project.GET, `/api/v1/projects/${p.id}`, { token: token(who), params: { id: p.id } });
      if (who !== "anonymous") expect([who, "hidden", got.status]).toEqual([who, "hidden", 404]);
      const res = await call(r.restoreProject.POST, `/api/v1/projects/${p.id}/restore`, {
        method: "POST",
        token: token(who),
        params: { id: p.id },
      });
      expect([who, "restore", res.status]).toEqual([who, "restore", restore[who]]);
    }
    expect((await world.db.project.findUniqueOrThrow({ where: { id: p.id } })).deletedAt).toBeNull();
  });

  it("rename, reorder, trash and restore a document; download its original", async () => {
    const p = await projectWithEveryone("Document matrix");
    await world.db.documentFile.create({
      data: {
        documentId: p.documentId,
        fileName: "doc.txt",
        format: "txt",
        size: 5,
        bytes: new Uint8Array(Buffer.from("Hello")),
      },
    });
    for (const who of everyone) {
      const renamed = await call(r.document.PATCH, `/api/v1/documents/${p.documentId}`, {
        method: "PATCH",
        token: token(who),
        params: { id: p.documentId },
        body: { title: `By ${who}`, position: 1 },
      });
      expect([who, "rename", renamed.status]).toEqual([who, "rename", ownersOnly(200)[who]]);
      const req = new Request(`http://localhost/api/v1/documents/${p.documentId}/original`, {
        headers: token(who) ? { authorization: `Bearer ${token(who)}` } : {},
      });
      const original = await r.original.GET(req, { params: Promise.resolve({ id: p.documentId }) });
      expect([who, "original", original.status]).toEqual([who, "original", members(200)[who]]);
      if (original.status === 200) expect(await original.text()).toBe("Hello");
      if (who === "owner") continue;
      const trashed = await call(r.document.DELETE, `/api/v1/documents/${p.documentId}`, {
        method: "DELETE",
        token: token(who),
        params: { id: p.documentId },
      });
      expect([who, "trash", trashed.status]).toEqual([who, "trash", ownersOnly(200)[who]]);
    }
    expect(
      (
        await call(r.document.DELETE, `/api/v1/documents/${p.documentId}`, {
          method: "DELETE",
          token: token("owner"),
          params: { id: p.documentId },
        })
      ).status,
    ).toBe(200);
    for (const who of [...everyone.filter((w) => w !== "owner"), "owner" as const]) {
      const res = await call(r.restoreDocument.POST, `/api/v1/documents/${p.documentId}/restore`, {
        method: "POST",
        token: token(who),
        params: { id: p.documentId },
      });
      expect([who, "restore", res.status]).toEqual([who, "restore", ownersOnly(200)[who]]);
    }
  });

  it("update the source: owners", async () => {
    const p = await projectWithEveryone("Source matrix");
    const text = (
      await world.db.segment.findMany({ where: { documentId: p.documentId }, orderBy: { position: "asc" } })
    )
      .map((s) => s.source)
      .join("\n");
    for (const who of everyone) {
      const res = await upload(who, p.documentId, `${text}\nНовий абзац.`, true);
      expect([who, res.status]).toEqual([who, ownersOnly(200)[who]]);
    }
    expect(await world.db.segment.count({ where: { documentId: p.documentId } })).toBe(7);
  });

  it("edit, split and merge source paragraphs: owners, and translators when the project allows", async () => {
    const p = await projectWithEveryone("Paragraph matrix");
    const editAs = async (who: Who, i: number) => {
      const seg = await world.db.segment.findUniqueOrThrow({ where: { id: p.segments[i].id } });
      return call(r.segment.PATCH, `/api/v1/segments/${seg.id}`, {
        method: "PATCH",
        token: token(who),
        params: { segmentId: seg.id },
        body: { source: `${seg.source} (${who})`, baseVersion: seg.version },
      });
    };
    for (const [i, who] of everyone.entries()) {
      expect([who, "edit", (await editAs(who, i)).status]).toEqual([who, "edit", ownersOnly(200)[who]]);
      const merged = await call(r.merge.POST, `/api/v1/segments/${p.segments[6].id}/merge`, {
        method: "POST",
        token: token(who),
        params: { segmentId: p.segments[6].id },
      });
      // The owner is told the last paragraph has nothing to merge with; the others may not merge at all.
      expect([who, "merge", merged.status]).toEqual([who, "merge", ownersOnly(400)[who]]);
      const split = await call(r.split.POST, `/api/v1/segments/${p.segments[5].id}/split`, {
        method: "POST",
        token: token(who),
        params: { segmentId: p.segments[5].id },
        body: { offset: 0 },
      });
      expect([who, "split", split.status]).toEqual([who, "split", ownersOnly(400)[who]]);
    }
    await world.db.project.update({ where: { id: p.id }, data: { translatorsMayEditSource: true } });
    const allowed: Record<Who, number> = { ...ownersOnly(200), translator: 200 };
    for (const who of everyone)
      expect([who, "allowed", (await editAs(who, 0)).status]).toEqual([who, "allowed", allowed[who]]);
  });

  it("read one paragraph with its translations: every member; strangers 404", async () => {
    const p = await projectWithEveryone("Paragraph read matrix");
    const seg = p.segments[1];
    for (const who of everyone) {
      const res = await call(r.segment.GET, `/api/v1/segments/${seg.id}`, {
        token: token(who),
        params: { segmentId: seg.id },
      });
      expect([who, res.status]).toEqual([who, members(200)[who]]);
      if (res.status === 200) {
        expect(res.json.segment).toMatchObject({ id: seg.id, position: 2, source: "Другий абзац.", version: 0 });
        expect(Object.keys(res.json.segment.translations).sort()).toEqual(["en", "kk"]);
      }
    }
  });

  it("an archived project refuses every change, to its owner too, and reads as before", async () => {
    const p = await projectWithEveryone("Archive matrix");
    await call(r.project.PATCH, `/api/v1/projects/${p.id}`, {
      method: "PATCH",
      token: token("owner"),
      params: { id: p.id },
      body: { archived: true },
    });
    const as = { token: token("owner") };
    const seg = p.segments[0];
    const writes = [
      await call(r.project.PATCH, "", { ...as, method: "PATCH", params: { id: p.id }, body: { name: "X" } }),
      await call(r.document.PATCH, "", { ...as, method: "PATCH", params: { id: p.documentId }, body: { title: "X" } }),
      await call(r.document.DELETE, "", { ...as, method: "DELETE", params: { id: p.documentId } }),
      await call(r.segment.PATCH, "", {
        ...as,
        method: "PATCH",
        params: { segmentId: seg.id },
        body: { source: "X", baseVersion: 0 },
      }),
      await call(r.split.POST, "", { ...as, method: "POST", params: { segmentId: seg.id }, body: { offset: 5 } }),
      await call(r.merge.POST, "", { ...as, method: "POST", params: { segmentId: seg.id } }),
      await upload("owner", p.documentId, "Зовсім інший текст.", false),
    ];
    for (const [i, res] of writes.entries())
      expect([i, res.status, res.json.error?.code]).toEqual([i, 403, "read_only"]);
    const put = (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/route")).PUT;
    const saved = await call(put, "", {
      ...as,
      method: "PUT",
      params: { segmentId: seg.id, lang: "en" },
      body: { text: "T", baseVersion: 0 },
    });
    expect([saved.status, saved.json.error.code]).toEqual([403, "read_only"]);
    expect((await call(r.project.GET, "", { ...as, params: { id: p.id } })).json.project.archived).toBe(true);
    expect(await world.db.segment.findUniqueOrThrow({ where: { id: seg.id } })).toMatchObject({
      source: seg.source,
      version: 0,
    });
    const restored = await call(r.restoreProject.POST, "", { ...as, method: "POST", params: { id: p.id } });
    expect(restored.json).toEqual({ id: p.id, restoredFrom: "archive" });
  });
});

describe("several paragraphs read at once (GET /api/v1/documents/{id}/paragraphs)", () => {
  it("every member reads them, in position order, with their translations; strangers 404; bad ids 400", async () => {
    const paragraphs = (await import("../app/api/v1/documents/[id]/paragraphs/route")).GET;
    const p = await projectWithEveryone("Paragraphs read matrix");
    const ids = [p.segments[3].id, p.segments[1].id];
    for (const who of everyone) {
      const res = await call(paragraphs, `/api/v1/documents/${p.documentId}/paragraphs?ids=${ids.join(",")}`, {
        token: token(who),
        params: { id: p.documentId },
      });
      expect([who, res.status]).toEqual([who, members(200)[who]]);
      if (res.status === 200) {
        expect(res.json.paragraphs.map((s: { position: number; source: string }) => [s.position, s.source])).toEqual([
          [2, "Другий абзац."],
          [4, "Четвертий."],
        ]);
        expect(Object.keys(res.json.paragraphs[0].translations).sort()).toEqual(["en", "kk"]);
      }
    }
    // Another document's paragraph is not read through this one.
    const other = await projectWithEveryone("Paragraphs read matrix, other");
    const foreign = await call(paragraphs, `/api/v1/documents/${p.documentId}/paragraphs?ids=${other.segments[0].id}`, {
      token: token("owner"),
      params: { id: p.documentId },
    });
    expect([foreign.status, foreign.json.paragraphs]).toEqual([200, []]);
    const none = await call(paragraphs, `/api/v1/documents/${p.documentId}/paragraphs`, {
      token: token("owner"),
      params: { id: p.documentId },
    });
    expect([none.status, none.json.error.code, none.json.error.details?.field]).toEqual([400, "invalid_input", "ids"]);
  });
});
