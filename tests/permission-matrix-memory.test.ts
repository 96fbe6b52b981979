// The permission matrix (tests/permission-table.ts runs its tables): translation memory. Matches,
// concordance, the analysis, TMX export and pre-translation for the project's members; importing,
// attaching, editing and deleting for its owners.
import { beforeAll, describe, expect, it } from "vitest";
import {
  editors,
  expectTable,
  matrix,
  matrixWorld,
  members,
  ownerLast,
  ownersOnly,
  type Row,
  signedInAnyone,
  type Who,
} from "./permission-table";
import { call } from "./world";

const { world, token, put } = matrixWorld();
// biome-ignore lint/suspicious/noExplicitAny: route handlers are loaded dynamically, after DATABASE_URL is set.
const tm: Record<string, any> = {};
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
  // The save's own memory write first: in this fresh world it makes the working memory, and on
  // PostgreSQL two first writers racing for it can fail (Memory_workingOf_key), which is not what
  // this file tests. (The old single-file matrix came here with the working memory long made.)
  await (await import("../lib/tm/after-confirm")).memoryWritesSettled();
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

const get = async (handler: unknown, url: string, who: Who, params: Record<string, string> = {}) =>
  (await call(handler, url, { token: token(who), params })).status;
const send = async (
  handler: unknown,
  method: string,
  url: string,
  who: Who,
  params: Record<string, string>,
  body?: unknown,
) => (await call(handler, url, { method, token: token(who), params, body })).status;
/** A row every member may ask: `members(200)`. */
const read = (action: string, ask: Row["ask"]): Row => ({ action, expected: members(200), ask });

describe("permission matrix: translation memory", () => {
  matrix("read matches, concordance, the analysis, the memory list and units: everyone on the project", () => {
    const segmentId = world.segments[3].id;
    const id = world.document.id;
    const project = world.project.id;
    return {
      rows: [
        read("matches", (who) =>
          get(tm.matches, `/api/v1/segments/${segmentId}/matches?target=en`, who, { segmentId }),
        ),
        read("analysis", (who) => get(tm.analysis, `/api/v1/documents/${id}/analysis?target=en`, who, { id })),
        read("memory list", (who) =>
          get(tm.memories.GET, `/api/v1/projects/${project}/memories`, who, { id: project }),
        ),
        read("units", (who) => get(tm.units, `/api/v1/memories/${working.id}/units`, who, { id: working.id })),
        // A reference memory is readable by the members of the project it is attached to.
        read("reference units", (who) =>
          get(tm.units, `/api/v1/memories/${otherMemory.id}/units`, who, { id: otherMemory.id }),
        ),
      ],
    };
  });

  matrix("concordance: everyone signed in may search, and finds only the memories of their projects", () => ({
    rows: [
      {
        action: "search",
        expected: signedInAnyone(200),
        ask: async (who) => {
          const res = await call(tm.search, "/api/v1/memories/search?q=confirmed%20paragraph&target=en&side=target", {
            token: token(who),
          });
          expect([who, (res.json?.total ?? 0) > 0]).toEqual([who, who !== "outsider" && who !== "anonymous"]);
          return res.status;
        },
      },
    ],
    after: async () =>
      expect(
        await get(tm.search, `/api/v1/memories/search?q=confirmed&target=en&memory=${working.id}`, "outsider"),
      ).toBe(404),
  }));

  matrix("export a memory as TMX: everyone on a project that uses it", () => ({
    rows: [
      read("export", async (who) => {
        const headers: Record<string, string> = who === "anonymous" ? {} : { authorization: `Bearer ${token(who)}` };
        const res: Response = await tm.export(
          new Request(`http://localhost/api/v1/memories/${working.id}/export`, { headers }),
          {
            params: Promise.resolve({ id: working.id }),
          },
        );
        return res.status;
      }),
    ],
  }));

  matrix("pre-translate: whoever may edit translations", () => ({
    rows: [
      {
        action: "pre-translate",
        expected: editors(200),
        ask: (who) =>
          send(
            tm.pretranslate,
            "POST",
            `/api/v1/documents/${world.document.id}/pretranslate`,
            who,
            { id: world.document.id },
            {
              target: "en",
              apply: false,
            },
          ),
      },
    ],
  }));

  it("import TMX, attach, edit and delete units, detach and delete memories: owners only", async () => {
    const id = world.project.id;
    const unit = { id: working.id, unitId: String(unitId) };
    const unitPath = `/api/v1/memories/${working.id}/units/${unitId}`;
    await expectTable({
      rows: [
        // Not multipart: an owner passes the access check and is told what is wrong with the upload.
        {
          action: "import",
          expected: ownersOnly(400),
          ask: (who) => send(tm.memories.POST, "POST", `/api/v1/projects/${id}/memories`, who, { id }, {}),
        },
        // The project's own working memory cannot be attached to it: an owner gets that refusal.
        {
          action: "attach",
          expected: ownersOnly(400),
          ask: (who) =>
            send(tm.attach, "POST", `/api/v1/projects/${id}/memories/attach`, who, { id }, { memoryId: working.id }),
        },
        {
          action: "edit",
          expected: ownersOnly(200),
          ask: (who) => send(tm.unit.PATCH, "PATCH", unitPath, who, unit, { target: `Edited by ${who}` }),
        },
      ],
    });
    const imported = await world.db.memory.create({
      data: { projectId: id, kind: "imported", name: "To delete", sourceLang: "uk" },
    });
    await expectTable({
      // Destructive ones: everyone else first, the owner last.
      order: ownerLast,
      rows: [
        {
          action: "delete unit",
          expected: ownersOnly(200),
          ask: (who) => send(tm.unit.DELETE, "DELETE", unitPath, who, unit),
        },
        {
          action: "detach",
          expected: ownersOnly(200),
          ask: (who) =>
            send(tm.detach, "DELETE", `/api/v1/projects/${id}/memories/${otherMemory.id}`, who, {
              id,
              memoryId: otherMemory.id,
            }),
        },
        // Only members of a project that uses the memory learn it exists.
        {
          action: "delete memory",
          expected: ownersOnly(200),
          ask: (who) => send(tm.memory, "DELETE", `/api/v1/memories/${imported.id}`, who, { id: imported.id }),
        },
      ],
    });
  });
});
