// Every role × every action that exists, through the real routes and domain functions, on a real
// database. The expected answers are written out here, not derived from lib/auth/permissions.ts,
// so a change to the rules has to change this table too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, signedIn } from "../lib/auth/actor";
import { call, createWorld, type World } from "./world";

type Who = "owner" | "translator" | "reviewer" | "viewer" | "outsider" | "anonymous";
const everyone: Who[] = ["owner", "translator", "reviewer", "viewer", "outsider", "anonymous"];

let world: World;
let routes: Record<string, unknown>;

beforeAll(async () => {
  world = await createWorld();
  routes = {
    segments: (await import("../app/api/v1/documents/[id]/segments/route")).GET,
    documents: (await import("../app/api/v1/documents/route")).GET,
    put: (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/route")).PUT,
    revisions: (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/revisions/route")).GET,
    replace: (await import("../app/api/v1/documents/[id]/replace/route")).POST,
    notes: await import("../app/api/v1/segments/[segmentId]/notes/route"),
    note: (await import("../app/api/v1/notes/[id]/route")).PATCH,
    decision: (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/decision/route")).POST,
    importPlace: (await import("../app/api/v1/imports/[ticket]/route")).GET,
    inbox: (await import("../app/api/v1/me/inbox/route")).GET,
    unread: (await import("../app/api/v1/me/inbox/unread/route")).GET,
    read: (await import("../app/api/v1/me/inbox/read/route")).POST,
    sentBack: (await import("../app/api/v1/documents/[id]/sent-back/route")).GET,
    qaCheck: (await import("../app/api/v1/qa/check/route")).POST,
    documentQa: (await import("../app/api/v1/documents/[id]/qa/route")).GET,
    qaIgnores: await import("../app/api/v1/segments/[segmentId]/translations/[lang]/qa/ignores/route"),
    qaUnignore: (await import("../app/api/v1/qa/ignores/[id]/route")).DELETE,
    qaSettings: await import("../app/api/v1/projects/[id]/qa-settings/route"),
    qaDictionary: (await import("../app/api/v1/projects/[id]/qa-settings/dictionary/route")).POST,
    translation: (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/route")).GET,
    events: (await import("../app/api/v1/documents/[id]/events/route")).GET,
    presence: (await import("../app/api/v1/documents/[id]/presence/route")).PUT,
    unlock: (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/unlock/route")).POST,
    undo: (await import("../app/api/v1/bulk-edits/[id]/undo/route")).POST,
  };
});
afterAll(() => world.cleanup());

const token = (who: Who) => (who === "anonymous" ? undefined : world.tokens[who]);
const actorOf = (who: Who): Actor | null =>
  who === "anonymous"
    ? null
    : { userId: world.users[who].id, name: who, email: world.users[who].email, isAdmin: false, via: "token" };

async function version(segmentId: string, lang = "en") {
  return (await world.db.translation.findUniqueOrThrow({ where: { segmentId_lang: { segmentId, lang } } })).version;
}

async function put(who: Who, segmentId: string, body: Record<string, unknown>, lang = "en") {
  return call(routes.put, `/api/v1/segments/${segmentId}/translations/${lang}`, {
    method: "PUT",
    token: token(who),
    params: { segmentId, lang },
    body: { baseVersion: await version(segmentId, lang), ...body },
  });
}

/** Domain errors as the HTTP status a route would give. */
async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
    return 200;
  } catch (error) {
    return (error as { status?: number }).status ?? 500;
  }
}

describe("permission matrix", () => {
  it("read the document (segments and the document list)", async () => {
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 200,
      viewer: 200,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      const res = await call(routes.segments, `/api/v1/documents/${world.document.id}/segments`, {
        token: token(who),
        params: { id: world.document.id },
      });
      expect([who, res.status]).toEqual([who, expected[who]]);
      const list = await call(routes.documents, "/api/v1/documents", { token: token(who) });
      if (who === "anonymous") expect(list.status).toBe(401);
      else expect([who, list.json.documents.length]).toEqual([who, who === "outsider" ? 0 : 1]);
    }
  });

  it("edit a translation's text", async () => {
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    for (const [i, who] of everyone.entries()) {
      const segment = world.segments[i];
      const before = await version(segment.id);
      const res = await put(who, segment.id, { text: `Text by ${who}` });
      expect([who, res.status]).toEqual([who, expected[who]]);
      expect([who, await version(segment.id)]).toEqual([who, expected[who] === 200 ? before + 1 : before]);
    }
  });

  it("set each status", async () => {
    const segment = world.segments[10];
    await put("owner", segment.id, { text: "Existing translation" });
    const allowed: Record<Who, string[]> = {
      owner: ["draft", "translated", "reviewed", "approved", "rejected"],
      translator: ["draft", "translated"],
      reviewer: ["reviewed", "approved", "rejected"],
      viewer: [],
      outsider: [],
      anonymous: [],
    };
    for (const who of everyone) {
      for (const status of ["new", "draft", "translated", "reviewed", "approved", "rejected"]) {
        const res = await put(who, segment.id, { text: "Existing translation", status });
        const want = allowed[who].includes(status) ? 200 : who === "outsider" ? 404 : who === "anonymous" ? 401 : 403;
        expect([who, status, res.status]).toEqual([who, status, want]);
      }
    }
  });

  it("a save that changes nothing: refused to whoever may not edit, written by nobody", async () => {
    const segment = world.segments[6];
    await put("owner", segment.id, { text: "Settled text" });
    const before = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: segment.id, lang: "en" } },
    });
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      for (const status of [undefined, before.status]) {
        const res = await put(who, segment.id, { text: "Settled text", status });
        expect([who, status, res.status]).toEqual([who, status, expected[who]]);
        if (res.status === 200) expect(res.json.translation).toMatchObject({ version: before.version });
      }
    }
    expect(
      await world.db.translation.findUniqueOrThrow({
        where: { segmentId_lang: { segmentId: segment.id, lang: "en" } },
      }),
    ).toEqual(before);
  });

  it("read a translation's history", async () => {
    const segment = world.segments[0];
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 200,
      viewer: 200,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      const res = await call(routes.revisions, `/api/v1/segments/${segment.id}/translations/en/revisions`, {
        token: token(who),
        params: { segmentId: segment.id, lang: "en" },
      });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
  });

  it("find and replace: everyone who reads may preview, only editors may apply", async () => {
    const preview: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 200,
      viewer: 200,
      outsider: 404,
      anonymous: 401,
    };
    const apply: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      for (const [doApply, expected] of [
        [false, preview],
        [true, apply],
      ] as const) {
        const res = await call(routes.replace, `/api/v1/documents/${world.document.id}/replace`, {
          method: "POST",
          token: token(who),
          params: { id: world.document.id },
          body: { lang: "en", find: "zzz-no-match", replace: "x", apply: doApply },
        });
        expect([who, doApply, res.status]).toEqual([who, doApply, expected[who]]);
      }
    }
  });

  it("undo a find and replace: its author and owners", async () => {
    const segment = world.segments[5];
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 200, // the author
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      expect((await put("translator", segment.id, { text: "Marker alpha" })).status).toBe(200);
      const replaced = await call(routes.replace, `/api/v1/documents/${world.document.id}/replace`, {
        method: "POST",
        token: token("translator"),
        params: { id: world.document.id },
        body: { lang: "en", find: "Marker alpha", replace: "Marker beta", apply: true },
      });
      const id = replaced.json.bulkEditId;
      const res = await call(routes.undo, `/api/v1/bulk-edits/${id}/undo`, {
        method: "POST",
        token: token(who),
        params: { id },
      });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
  });

  it("manage members and project settings", async () => {
    const { addMember, changeMemberRole, removeMember } = await import("../lib/projects/members");
    const { updateProjectSettings } = await import("../lib/projects/settings");
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 403,
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      // The wrappers' own check: an anonymous caller is refused before any domain function runs.
      const actor = () => signedIn(actorOf(who));
      const email = `new-${who}@example.com`;
      const added = await statusOf(() => addMember(world.db, actor(), world.project.id, { email, role: "viewer" }));
      expect([who, "add", added]).toEqual([who, "add", expected[who]]);
      const target = world.users.viewer.id;
      const changed = await statusOf(() => changeMemberRole(world.db, actor(), world.project.id, target, "viewer"));
      expect([who, "role", changed]).toEqual([who, "role", expected[who]]);
      const settings = await statusOf(() =>
        updateProjectSettings(world.db, actor(), world.project.id, { reviewersMayEdit: false }),
      );
      expect([who, "settings", settings]).toEqual([who, "settings", expected[who]]);
    }
    // Removing: only the owner, and never the last owner.
    expect(
      await statusOf(() => removeMember(world.db, world.actor("translator"), world.project.id, world.users.viewer.id)),
    ).toBe(403);
    expect(
      await statusOf(() => removeMember(world.db, world.actor("owner"), world.project.id, world.users.owner.id)),
    ).toBe(409);
    expect(await world.db.membership.count({ where: { projectId: world.project.id, role: "owner" } })).toBe(1);
    // Every membership change was recorded with who made it.
    const audit = await world.db.auditEvent.findMany({
      where: { projectId: world.project.id, action: { startsWith: "member." } },
    });
    expect(audit.some((e) => e.action === "member.invite" && e.actorId === world.users.owner.id)).toBe(true);
    expect(audit.some((e) => e.action === "member.role" && e.actorId === world.users.owner.id)).toBe(true);
  });

  it("a reviewer edits text only when the owner allows it", async () => {
    const { updateProjectSettings } = await import("../lib/projects/settings");
    const segment = world.segments[9];
    expect((await put("reviewer", segment.id, { text: "Reviewer's fix" })).status).toBe(403);
    await updateProjectSettings(world.db, world.actor("owner"), world.project.id, { reviewersMayEdit: true });
    expect((await put("reviewer", segment.id, { text: "Reviewer's fix" })).status).toBe(200);
    await updateProjectSettings(world.db, world.actor("owner"), world.project.id, { reviewersMayEdit: false });
    expect((await put("reviewer", segment.id, { text: "Reviewer's second fix" })).status).toBe(403);
  });

  it("change an approved paragraph: locked for translators unless the project allows it", async () => {
    const { updateProjectSettings } = await import("../lib/projects/settings");
    const segment = world.segments[6];
    const approve = () => put("owner", segment.id, { text: "Approved text", status: "approved" });
    const locked: Record<Who, number> = {
      owner: 200,
      translator: 403,
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      expect((await approve()).status).toBe(200);
      const res = await put(who, segment.id, { text: `Changed by ${who}` });
      expect([who, res.status]).toEqual([who, locked[who]]);
      if (who === "translator") expect(res.json.error.details.reason).toBe("locked");
    }
    await updateProjectSettings(world.db, world.actor("owner"), world.project.id, {
      translatorsMayChangeApproved: true,
    });
    expect((await approve()).status).toBe(200);
    expect((await put("translator", segment.id, { text: "Changed by the translator" })).status).toBe(200);
    await updateProjectSettings(world.db, world.actor("owner"), world.project.id, {
      translatorsMayChangeApproved: false,
    });
  });

  it("unlock an approved paragraph for translators: owners only", async () => {
    const segment = world.segments[6];
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 403,
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    // The owner last: everyone else's attempt must leave it approved.
    expect((await put("owner", segment.id, { text: "Approved text", status: "approved" })).status).toBe(200);
    for (const who of [...everyone.filter((w) => w !== "owner"), "owner" as const]) {
      const res = await call(routes.unlock, `/api/v1/segments/${segment.id}/translations/en/unlock`, {
        method: "POST",
        token: token(who),
        params: { segmentId: segment.id, lang: "en" },
        body: {},
      });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
    expect((await put("translator", segment.id, { text: "Opened again" })).status).toBe(200);
  });

  it("read notes, comment, resolve one's own thread or any thread", async () => {
    const segment = world.segments[8];
    const notes = routes.notes as { GET: unknown; POST: unknown };
    const read: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 200,
      viewer: 200,
      outsider: 404,
      anonymous: 401,
    };
    const comment: Record<Who, number> = {
      owner: 201,
      translator: 201,
      reviewer: 201,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    const ownThread: Partial<Record<Who, string>> = {};
    for (const who of everyone) {
      const got = await call(notes.GET, `/api/v1/segments/${segment.id}/notes`, {
        token: token(who),
        params: { segmentId: segment.id },
      });
      expect([who, "read", got.status]).toEqual([who, "read", read[who]]);
      const posted = await call(notes.POST, `/api/v1/segments/${segment.id}/notes`, {
        method: "POST",
        token: token(who),
        params: { segmentId: segment.id },
        body: { body: `A note by ${who}` },
      });
      expect([who, "comment", posted.status]).toEqual([who, "comment", comment[who]]);
      if (posted.status === 201) ownThread[who] = posted.json.note.id;
    }
    const resolve = (who: Who, id: string) =>
      call(routes.note, `/api/v1/notes/${id}`, {
        method: "PATCH",
        token: token(who),
        params: { id },
        body: { resolved: true },
      });
    // Own thread: everyone who may comment. Someone else's (the owner's) thread: owner and reviewer only.
    for (const who of ["owner", "translator", "reviewer"] as const) {
      expect([who, "own", (await resolve(who, ownThread[who]!)).status]).toEqual([who, "own", 200]);
    }
    const others: Record<Who, number> = {
      owner: 200,
      translator: 403,
      reviewer: 200,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      expect([who, "any", (await resolve(who, ownThread.owner!)).status]).toEqual([who, "any", others[who]]);
    }
  });

  it("resolve a thread addressed to oneself (@mentioned): everyone who may comment", async () => {
    const segment = world.segments[6];
    const notes = routes.notes as { POST: unknown };
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 200,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      // Someone else's thread, naming `who` (the outsider and nobody cannot be named: not members).
      const author = who === "owner" ? "reviewer" : "owner";
      const name = who === "anonymous" || who === "outsider" ? "nobody" : world.users[who].name;
      const posted = await call(notes.POST, `/api/v1/segments/${segment.id}/notes`, {
        method: "POST",
        token: token(author),
        params: { segmentId: segment.id },
        body: { body: `@${name} please look` },
      });
      const id = posted.json.note.id;
      const res = await call(routes.note, `/api/v1/notes/${id}`, {
        method: "PATCH",
        token: token(who),
        params: { id },
        body: { resolved: true },
      });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
  });

  it("the inbox (mentions, send-backs, unread count, mark read) and a document's send-backs", async () => {
    const signedInOnly: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 200,
      viewer: 200,
      outsider: 200,
      anonymous: 401,
    };
    const members: Record<Who, number> = { ...signedInOnly, outsider: 404 };
    const anyNote = await world.db.note.findFirstOrThrow();
    for (const who of everyone) {
      const inbox = await call(routes.inbox, "/api/v1/me/inbox", { token: token(who) });
      expect([who, "inbox", inbox.status]).toEqual([who, "inbox", signedInOnly[who]]);
      const unread = await call(routes.unread, "/api/v1/me/inbox/unread", { token: token(who) });
      expect([who, "unread", unread.status]).toEqual([who, "unread", signedInOnly[who]]);
      const read = await call(routes.read, "/api/v1/me/inbox/read", {
        method: "POST",
        token: token(who),
        body: { noteIds: [anyNote.id] },
      });
      expect([who, "read", read.status]).toEqual([who, "read", signedInOnly[who]]);
      const sentBack = await call(routes.sentBack, `/api/v1/documents/${world.document.id}/sent-back`, {
        token: token(who),
        params: { id: world.document.id },
      });
      expect([who, "sent-back", sentBack.status]).toEqual([who, "sent-back", members[who]]);
    }
  });

  it("review decisions through the decision route", async () => {
    const segment = world.segments[7];
    await put("owner", segment.id, { text: "To decide on" });
    const allowed: Record<Who, string[]> = {
      owner: ["reviewed", "approved", "rejected"],
      translator: [],
      reviewer: ["reviewed", "approved", "rejected"],
      viewer: [],
      outsider: [],
      anonymous: [],
    };
    for (const who of everyone) {
      for (const decision of ["reviewed", "approved", "rejected"]) {
        const res = await call(routes.decision, `/api/v1/segments/${segment.id}/translations/en/decision`, {
          method: "POST",
          token: token(who),
          params: { segmentId: segment.id, lang: "en" },
          body: { decision, note: "Because." },
        });
        const want = allowed[who].includes(decision) ? 200 : who === "outsider" ? 404 : who === "anonymous" ? 401 : 403;
        expect([who, decision, res.status]).toEqual([who, decision, want]);
      }
    }
  });

  it("quality checks: members check and read reports; owner, translator and reviewer ignore; owners set", async () => {
    const segment = world.segments[6];
    const member: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 200,
      viewer: 200,
      outsider: 404,
      anonymous: 401,
    };
    const ignore: Record<Who, number> = {
      owner: 201,
      translator: 201,
      reviewer: 201,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    const unignore: Record<Who, number> = { ...member, viewer: 403 };
    const owners: Record<Who, number> = {
      owner: 200,
      translator: 403,
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    const qaIgnores = routes.qaIgnores as { GET: unknown; POST: unknown };
    const { ignoreFinding } = await import("../lib/qa/store/ignores");
    const standing = await ignoreFinding(world.db, world.actor("owner"), segment.id, "en", {
      key: "citations:missing:[99]",
      check: "citations",
      messageKey: "qa.citations.missing",
      reason: "The owner's",
    });
    const qaSettings = routes.qaSettings as { GET: unknown; PUT: unknown };
    for (const who of everyone) {
      const checked = await call(routes.qaCheck, "/api/v1/qa/check", {
        method: "POST",
        token: token(who),
        body: {
          source: "Текст [53].",
          target: "Text.",
          sourceLang: "uk",
          targetLang: "en",
          projectId: world.project.id,
          segmentId: segment.id,
        },
      });
      expect([who, "check", checked.status]).toEqual([who, "check", member[who]]);
      const report = await call(routes.documentQa, `/api/v1/documents/${world.document.id}/qa?target=en`, {
        token: token(who),
        params: { id: world.document.id },
      });
      expect([who, "report", report.status]).toEqual([who, "report", member[who]]);
      const history = await call(qaIgnores.GET, `/api/v1/segments/${segment.id}/translations/en/qa/ignores`, {
        token: token(who),
        params: { segmentId: segment.id, lang: "en" },
      });
      expect([who, "history", history.status]).toEqual([who, "history", member[who]]);
      const ignored = await call(qaIgnores.POST, `/api/v1/segments/${segment.id}/translations/en/qa/ignores`, {
        method: "POST",
        token: token(who),
        params: { segmentId: segment.id, lang: "en" },
        body: { key: "citations:missing:[53]", check: "citations", messageKey: "qa.citations.missing", reason: who },
      });
      expect([who, "ignore", ignored.status]).toEqual([who, "ignore", ignore[who]]);
      // Each ignoring role takes its own mark back; the others try the owner's standing one.
      const mark = ignored.status === 201 ? ignored.json.ignore.id : standing.id;
      const unignored = await call(routes.qaUnignore, `/api/v1/qa/ignores/${mark}`, {
        method: "DELETE",
        token: token(who),
        params: { id: mark },
      });
      expect([who, "unignore", unignored.status]).toEqual([who, "unignore", unignore[who]]);
      const read = await call(qaSettings.GET, `/api/v1/projects/${world.project.id}/qa-settings`, {
        token: token(who),
        params: { id: world.project.id },
      });
      expect([who, "settings", read.status]).toEqual([who, "settings", member[who]]);
      const put = await call(qaSettings.PUT, `/api/v1/projects/${world.project.id}/qa-settings`, {
        method: "PUT",
        token: token(who),
        params: { id: world.project.id },
        body: { severity: { "double-space": "warning" } },
      });
      expect([who, "put settings", put.status]).toEqual([who, "put settings", owners[who]]);
      const word = await call(routes.qaDictionary, `/api/v1/projects/${world.project.id}/qa-settings/dictionary`, {
        method: "POST",
        token: token(who),
        params: { id: world.project.id },
        body: { lang: "en", word: "akimat" },
      });
      expect([who, "dictionary", word.status]).toEqual([who, "dictionary", owners[who]]);
    }
    // The owner's mark is still in force: nobody else could take it back.
    expect((await world.db.qaIgnore.findUniqueOrThrow({ where: { id: standing.id } })).unignoredAt).toBeNull();
    await world.db.qaSettings.deleteMany({ where: { projectId: world.project.id } });
  });

  it("create a personal API token: any signed-in browser with its current password, never a token", async () => {
    const { createTokenWithPassword } = await import("../lib/auth/passwords");
    const { PASSWORD } = await import("./world");
    const expected: Record<Who, { right: number; wrong: number; viaToken: number }> = {
      owner: { right: 200, wrong: 401, viaToken: 403 },
      translator: { right: 200, wrong: 401, viaToken: 403 },
      reviewer: { right: 200, wrong: 401, viaToken: 403 },
      viewer: { right: 200, wrong: 401, viaToken: 403 },
      outsider: { right: 200, wrong: 401, viaToken: 403 },
      anonymous: { right: 401, wrong: 401, viaToken: 401 },
    };
    for (const [i, who] of everyone.entries()) {
      const viaToken = actorOf(who);
      const session = viaToken && { ...viaToken, via: "session" as const };
      const create = (actor: Actor | null, currentPassword: string) =>
        statusOf(async () => {
          if (!actor) throw Object.assign(new Error("no session"), { status: 401 });
          await createTokenWithPassword(world.db, actor, {
            name: "matrix",
            currentPassword,
            address: `192.0.2.${i + 100}`,
          });
        });
      const got = {
        right: await create(session, PASSWORD),
        wrong: await create(session, "not the password"),
        viaToken: await create(viaToken, PASSWORD),
      };
      expect([who, got]).toEqual([who, expected[who]]);
    }
  });

  it("change one's own name and email: any signed-in person; the email only from a browser, with the password", async () => {
    const { changeEmail, changeName } = await import("../lib/auth/profile");
    const { PASSWORD } = await import("./world");
    const expected: Record<Who, { name: number; email: number; emailViaToken: number }> = {
      owner: { name: 200, email: 200, emailViaToken: 403 },
      translator: { name: 200, email: 200, emailViaToken: 403 },
      reviewer: { name: 200, email: 200, emailViaToken: 403 },
      viewer: { name: 200, email: 200, emailViaToken: 403 },
      outsider: { name: 200, email: 200, emailViaToken: 403 },
      anonymous: { name: 401, email: 401, emailViaToken: 401 },
    };
    for (const [i, who] of everyone.entries()) {
      const viaToken = actorOf(who);
      const session = viaToken && { ...viaToken, via: "session" as const };
      const as = (actor: Actor | null) => () => {
        if (!actor) throw Object.assign(new Error("no session"), { status: 401 });
        return actor;
      };
      const email = (actor: Actor | null, to: string) =>
        statusOf(async () =>
          changeEmail(world.db, as(actor)(), { email: to, currentPassword: PASSWORD }, `192.0.2.${i + 150}`),
        );
      const got = {
        name: await statusOf(async () => changeName(world.db, as(session)(), { name: `Renamed ${who}` })),
        emailViaToken: await email(viaToken, `token-${who}@example.com`),
        email: await email(session, `moved-${who}@example.com`),
      };
      expect([who, got]).toEqual([who, expected[who]]);
      // Back to the address the other rows sign in with.
      if (session) {
        await world.db.user.update({
          where: { id: session.userId },
          data: {
            email: world.users[who as keyof typeof world.users].email,
            name: world.users[who as keyof typeof world.users].name,
            emailVerified: true,
          },
        });
      }
    }
  });

  it("accept or decline an invitation: only the invited account, and only with a confirmed address", async () => {
    const { acceptInvitation, declineInvitation, listInvitationsFor } = await import("../lib/projects/invitations");
    const { addMember } = await import("../lib/projects/members");
    const invitee = world.users.outsider;
    const inviteeActor = actorOf("outsider")!;
    const invite = async () => {
      await addMember(world.db, signedIn(actorOf("owner")), world.project.id, { email: invitee.email, role: "viewer" });
      return (await listInvitationsFor(world.db, inviteeActor))[0].id;
    };
    const expected: Record<Who, number> = {
      owner: 404,
      translator: 404,
      reviewer: 404,
      viewer: 404,
      outsider: 200,
      anonymous: 401,
    };
    for (const answer of [declineInvitation, acceptInvitation]) {
      const id = await invite();
      // The invitee last: everyone else's attempt must leave the invitation open.
      for (const who of [...everyone.filter((w) => w !== "outsider"), "outsider" as const]) {
        const status = await statusOf(() => answer(world.db, signedIn(actorOf(who)), id));
        expect([who, answer.name, status]).toEqual([who, answer.name, expected[who]]);
      }
    }
    const joined = await world.db.membership.findUnique({
      where: { projectId_userId: { projectId: world.project.id, userId: invitee.id } },
    });
    expect(joined?.role).toBe("viewer");
    await world.db.membership.delete({ where: { id: joined!.id } });

    // The same invitation, for an account whose address nobody has confirmed: refused.
    await world.db.user.update({ where: { id: invitee.id }, data: { emailVerified: false } });
    const id = await invite();
    expect(await statusOf(() => acceptInvitation(world.db, inviteeActor, id))).toBe(403);
    expect(await statusOf(() => declineInvitation(world.db, inviteeActor, id))).toBe(200);
    await world.db.user.update({ where: { id: invitee.id }, data: { emailVerified: true } });
  });

  it("follow an import's place in line: only the account that sent it", async () => {
    const { importSlots } = await import("../lib/exchange/import/slots");
    const ticket = "matrix-ticket-0123456789";
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const running = importSlots.run({ ticket, userId: world.users.translator.id }, () => held);
    const expected: Record<Who, number> = {
      owner: 404,
      translator: 200,
      reviewer: 404,
      viewer: 404,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      const res = await call(routes.importPlace, `/api/v1/imports/${ticket}`, {
        token: token(who),
        params: { ticket },
      });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
    finish();
    await running;
  });

  it("live updates: the events stream, presence pings and reading one translation are for every reader", async () => {
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 200,
      viewer: 200,
      outsider: 404,
      anonymous: 401,
    };
    const { id } = world.document;
    const segment = world.segments[5];
    for (const who of everyone) {
      const headers = new Headers(token(who) ? { authorization: `Bearer ${token(who)}` } : {});
      const res = await (routes.events as (r: Request, c: object) => Promise<Response>)(
        new Request(`http://localhost/api/v1/documents/${id}/events`, { headers }),
        { params: Promise.resolve({ id }) },
      );
      await res.body?.cancel();
      expect([who, "events", res.status]).toEqual([who, "events", expected[who]]);
      const ping = await call(routes.presence, `/api/v1/documents/${id}/presence`, {
        method: "PUT",
        token: token(who),
        params: { id },
        body: { connection: `matrix-${who}`, segmentId: segment.id, lang: "en" },
      });
      expect([who, "presence", ping.status]).toEqual([who, "presence", expected[who]]);
      const read = await call(routes.translation, `/api/v1/segments/${segment.id}/translations/en`, {
        token: token(who),
        params: { segmentId: segment.id, lang: "en" },
      });
      expect([who, "translation", read.status]).toEqual([who, "translation", expected[who]]);
    }
    // Whoever pinged is present, as themselves; nobody else is.
    const present = await world.db.presence.findMany({ where: { documentId: id } });
    expect(present.map((p) => [p.id, p.userId]).sort()).toEqual(
      (["owner", "translator", "reviewer", "viewer"] as const).map((w) => [`matrix-${w}`, world.users[w].id]).sort(),
    );
  });
});

