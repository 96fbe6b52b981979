// The permission matrix: every role × every action, through the real routes and domain functions, on
// a real database, one table per area (tests/permission-table.ts runs them). This file: reading a
// document and working on its translations (edit, statuses, history, find and replace, the approved
// lock, review decisions). The other areas: tests/permission-matrix-<area>.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Answers,
  editors,
  expectTable,
  matrix,
  matrixWorld,
  members,
  ownerLast,
  ownersOnly,
  reviewers,
  type Who,
} from "./permission-table";
import { call } from "./world";

const { world, token, put, version } = matrixWorld();
// biome-ignore lint/suspicious/noExplicitAny: route handlers are loaded dynamically, after DATABASE_URL is set.
const routes: Record<string, any> = {};

beforeAll(async () => {
  routes.segments = (await import("../app/api/v1/documents/[id]/segments/route")).GET;
  routes.documents = (await import("../app/api/v1/documents/route")).GET;
  routes.revisions = (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/revisions/route")).GET;
  routes.replace = (await import("../app/api/v1/documents/[id]/replace/route")).POST;
  routes.decision = (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/decision/route")).POST;
  routes.unlock = (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/unlock/route")).POST;
  routes.undo = (await import("../app/api/v1/bulk-edits/[id]/undo/route")).POST;
});

const settings = async (change: Record<string, boolean>) => {
  const { updateProjectSettings } = await import("../lib/projects/settings");
  await updateProjectSettings(world.db, world.actor("owner"), world.project.id, change);
};

describe("permission matrix", () => {
  matrix("read the document (segments and the document list)", () => ({
    rows: [
      {
        action: "segments",
        expected: members(200),
        ask: async (who) => {
          const res = await call(routes.segments, `/api/v1/documents/${world.document.id}/segments`, {
            token: token(who),
            params: { id: world.document.id },
          });
          const list = await call(routes.documents, "/api/v1/documents", { token: token(who) });
          if (who === "anonymous") expect(list.status).toBe(401);
          else expect([who, list.json.documents.length]).toEqual([who, who === "outsider" ? 0 : 1]);
          return res.status;
        },
      },
    ],
  }));

  matrix("edit a translation's text", () => ({
    rows: [
      {
        action: "edit",
        expected: editors(200),
        ask: async (who, i) => {
          const segment = world.segments[i];
          const before = await version(segment.id);
          const res = await put(who, segment.id, { text: `Text by ${who}` });
          expect([who, await version(segment.id)]).toEqual([who, res.status === 200 ? before + 1 : before]);
          return res.status;
        },
      },
    ],
  }));

  matrix("set each status", async () => {
    const segment = world.segments[10];
    await put("owner", segment.id, { text: "Existing translation" });
    const answers: [string, Answers][] = [
      ["new", members(403)],
      ["draft", editors(200)],
      ["translated", editors(200)],
      ["reviewed", reviewers(200)],
      ["approved", reviewers(200)],
      ["rejected", reviewers(200)],
    ];
    return {
      rows: answers.map(([status, expected]) => ({
        action: status,
        expected,
        ask: async (who) => (await put(who, segment.id, { text: "Existing translation", status })).status,
      })),
    };
  });

  it("a save that changes nothing: refused to whoever may not edit, written by nobody", async () => {
    const segment = world.segments[6];
    await put("owner", segment.id, { text: "Settled text" });
    const where = { segmentId_lang: { segmentId: segment.id, lang: "en" } };
    const before = await world.db.translation.findUniqueOrThrow({ where });
    const save = (status: string | undefined) => async (who: Who) => {
      const res = await put(who, segment.id, { text: "Settled text", status });
      if (res.status === 200) expect(res.json.translation).toMatchObject({ version: before.version });
      return res.status;
    };
    await expectTable({
      rows: [
        { action: "no status", expected: editors(200), ask: save(undefined) },
        { action: "the same status", expected: editors(200), ask: save(before.status) },
      ],
    });
    expect(await world.db.translation.findUniqueOrThrow({ where })).toEqual(before);
  });

  matrix("read a translation's history", () => {
    const segment = world.segments[0];
    return {
      rows: [
        {
          action: "history",
          expected: members(200),
          ask: async (who) =>
            (
              await call(routes.revisions, `/api/v1/segments/${segment.id}/translations/en/revisions`, {
                token: token(who),
                params: { segmentId: segment.id, lang: "en" },
              })
            ).status,
        },
      ],
    };
  });

  matrix("find and replace: everyone who reads may preview, only editors may apply", () => {
    const replace = async (who: Who, apply: boolean) =>
      (
        await call(routes.replace, `/api/v1/documents/${world.document.id}/replace`, {
          method: "POST",
          token: token(who),
          params: { id: world.document.id },
          body: { lang: "en", find: "zzz-no-match", replace: "x", apply },
        })
      ).status;
    return {
      rows: [
        { action: "preview", expected: members(200), ask: (who) => replace(who, false) },
        { action: "apply", expected: editors(200), ask: (who) => replace(who, true) },
      ],
    };
  });

  matrix("undo a find and replace: its author and owners", () => {
    const segment = world.segments[5];
    return {
      rows: [
        {
          action: "undo",
          expected: editors(200), // the translator is the author
          ask: async (who) => {
            expect((await put("translator", segment.id, { text: "Marker alpha" })).status).toBe(200);
            const replaced = await call(routes.replace, `/api/v1/documents/${world.document.id}/replace`, {
              method: "POST",
              token: token("translator"),
              params: { id: world.document.id },
              body: { lang: "en", find: "Marker alpha", replace: "Marker beta", apply: true },
            });
            const id = replaced.json.bulkEditId;
            return (
              await call(routes.undo, `/api/v1/bulk-edits/${id}/undo`, {
                method: "POST",
                token: token(who),
                params: { id },
              })
            ).status;
          },
        },
      ],
    };
  });

  it("a reviewer edits text only when the owner allows it", async () => {
    const segment = world.segments[9];
    expect((await put("reviewer", segment.id, { text: "Reviewer's fix" })).status).toBe(403);
    await settings({ reviewersMayEdit: true });
    expect((await put("reviewer", segment.id, { text: "Reviewer's fix" })).status).toBe(200);
    await settings({ reviewersMayEdit: false });
    expect((await put("reviewer", segment.id, { text: "Reviewer's second fix" })).status).toBe(403);
  });

  matrix("change an approved paragraph: locked for translators unless the project allows it", () => {
    const segment = world.segments[6];
    const approve = () => put("owner", segment.id, { text: "Approved text", status: "approved" });
    return {
      beforeEach: async () => expect((await approve()).status).toBe(200),
      rows: [
        {
          action: "change",
          expected: ownersOnly(200),
          ask: async (who) => {
            const res = await put(who, segment.id, { text: `Changed by ${who}` });
            if (who === "translator") expect(res.json.error.details.reason).toBe("locked");
            return res.status;
          },
        },
      ],
      after: async () => {
        await settings({ translatorsMayChangeApproved: true });
        expect((await approve()).status).toBe(200);
        expect((await put("translator", segment.id, { text: "Changed by the translator" })).status).toBe(200);
        await settings({ translatorsMayChangeApproved: false });
      },
    };
  });

  matrix("unlock an approved paragraph for translators: owners only", async () => {
    const segment = world.segments[6];
    expect((await put("owner", segment.id, { text: "Approved text", status: "approved" })).status).toBe(200);
    return {
      // The owner last: everyone else's attempt must leave it approved.
      order: ownerLast,
      rows: [
        {
          action: "unlock",
          expected: ownersOnly(200),
          ask: async (who) =>
            (
              await call(routes.unlock, `/api/v1/segments/${segment.id}/translations/en/unlock`, {
                method: "POST",
                token: token(who),
                params: { segmentId: segment.id, lang: "en" },
                body: {},
              })
            ).status,
        },
      ],
      after: async () => expect((await put("translator", segment.id, { text: "Opened again" })).status).toBe(200),
    };
  });

  matrix("review decisions through the decision route", async () => {
    const segment = world.segments[7];
    await put("owner", segment.id, { text: "To decide on" });
    return {
      rows: ["reviewed", "approved", "rejected"].map((decision) => ({
        action: decision,
        expected: reviewers(200),
        ask: async (who) =>
          (
            await call(routes.decision, `/api/v1/segments/${segment.id}/translations/en/decision`, {
              method: "POST",
              token: token(who),
              params: { segmentId: segment.id, lang: "en" },
              body: { decision, note: "Because." },
            })
          ).status,
      })),
    };
  });
});
