// The review workflow through the real /api/v1 routes on a real database: notes addressed to the
// translator, the send-back's life (reason → unread in the inbox → closed when confirmed again, kept
// in the history), and "sent back to you" for that translator only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createWorld, PASSWORD, type World } from "../../tests/world";

let world: World;
let r: Record<string, unknown>;
/** A second translator of the project, and their token. */
let other: { id: string; token: string };

beforeAll(async () => {
  world = await createWorld();
  r = {
    notes: (await import("../../app/api/v1/segments/[segmentId]/notes/route")).POST,
    note: (await import("../../app/api/v1/notes/[id]/route")).PATCH,
    decision: (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/decision/route")).POST,
    put: (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/route")).PUT,
    revisions: (await import("../../app/api/v1/segments/[segmentId]/translations/[lang]/revisions/route")).GET,
    sentBack: (await import("../../app/api/v1/documents/[id]/sent-back/route")).GET,
    inbox: (await import("../../app/api/v1/me/inbox/route")).GET,
    unread: (await import("../../app/api/v1/me/inbox/unread/route")).GET,
    read: (await import("../../app/api/v1/me/inbox/read/route")).POST,
  };
  const { createUser } = await import("../auth/users");
  const { addExistingUserIn } = await import("../projects/members");
  const { createApiToken } = await import("../auth/tokens");
  const user = await createUser(world.db, { email: "t2@example.com", name: "Tamara Second", password: PASSWORD });
  await world.db.$transaction((tx) => addExistingUserIn(tx, null, world.project.id, user, "translator"));
  other = { id: user.id, token: (await createApiToken(world.db, user.id, "t2")).token };
});
afterAll(() => world.cleanup());

type Who = keyof World["tokens"] | "other";
const token = (who: Who) => (who === "other" ? other.token : world.tokens[who]);

async function save(who: Who, index: number, text: string, status?: string) {
  const segmentId = world.segments[index].id;
  const { version } = await world.db.translation.findUniqueOrThrow({
    where: { segmentId_lang: { segmentId, lang: "en" } },
  });
  const res = await call(r.put, `/api/v1/segments/${segmentId}/translations/en`, {
    method: "PUT",
    token: token(who),
    params: { segmentId, lang: "en" },
    body: { text, baseVersion: version, ...(status ? { status } : {}) },
  });
  expect(res.status).toBe(200);
  return segmentId;
}
const note = (who: Who, segmentId: string, body: Record<string, unknown>) =>
  call(r.notes, `/api/v1/segments/${segmentId}/notes`, {
    method: "POST",
    token: token(who),
    params: { segmentId },
    body,
  });
const resolve = (who: Who, id: string, resolved = true) =>
  call(r.note, `/api/v1/notes/${id}`, { method: "PATCH", token: token(who), params: { id }, body: { resolved } });
const decide = (who: Who, segmentId: string, body: Record<string, unknown>) =>
  call(r.decision, `/api/v1/segments/${segmentId}/translations/en/decision`, {
    method: "POST",
    token: token(who),
    params: { segmentId, lang: "en" },
    body,
  });
const sentBackFor = async (who: Who) =>
  (
    await call(r.sentBack, `/api/v1/documents/${world.document.id}/sent-back?target=en`, {
      token: token(who),
      params: { id: world.document.id },
    })
  ).json.sentBack;
const unread = async (who: Who) => (await call(r.unread, "/api/v1/me/inbox/unread", { token: token(who) })).json.unread;

describe("notes addressed to the translator", () => {
  it("the paragraph's last translator may resolve a reviewer's note on it; another translator may not", async () => {
    const segmentId = await save("translator", 0, "The Agency works.", "translated");
    const created = await note("reviewer", segmentId, { body: "Official name, please.", lang: "en" });
    expect(created.json.note.addressedTo).toEqual({ id: world.users.translator.id, name: "A translator" });
    expect((await resolve("other", created.json.note.id)).status).toBe(403);
    const resolved = await resolve("translator", created.json.note.id);
    expect([resolved.status, resolved.json.note.resolved]).toEqual([200, true]);
    expect((await resolve("translator", created.json.note.id, false)).json.note.resolved).toBe(false);
    // Viewers resolve nothing, addressed or not.
    expect((await resolve("viewer", created.json.note.id)).status).toBe(403);
  });

  it("someone @mentioned may resolve the thread, in its first note or in a reply", async () => {
    const segmentId = await save("translator", 1, "Second paragraph.", "translated");
    const mentioned = await note("reviewer", segmentId, { body: "@Tamara Second can you check?", lang: "en" });
    expect(mentioned.json.note.mentions).toEqual([{ id: other.id, name: "Tamara Second" }]);
    expect((await resolve("other", mentioned.json.note.id)).status).toBe(200);

    const plain = await note("reviewer", segmentId, { body: "Another point.", lang: "en" });
    expect((await resolve("other", plain.json.note.id)).status).toBe(403);
    await note("reviewer", segmentId, { body: "@t2 over to you", parentId: plain.json.note.id });
    expect((await resolve("other", plain.json.note.id)).status).toBe(200);
  });
});

describe("send-backs", () => {
  it("go to the translator it was sent back to only, count as unread until opened, close when confirmed again", async () => {
    const segmentId = await save("translator", 2, "Today the regional hub.", "translated");
    const before = await unread("translator");
    const rejected = await decide("reviewer", segmentId, {
      decision: "rejected",
      note: "«Today» is not in the source.",
    });
    expect(rejected.status).toBe(200);
    const rejectedVersion = rejected.json.translation.version;

    // Only the translator it was sent back to sees it.
    const mine = await sentBackFor("translator");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      segmentId,
      lang: "en",
      reason: "«Today» is not in the source.",
      reviewer: { name: "A reviewer" },
      read: false,
    });
    expect(await sentBackFor("other")).toEqual([]);
    expect(await sentBackFor("reviewer")).toEqual([]);
    expect(await sentBackFor("owner")).toEqual([]);

    // Unread in the translator's inbox until opened.
    expect(await unread("translator")).toBe(before + 1);
    const inbox = await call(r.inbox, "/api/v1/me/inbox", { token: token("translator") });
    expect(inbox.json.sentBack.map((n: { body: string }) => n.body)).toEqual(["«Today» is not in the source."]);
    const read = await call(r.read, "/api/v1/me/inbox/read", {
      method: "POST",
      token: token("translator"),
      body: { noteIds: [mine[0].noteId] },
    });
    expect(read.json).toEqual({ marked: [mine[0].noteId], unread: before });
    // Someone else cannot mark it (it is not addressed to them): nothing is marked.
    const theirs = await call(r.read, "/api/v1/me/inbox/read", {
      method: "POST",
      token: token("other"),
      body: { noteIds: [mine[0].noteId] },
    });
    expect(theirs.json.marked).toEqual([]);
    expect((await sentBackFor("translator"))[0].read).toBe(true);

    // Drafts do not answer it; typing twice takes the one-statement save path, which must not skip the close.
    await save("translator", 2, "The regional hub.");
    await save("translator", 2, "The regional hub is open.");
    expect(await sentBackFor("translator")).toHaveLength(1);
    await save("translator", 2, "The regional hub is open.", "translated");
    expect(await sentBackFor("translator")).toEqual([]);
    const closed = await world.db.note.findUniqueOrThrow({ where: { id: mine[0].noteId } });
    expect(closed).toMatchObject({ decision: "rejected", resolvedById: world.users.translator.id });
    expect(closed.resolvedAt).not.toBeNull();

    // The history keeps the reason at the version the rejection made.
    const history = await call(r.revisions, `/api/v1/segments/${segmentId}/translations/en/revisions`, {
      token: token("viewer"),
      params: { segmentId, lang: "en" },
    });
    const atRejection = history.json.revisions.find((v: { version: number }) => v.version === rejectedVersion);
    expect(atRejection).toMatchObject({
      status: "rejected",
      reason: { noteId: mine[0].noteId, body: "«Today» is not in the source.", resolved: true },
    });
    expect(history.json.revisions[0].reason).toBeNull();
  });

  it("an approval answers an open send-back too", async () => {
    const segmentId = await save("translator", 3, "Fourth.", "translated");
    await decide("reviewer", segmentId, { decision: "rejected", note: "Capitalise." });
    expect(await sentBackFor("translator")).toHaveLength(1);
    await decide("reviewer", segmentId, { decision: "approved" });
    expect(await sentBackFor("translator")).toEqual([]);
  });

  it("refuses bad input to mark as read", async () => {
    const res = await call(r.read, "/api/v1/me/inbox/read", { method: "POST", token: token("translator"), body: {} });
    expect(res.status).toBe(400);
  });
});