describe("permission matrix: glossaries", () => {
  const glossaryRoute = () => import("../app/api/v1/projects/[id]/glossary/route");
  const entryRoute = () => import("../app/api/v1/glossary/[entryId]/route");
  const statusOfWho = (who: Who, ok: number, denied: number) =>
    who === "outsider" ? 404 : who === "anonymous" ? 401 : ok === 0 ? denied : ok;

  async function addAs(who: Who, term: string) {
    const { POST } = await glossaryRoute();
    return call(POST, `/api/v1/projects/${world.project.id}/glossary`, {
      method: "POST",
      token: token(who),
      params: { id: world.project.id },
      body: { term, translations: [{ lang: "en", term: `${term} (en)`, status: "preferred" }] },
    });
  }

  async function importAs(who: Who, csv: string) {
    const { POST } = await import("../app/api/v1/projects/[id]/glossary/import/route");
    const form = new FormData();
    form.append("file", new Blob([csv], { type: "text/csv" }), "terms.csv");
    const headers = new Headers();
    const t = token(who);
    if (t) headers.set("authorization", `Bearer ${t}`);
    const req = new Request(`http://localhost/api/v1/projects/${world.project.id}/glossary/import`, {
      method: "POST",
      headers,
      body: form,
    });
    const res = await POST(req, { params: Promise.resolve({ id: world.project.id }) });
    return res.status;
  }

  it("read: the list, the export, a paragraph's terms and a document's entries", async () => {
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 200,
      viewer: 200,
      outsider: 404,
      anonymous: 401,
    };
    const { GET: list } = await glossaryRoute();
    const { GET: exportRoute } = await import("../app/api/v1/projects/[id]/glossary/export/route");
    const { GET: terms } = await import("../app/api/v1/segments/[segmentId]/terms/route");
    const { GET: documentGlossary } = await import("../app/api/v1/documents/[id]/glossary/route");
    const segment = world.segments[0];
    for (const who of everyone) {
      const got = [
        await call(list, `/api/v1/projects/${world.project.id}/glossary`, {
          token: token(who),
          params: { id: world.project.id },
        }),
        await exportRoute(
          new Request(`http://localhost/api/v1/projects/${world.project.id}/glossary/export?format=csv`, {
            headers: token(who) ? { authorization: `Bearer ${token(who)}` } : {},
          }),
          { params: Promise.resolve({ id: world.project.id }) },
        ),
        await call(terms, `/api/v1/segments/${segment.id}/terms?target=en`, {
          token: token(who),
          params: { segmentId: segment.id },
        }),
        await call(documentGlossary, `/api/v1/documents/${world.document.id}/glossary`, {
          token: token(who),
          params: { id: world.document.id },
        }),
      ].map((r) => r.status);
      expect([who, got]).toEqual([who, [expected[who], expected[who], expected[who], expected[who]]]);
    }
  });

  it("add, change and delete entries: owners, and translators and reviewers while the project allows it", async () => {
    const { updateProjectSettings } = await import("../lib/projects/settings");
    const { PATCH, DELETE } = await entryRoute();
    const allowed: Record<Who, number> = {
      owner: 201,
      translator: 201,
      reviewer: 201,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    const whenOff: Record<Who, number> = { ...allowed, translator: 403, reviewer: 403 };
    for (const [setting, expected] of [
      [true, allowed],
      [false, whenOff],
    ] as const) {
      await updateProjectSettings(world.db, world.actor("owner"), world.project.id, {
        translatorsMayEditGlossary: setting,
      });
      for (const who of everyone) {
        // The owner's entry, for everyone else's change and delete.
        const target = (await addAs("owner", `ціль ${who} ${setting}`)).json.entry.id;
        const added = await addAs(who, `термін ${who} ${setting}`);
        const changed = await call(PATCH, `/api/v1/glossary/${target}`, {
          method: "PATCH",
          token: token(who),
          params: { entryId: target },
          body: { note: `by ${who}` },
        });
        const deleted = await call(DELETE, `/api/v1/glossary/${target}`, {
          method: "DELETE",
          token: token(who),
          params: { entryId: target },
        });
        const ok = expected[who] === 201;
        expect([who, setting, added.status, changed.status, deleted.status]).toEqual([
          who,
          setting,
          expected[who],
          ok ? 200 : expected[who],
          ok ? 200 : expected[who],
        ]);
        const left = await world.db.glossaryEntry.count({ where: { id: target } });
        expect([who, setting, left]).toEqual([who, setting, ok ? 0 : 1]);
        const imported = await importAs(who, `uk,en\nімпорт ${who} ${setting},import\n`);
        expect([who, setting, "import", imported]).toEqual([
          who,
          setting,
          "import",
          statusOfWho(who, ok ? 201 : 0, 403),
        ]);
      }
    }
    await updateProjectSettings(world.db, world.actor("owner"), world.project.id, { translatorsMayEditGlossary: true });
  });

  it("attach another project's glossary: only an owner of both; its entries stay read-only here", async () => {
    const { addExistingUserIn } = await import("../lib/projects/members");
    const { termsProject } = await import("./terms");
    const { POST: attach } = await import("../app/api/v1/projects/[id]/glossary/attached/route");
    const { DELETE: detach } = await import("../app/api/v1/projects/[id]/glossary/attached/[projectId]/route");
    const { PATCH } = await entryRoute();
    const other = await termsProject(world.db, "Shared termbase");
    await world.db.$transaction(async (tx) => {
      await addExistingUserIn(tx, null, other.id, world.users.owner, "owner");
      // The translator owns the other project too: not enough, they are not an owner here.
      await addExistingUserIn(tx, null, other.id, world.users.translator, "owner");
      await addExistingUserIn(tx, null, other.id, world.users.reviewer, "viewer");
    });
    const { createGlossaryEntry } = await import("../lib/terms/glossary");
    const shared = (await createGlossaryEntry(world.db, other.id, null, { term: "спільний термін" })).entry.id;
    const expected: Record<Who, number> = {
      owner: 201,
      translator: 403,
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    const path = `/api/v1/projects/${world.project.id}/glossary/attached`;
    for (const who of [...everyone.filter((w) => w !== "owner"), "owner" as const]) {
      const res = await call(attach, path, {
        method: "POST",
        token: token(who),
        params: { id: world.project.id },
        body: { projectId: other.id },
      });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
    // Through this project, nobody changes the attached entry unless they may edit the other project's glossary.
    const change: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 403,
      viewer: 404,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      const res = await call(PATCH, `/api/v1/glossary/${shared}`, {
        method: "PATCH",
        token: token(who),
        params: { entryId: shared },
        body: { note: who },
      });
      expect([who, "attached entry", res.status]).toEqual([who, "attached entry", change[who]]);
    }
    const list = await call((await glossaryRoute()).GET, `/api/v1/projects/${world.project.id}/glossary?q=спільн`, {
      token: token("translator"),
      params: { id: world.project.id },
    });
    expect(list.json.entries.map((e: { term: string; editable: boolean }) => [e.term, e.editable])).toEqual([
      ["спільний термін", false],
    ]);
    // An owner of another project who is not an owner of the project they attach to.
    const owned = await termsProject(world.db, "Owner-only");
    await world.db.$transaction((tx) => addExistingUserIn(tx, null, owned.id, world.users.owner, "owner"));
    for (const who of ["translator", "viewer", "outsider", "owner"] as const) {
      const res = await call(detach, `${path}/${other.id}`, {
        method: "DELETE",
        token: token(who),
        params: { id: world.project.id, projectId: other.id },
      });
      const want = { translator: 403, viewer: 403, outsider: 404, owner: 200 }[who];
      expect([who, "detach", res.status]).toEqual([who, "detach", want]);
    }
    expect(await world.db.projectGlossary.count({ where: { projectId: world.project.id } })).toBe(0);
  });
});

describe("permission matrix: translation memory", () => {
  // biome-ignore lint/suspicious/noExplicitAny: route handlers are loaded dynamically, after DATABASE_URL is set.
  const tm: Record<string, any> = {};
  const read: Record<Who, number> = {
    owner: 200,
    translator: 200,
    reviewer: 200,
    viewer: 200,
    outsider: 404,
    anonymous: 401,
  };
  const ownerOnly = (ownerAnswer: number): Record<Who, number> => ({
    owner: ownerAnswer,
    translator: 403,
    reviewer: 403,
    viewer: 403,
    outsider: 404,
    anonymous: 401,
  });
  let working: { id: string };
  let unitId: number;
  let otherMemory: { id: string };

  beforeAll(async () => {
    tm.matches = (await import("../app/api/v1/segments/[segmentId]/matches/route")).GET;
    tm.search = (await import("../app/api/v1/memories/search/route")).GET;
    tm.pretranslate = (await import("../app/api/v1/documents/[id]/pretranslate/route")).POST;
    tm.analysis = (await import("../app/api/v1/documents/[id]/analysis/route")).GET;
    tm.memories = await import("../app/api/v1/projects/[id]/memories/route");
    tm.attach = (await import("../app/api/v1/projects/[id]/memories/attach/route")).POST;
    tm.detach = (await import("../app/api/v1/projects/[id]/memories/[memoryId]/route")).DELETE;
    tm.units = (await import("../app/api/v1/memories/[id]/units/route")).GET;
    tm.unit = await import("../app/api/v1/memories/[id]/units/[unitId]/route");
    tm.memory = (await import("../app/api/v1/memories/[id]/route")).DELETE;
    tm.export = (await import("../app/api/v1/memories/[id]/export/route")).GET;
    const { writeParagraphUnits } = await import("../lib/tm/write-units");
    const { workingMemory, attachMemory } = await import("../lib/tm/memories");
    const segment = world.segments[3];
    await put("owner", segment.id, { text: "A confirmed paragraph for the memory.", status: "translated" });
    await writeParagraphUnits(world.db, segment.id, "en");
    working = await workingMemory(world.db, world.project.id);
    unitId = (await world.db.memoryUnit.findFirstOrThrow({ where: { memoryId: working.id } })).id;
    // Another project of the owner's (nobody else is a member), its working memory attached here.
    const other = await world.db.project.create({
      data: {
        name: "Other project",
        sourceLang: "uk",
        languages: { create: [{ lang: "en" }] },
        memberships: { create: { userId: world.users.owner.id, role: "owner" } },
      },
    });
    otherMemory = await workingMemory(world.db, other.id);
    await attachMemory(world.db, world.project.id, otherMemory.id, world.users.owner.id);
  });

  const get = (handler: unknown, url: string, who: Who, params: Record<string, string> = {}) =>
    call(handler, url, { token: token(who), params });

  it("read matches, concordance, the analysis, the memory list and units: everyone on the project", async () => {
    const segmentId = world.segments[3].id;
    const docId = world.document.id;
    for (const who of everyone) {
      const answers = [
        (await get(tm.matches, `/api/v1/segments/${segmentId}/matches?target=en`, who, { segmentId })).status,
        (await get(tm.analysis, `/api/v1/documents/${docId}/analysis?target=en`, who, { id: docId })).status,
        (await get(tm.memories.GET, `/api/v1/projects/${world.project.id}/memories`, who, { id: world.project.id }))
          .status,
        (await get(tm.units, `/api/v1/memories/${working.id}/units`, who, { id: working.id })).status,
        // A reference memory is readable by the members of the project it is attached to.
        (await get(tm.units, `/api/v1/memories/${otherMemory.id}/units`, who, { id: otherMemory.id })).status,
      ];
      expect([who, answers]).toEqual([who, answers.map(() => read[who])]);
    }
  });

  it("concordance: everyone signed in may search, and finds only the memories of their projects", async () => {
    const expected: Record<Who, [number, boolean]> = {
      owner: [200, true],
      translator: [200, true],
      reviewer: [200, true],
      viewer: [200, true],
      outsider: [200, false],
      anonymous: [401, false],
    };
    for (const who of everyone) {
      const res = await get(tm.search, "/api/v1/memories/search?q=confirmed%20paragraph&target=en&side=target", who);
      expect([who, res.status, (res.json?.total ?? 0) > 0]).toEqual([who, ...expected[who]]);
    }
    const memory = await get(
      tm.search,
      `/api/v1/memories/search?q=confirmed&target=en&memory=${working.id}`,
      "outsider",
    );
    expect(memory.status).toBe(404);
  });

  it("export a memory as TMX: everyone on a project that uses it", async () => {
    for (const who of everyone) {
      const res: Response = await tm.export(
        new Request(`http://localhost/api/v1/memories/${working.id}/export`, {
          headers: who === "anonymous" ? {} : { authorization: `Bearer ${token(who)}` },
        }),
        { params: Promise.resolve({ id: working.id }) },
      );
      expect([who, res.status]).toEqual([who, read[who]]);
    }
  });

  it("pre-translate: whoever may edit translations", async () => {
    const expected: Record<Who, number> = {
      owner: 200,
      translator: 200,
      reviewer: 403,
      viewer: 403,
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      const res = await call(tm.pretranslate, `/api/v1/documents/${world.document.id}/pretranslate`, {
        method: "POST",
        token: token(who),
        params: { id: world.document.id },
        body: { target: "en", apply: false },
      });
      expect([who, res.status]).toEqual([who, expected[who]]);
    }
  });

  it("import TMX, attach, edit and delete units, detach and delete memories: owners only", async () => {
    for (const who of everyone) {
      const id = world.project.id;
      // Not multipart: an owner passes the access check and is told what is wrong with the upload.
      const imported = await call(tm.memories.POST, `/api/v1/projects/${id}/memories`, {
        method: "POST",
        token: token(who),
        params: { id },
        body: {},
      });
      expect([who, "import", imported.status]).toEqual([who, "import", ownerOnly(400)[who]]);
      // The project's own working memory cannot be attached to it: an owner gets that refusal.
      const attached = await call(tm.attach, `/api/v1/projects/${id}/memories/attach`, {
        method: "POST",
        token: token(who),
        params: { id },
        body: { memoryId: working.id },
      });
      expect([who, "attach", attached.status]).toEqual([who, "attach", ownerOnly(400)[who]]);
      const edited = await call(tm.unit.PATCH, `/api/v1/memories/${working.id}/units/${unitId}`, {
        method: "PATCH",
        token: token(who),
        params: { id: working.id, unitId: String(unitId) },
        body: { target: `Edited by ${who}` },
      });
      expect([who, "edit", edited.status]).toEqual([who, "edit", ownerOnly(200)[who]]);
    }
    // Destructive ones: everyone else first, the owner last.
    const order: Who[] = ["translator", "reviewer", "viewer", "outsider", "anonymous", "owner"];
    const imported = await world.db.memory.create({
      data: { projectId: world.project.id, kind: "imported", name: "To delete", sourceLang: "uk" },
    });
    for (const who of order) {
      const unit = await call(tm.unit.DELETE, `/api/v1/memories/${working.id}/units/${unitId}`, {
        method: "DELETE",
        token: token(who),
        params: { id: working.id, unitId: String(unitId) },
      });
      expect([who, "delete unit", unit.status]).toEqual([who, "delete unit", ownerOnly(200)[who]]);
      const detached = await call(tm.detach, `/api/v1/projects/${world.project.id}/memories/${otherMemory.id}`, {
        method: "DELETE",
        token: token(who),
        params: { id: world.project.id, memoryId: otherMemory.id },
      });
      expect([who, "detach", detached.status]).toEqual([who, "detach", ownerOnly(200)[who]]);
      const deleted = await call(tm.memory, `/api/v1/memories/${imported.id}`, {
        method: "DELETE",
        token: token(who),
        params: { id: imported.id },
      });
      // Only members of a project that uses the memory learn it exists.
      expect([who, "delete memory", deleted.status]).toEqual([who, "delete memory", ownerOnly(200)[who]]);
    }
  });
});
