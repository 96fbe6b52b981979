// The permission matrix (tests/permission-table.ts runs its tables): notes on a paragraph, the
// threads addressed to someone, and the inbox that lists them.
import { beforeAll, describe, it } from "vitest";
import {
  commenters,
  everyone,
  expectTable,
  matrix,
  matrixWorld,
  members,
  reviewers,
  signedInAnyone,
  type Who,
} from "./permission-table";
import { call } from "./world";

const { world, token } = matrixWorld();
// biome-ignore lint/suspicious/noExplicitAny: route handlers are loaded dynamically, after DATABASE_URL is set.
const routes: Record<string, any> = {};

beforeAll(async () => {
  routes.notes = await import("../app/api/v1/segments/[segmentId]/notes/route");
  routes.note = (await import("../app/api/v1/notes/[id]/route")).PATCH;
  routes.inbox = (await import("../app/api/v1/me/inbox/route")).GET;
  routes.unread = (await import("../app/api/v1/me/inbox/unread/route")).GET;
  routes.read = (await import("../app/api/v1/me/inbox/read/route")).POST;
  routes.sentBack = (await import("../app/api/v1/documents/[id]/sent-back/route")).GET;
});

const resolve = async (who: Who, id: string) =>
  (
    await call(routes.note, `/api/v1/notes/${id}`, {
      method: "PATCH",
      token: token(who),
      params: { id },
      body: { resolved: true },
    })
  ).status;

const post = (who: Who, segmentId: string, body: string) =>
  call(routes.notes.POST, `/api/v1/segments/${segmentId}/notes`, {
    method: "POST",
    token: token(who),
    params: { segmentId },
    body: { body },
  });

describe("permission matrix: notes", () => {
  it("read notes, comment, resolve one's own thread or any thread", async () => {
    const segment = world.segments[8];
    const ownThread: Partial<Record<Who, string>> = {};
    await expectTable({
      rows: [
        {
          action: "read",
          expected: members(200),
          ask: async (who) =>
            (
              await call(routes.notes.GET, `/api/v1/segments/${segment.id}/notes`, {
                token: token(who),
                params: { segmentId: segment.id },
              })
            ).status,
        },
        {
          action: "comment",
          expected: commenters(201),
          ask: async (who) => {
            const posted = await post(who, segment.id, `A note by ${who}`);
            if (posted.status === 201) ownThread[who] = posted.json.note.id;
            return posted.status;
          },
        },
      ],
    });
    // Own thread: everyone who may comment. Someone else's (the owner's) thread: owner and reviewer only.
    await expectTable({
      order: ["owner", "translator", "reviewer"],
      rows: [{ action: "own", expected: commenters(200), ask: (who) => resolve(who, ownThread[who]!) }],
    });
    await expectTable({
      order: everyone,
      rows: [{ action: "any", expected: reviewers(200), ask: (who) => resolve(who, ownThread.owner!) }],
    });
  });

  matrix("resolve a thread addressed to oneself (@mentioned): everyone who may comment", () => {
    const segment = world.segments[6];
    return {
      rows: [
        {
          action: "resolve",
          expected: commenters(200),
          ask: async (who) => {
            // Someone else's thread, naming `who` (the outsider and nobody cannot be named: not members).
            const author = who === "owner" ? "reviewer" : "owner";
            const name = who === "anonymous" || who === "outsider" ? "nobody" : world.users[who].name;
            const posted = await post(author, segment.id, `@${name} please look`);
            return resolve(who, posted.json.note.id);
          },
        },
      ],
    };
  });

  matrix("the inbox (mentions, send-backs, unread count, mark read) and a document's send-backs", async () => {
    const anyNote = await world.db.note.findFirstOrThrow();
    const get = async (route: unknown, url: string, who: Who, params?: Record<string, string>) =>
      (await call(route, url, { token: token(who), params })).status;
    return {
      rows: [
        { action: "inbox", expected: signedInAnyone(200), ask: (who) => get(routes.inbox, "/api/v1/me/inbox", who) },
        {
          action: "unread",
          expected: signedInAnyone(200),
          ask: (who) => get(routes.unread, "/api/v1/me/inbox/unread", who),
        },
        {
          action: "read",
          expected: signedInAnyone(200),
          ask: async (who) =>
            (
              await call(routes.read, "/api/v1/me/inbox/read", {
                method: "POST",
                token: token(who),
                body: { noteIds: [anyNote.id] },
              })
            ).status,
        },
        {
          action: "sent-back",
          expected: members(200),
          ask: (who) =>
            get(routes.sentBack, `/api/v1/documents/${world.document.id}/sent-back`, who, { id: world.document.id }),
        },
      ],
    };
  });
});
