// The permission matrix (tests/permission-table.ts runs its tables): following work as it happens.
// A document's events stream, presence pings and reading one translation; an import's place in line.
import { beforeAll, describe, expect } from "vitest";
import { type Answers, matrix, matrixWorld, members } from "./permission-table";
import { call } from "./world";

const { world, token } = matrixWorld();
// biome-ignore lint/suspicious/noExplicitAny: route handlers are loaded dynamically, after DATABASE_URL is set.
const routes: Record<string, any> = {};

beforeAll(async () => {
  routes.events = (await import("../app/api/v1/documents/[id]/events/route")).GET;
  routes.presence = (await import("../app/api/v1/documents/[id]/presence/route")).PUT;
  routes.translation = (await import("../app/api/v1/segments/[segmentId]/translations/[lang]/route")).GET;
  routes.importPlace = (await import("../app/api/v1/imports/[ticket]/route")).GET;
});

describe("permission matrix: live updates and imports", () => {
  matrix("follow an import's place in line: only the account that sent it", async () => {
    const { importSlots } = await import("../lib/exchange/import/slots");
    const ticket = "matrix-ticket-0123456789";
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const running = importSlots.run({ ticket, userId: world.users.translator.id }, () => held);
    const onlyTheSender: Answers = {
      owner: 404,
      translator: 200,
      reviewer: 404,
      viewer: 404,
      outsider: 404,
      anonymous: 401,
    };
    return {
      rows: [
        {
          action: "place",
          expected: onlyTheSender,
          ask: async (who) =>
            (await call(routes.importPlace, `/api/v1/imports/${ticket}`, { token: token(who), params: { ticket } }))
              .status,
        },
      ],
      after: async () => {
        finish();
        await running;
      },
    };
  });

  matrix("live updates: the events stream, presence pings and reading one translation are for every reader", () => {
    const { id } = world.document;
    const segment = world.segments[5];
    return {
      rows: [
        {
          action: "events",
          expected: members(200),
          ask: async (who) => {
            const headers = new Headers(token(who) ? { authorization: `Bearer ${token(who)}` } : {});
            const res: Response = await routes.events(
              new Request(`http://localhost/api/v1/documents/${id}/events`, { headers }),
              {
                params: Promise.resolve({ id }),
              },
            );
            await res.body?.cancel();
            return res.status;
          },
        },
        {
          action: "presence",
          expected: members(200),
          ask: async (who) =>
            (
              await call(routes.presence, `/api/v1/documents/${id}/presence`, {
                method: "PUT",
                token: token(who),
                params: { id },
                body: { connection: `matrix-${who}`, segmentId: segment.id, lang: "en" },
              })
            ).status,
        },
        {
          action: "translation",
          expected: members(200),
          ask: async (who) =>
            (
              await call(routes.translation, `/api/v1/segments/${segment.id}/translations/en`, {
                token: token(who),
                params: { segmentId: segment.id, lang: "en" },
              })
            ).status,
        },
      ],
      after: async () => {
        // Whoever pinged is present, as themselves; nobody else is.
        const present = await world.db.presence.findMany({ where: { documentId: id } });
        expect(present.map((p) => [p.id, p.userId]).sort()).toEqual(
          (["owner", "translator", "reviewer", "viewer"] as const)
            .map((w) => [`matrix-${w}`, world.users[w].id])
            .sort(),
        );
      },
    };
  });
});
