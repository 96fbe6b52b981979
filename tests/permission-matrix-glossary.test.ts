// The permission matrix (tests/permission-table.ts runs its tables): glossaries. Reading a project's
// glossary, changing its entries, and attaching another project's glossary.
import { describe, expect, it } from "vitest";
import {
  type Answers,
  commenters,
  expectTable,
  matrix,
  matrixWorld,
  members,
  ownerLast,
  ownersOnly,
  type Who,
} from "./permission-table";
import { call } from "./world";

const { world, token } = matrixWorld();

const glossaryRoute = () => import("../app/api/v1/projects/[id]/glossary/route");
const entryRoute = () => import("../app/api/v1/glossary/[entryId]/route");
const bearer = (who: Who): Record<string, string> => (token(who) ? { authorization: `Bearer ${token(who)}` } : {});

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
  const req = new Request(`http://localhost/api/v1/projects/${world.project.id}/glossary/import`, {
    method: "POST",
    headers: new Headers(bearer(who)),
    body: form,
  });
  const res = await POST(req, { params: Promise.resolve({ id: world.project.id }) });
  return res.status;
}

describe("permission matrix: glossaries", () => {
  matrix("read: the list, the export, a paragraph's terms and a document's entries", async () => {
    const { GET: list } = await glossaryRoute();
    const { GET: exportRoute } = await import("../app/api/v1/projects/[id]/glossary/export/route");
    const { GET: terms } = await import("../app/api/v1/segments/[segmentId]/terms/route");
    const { GET: documentGlossary } = await import("../app/api/v1/documents/[id]/glossary/route");
    const project = world.project.id;
    const segment = world.segments[0];
    const status = async (answer: Promise<{ status: number }>) => (await answer).status;
    return {
      rows: [
        {
          action: "list",
          expected: members(200),
          ask: (who) =>
            status(call(list, `/api/v1/projects/${project}/glossary`, { token: token(who), params: { id: project } })),
        },
        {
          action: "export",
          expected: members(200),
          ask: (who) =>
            status(
              exportRoute(
                new Request(`http://localhost/api/v1/projects/${project}/glossary/export?format=csv`, {
                  headers: bearer(who),
                }),
                { params: Promise.resolve({ id: project }) },
              ),
            ),
        },
        {
          action: "terms",
          expected: members(200),
          ask: (who) =>
            status(
              call(terms, `/api/v1/segments/${segment.id}/terms?target=en`, {
                token: token(who),
                params: { segmentId: segment.id },
              }),
            ),
        },
        {
          action: "document entries",
          expected: members(200),
          ask: (who) =>
            status(
              call(documentGlossary, `/api/v1/documents/${world.document.id}/glossary`, {
                token: token(who),
                params: { id: world.document.id },
              }),
            ),
        },
      ],
    };
  });

  it("add, change and delete entries: owners, and translators and reviewers while the project allows it", async () => {
    const { updateProjectSettings } = await import("../lib/projects/settings");
    const { PATCH, DELETE } = await entryRoute();
    const answers: [boolean, { add: Answers; change: Answers }][] = [
      [true, { add: commenters(201), change: commenters(200) }],
      [false, { add: ownersOnly(201), change: ownersOnly(200) }],
    ];
    for (const [setting, expected] of answers) {
      await updateProjectSettings(world.db, world.actor("owner"), world.project.id, {
        translatorsMayEditGlossary: setting,
      });
      // The owner's entry, for everyone else's change and delete.
      let target = "";
      await expectTable({
        beforeEach: async (who) => {
          target = (await addAs("owner", `ціль ${who} ${setting}`)).json.entry.id;
        },
        rows: [
          {
            action: `add (${setting})`,
            expected: expected.add,
            ask: async (who) => (await addAs(who, `термін ${who} ${setting}`)).status,
          },
          {
            action: `change (${setting})`,
            expected: expected.change,
            ask: async (who) =>
              (
                await call(PATCH, `/api/v1/glossary/${target}`, {
                  method: "PATCH",
                  token: token(who),
                  params: { entryId: target },
                  body: { note: `by ${who}` },
                })
              ).status,
          },
          {
            action: `delete (${setting})`,
            expected: expected.change,
            ask: async (who) => {
              const deleted = await call(DELETE, `/api/v1/glossary/${target}`, {
                method: "DELETE",
                token: token(who),
                params: { entryId: target },
              });
              const left = await world.db.glossaryEntry.count({ where: { id: target } });
              expect([who, setting, left]).toEqual([who, setting, expected.change[who] === 200 ? 0 : 1]);
              return deleted.status;
            },
          },
          {
            action: `import (${setting})`,
            expected: expected.add,
            ask: (who) => importAs(who, `uk,en\nімпорт ${who} ${setting},import\n`),
          },
        ],
      });
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
    const path = `/api/v1/projects/${world.project.id}/glossary/attached`;
    await expectTable({
      order: ownerLast,
      rows: [
        {
          action: "attach",
          expected: ownersOnly(201),
          ask: async (who) =>
            (
              await call(attach, path, {
                method: "POST",
                token: token(who),
                params: { id: world.project.id },
                body: { projectId: other.id },
              })
            ).status,
        },
      ],
    });
    // Through this project, nobody changes the attached entry unless they may edit the other project's glossary.
    const change: Answers = { owner: 200, translator: 200, reviewer: 403, viewer: 404, outsider: 404, anonymous: 401 };
    await expectTable({
      rows: [
        {
          action: "attached entry",
          expected: change,
          ask: async (who) =>
            (
              await call(PATCH, `/api/v1/glossary/${shared}`, {
                method: "PATCH",
                token: token(who),
                params: { entryId: shared },
                body: { note: who },
              })
            ).status,
        },
      ],
    });
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
    await expectTable({
      order: ["translator", "viewer", "outsider", "owner"],
      rows: [
        {
          action: "detach",
          expected: ownersOnly(200),
          ask: async (who) =>
            (
              await call(detach, `${path}/${other.id}`, {
                method: "DELETE",
                token: token(who),
                params: { id: world.project.id, projectId: other.id },
              })
            ).status,
        },
      ],
    });
    expect(await world.db.projectGlossary.count({ where: { projectId: world.project.id } })).toBe(0);
  });
});
