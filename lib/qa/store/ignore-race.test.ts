// "Ignore" on one finding, asked for by several people at the same moment (issue 18): exactly one
// mark in force, everyone else told "already ignored" (409), never a 500, on SQLite and PostgreSQL.
// The check for a mark in force and the insert were two statements; on PostgreSQL two requests
// could both see none and both insert. Now the database's unique key on the mark in force decides.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createWorld, type World } from "../../../tests/world";

let world: World;
let routes: { POST: unknown; unignore: unknown };

beforeAll(async () => {
  world = await createWorld();
  const ignores = await import("../../../app/api/v1/segments/[segmentId]/translations/[lang]/qa/ignores/route");
  routes = { POST: ignores.POST, unignore: (await import("../../../app/api/v1/qa/ignores/[id]/route")).DELETE };
}, 120_000);
afterAll(() => world?.cleanup());

const finding = { key: "citations:[52, с. 5]", check: "citations", messageKey: "qa.citations.missing" };

function ignore(segmentId: string, token: string, reason: string) {
  return call(routes.POST, `/api/v1/segments/${segmentId}/translations/en/qa/ignores`, {
    method: "POST",
    token,
    headers: { "accept-language": "en" },
    params: { segmentId, lang: "en" },
    body: { ...finding, reason },
  });
}

const inForce = (segmentId: string) =>
  world.db.qaIgnore.findMany({ where: { segmentId, lang: "en", findingKey: finding.key, unignoredAt: null } });

describe("ignoring one finding at the same moment", () => {
  it("leaves one mark in force and tells everyone else it is ignored already", async () => {
    const segment = world.segments[2];
    const tokens = [world.tokens.owner, world.tokens.reviewer, world.tokens.translator];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => ignore(segment.id, tokens[i % tokens.length], `Reason ${i}`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(11).fill(409)]);
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.json.error).toMatchObject({
        message: "This finding is ignored already.",
        details: { reason: "already_ignored" },
      });
    const marks = await inForce(segment.id);
    expect(marks).toHaveLength(1);
    expect(marks[0].id).toBe(answers.find((a) => a.status === 201)?.json.ignore.id);
  });

  it("may be ignored again once taken back, the taken-back marks staying as history", async () => {
    const segment = world.segments[3];
    for (const round of [1, 2, 3]) {
      const ignored = await ignore(segment.id, world.tokens.reviewer, `Round ${round}`);
      expect(ignored.status).toBe(201);
      const taken = await call(routes.unignore, `/api/v1/qa/ignores/${ignored.json.ignore.id}`, {
        method: "DELETE",
        token: world.tokens.reviewer,
        params: { id: ignored.json.ignore.id },
      });
      expect(taken.status).toBe(200);
    }
    const answers = await Promise.all([1, 2, 3, 4].map((i) => ignore(segment.id, world.tokens.owner, `Again ${i}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await inForce(segment.id)).toHaveLength(1);
    expect(await world.db.qaIgnore.count({ where: { segmentId: segment.id, findingKey: finding.key } })).toBe(4);
  });

  it("is refused by the database itself for a second mark in force, whoever writes it", async () => {
    const segment = world.segments[4];
    const row = {
      segmentId: segment.id,
      documentId: world.document.id,
      lang: "en",
      findingKey: finding.key,
      openKey: finding.key,
      check: finding.check,
      messageKey: finding.messageKey,
      reason: "Written directly",
    };
    await world.db.qaIgnore.create({ data: row });
    await expect(world.db.qaIgnore.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
    // Taken-back marks (no key in force) are history: any number of them.
    await world.db.qaIgnore.createMany({
      data: [1, 2].map(() => ({ ...row, openKey: null, unignoredAt: new Date() })),
    });
    expect(await world.db.qaIgnore.count({ where: { segmentId: segment.id } })).toBe(3);
  });
});
