// The permission matrix (tests/permission-table.ts runs its tables): quality checks. Members check and
// read reports and a finding's history; owners, translators and reviewers ignore a finding and take
// their mark back; owners set the checks and the spelling dictionary.
import { beforeAll, describe, expect } from "vitest";
import { commenters, matrix, matrixWorld, members, ownersOnly, type Who } from "./permission-table";
import { call } from "./world";

const { world, token } = matrixWorld();
// biome-ignore lint/suspicious/noExplicitAny: route handlers are loaded dynamically, after DATABASE_URL is set.
const routes: Record<string, any> = {};

beforeAll(async () => {
  routes.qaCheck = (await import("../app/api/v1/qa/check/route")).POST;
  routes.documentQa = (await import("../app/api/v1/documents/[id]/qa/route")).GET;
  routes.qaIgnores = await import("../app/api/v1/segments/[segmentId]/translations/[lang]/qa/ignores/route");
  routes.qaUnignore = (await import("../app/api/v1/qa/ignores/[id]/route")).DELETE;
  routes.qaSettings = await import("../app/api/v1/projects/[id]/qa-settings/route");
  routes.qaDictionary = (await import("../app/api/v1/projects/[id]/qa-settings/dictionary/route")).POST;
});

describe("permission matrix: quality checks", () => {
  matrix(
    "quality checks: members check and read reports; owner, translator and reviewer ignore; owners set",
    async () => {
      const segment = world.segments[6];
      const project = world.project.id;
      const { ignoreFinding } = await import("../lib/qa/store/ignores");
      const standing = await ignoreFinding(world.db, world.actor("owner"), segment.id, "en", {
        key: "citations:missing:[99]",
        check: "citations",
        messageKey: "qa.citations.missing",
        reason: "The owner's",
      });
      const ignores = `/api/v1/segments/${segment.id}/translations/en/qa/ignores`;
      const asks = (who: Who, route: unknown, url: string, options: Record<string, unknown> = {}) =>
        call(route, url, { token: token(who), ...options }).then((res) => res.status);
      // Each ignoring role takes its own mark back; the others try the owner's standing one.
      let mark = standing.id;
      return {
        rows: [
          {
            action: "check",
            expected: members(200),
            ask: (who) =>
              asks(who, routes.qaCheck, "/api/v1/qa/check", {
                method: "POST",
                body: {
                  source: "Текст [53].",
                  target: "Text.",
                  sourceLang: "uk",
                  targetLang: "en",
                  projectId: project,
                  segmentId: segment.id,
                },
              }),
          },
          {
            action: "report",
            expected: members(200),
            ask: (who) =>
              asks(who, routes.documentQa, `/api/v1/documents/${world.document.id}/qa?target=en`, {
                params: { id: world.document.id },
              }),
          },
          {
            action: "history",
            expected: members(200),
            ask: (who) => asks(who, routes.qaIgnores.GET, ignores, { params: { segmentId: segment.id, lang: "en" } }),
          },
          {
            action: "ignore",
            expected: commenters(201),
            ask: async (who) => {
              const ignored = await call(routes.qaIgnores.POST, ignores, {
                method: "POST",
                token: token(who),
                params: { segmentId: segment.id, lang: "en" },
                body: {
                  key: "citations:missing:[53]",
                  check: "citations",
                  messageKey: "qa.citations.missing",
                  reason: who,
                },
              });
              mark = ignored.status === 201 ? ignored.json.ignore.id : standing.id;
              return ignored.status;
            },
          },
          {
            action: "unignore",
            expected: commenters(200),
            ask: (who) =>
              asks(who, routes.qaUnignore, `/api/v1/qa/ignores/${mark}`, { method: "DELETE", params: { id: mark } }),
          },
          {
            action: "settings",
            expected: members(200),
            ask: (who) =>
              asks(who, routes.qaSettings.GET, `/api/v1/projects/${project}/qa-settings`, { params: { id: project } }),
          },
          {
            action: "put settings",
            expected: ownersOnly(200),
            ask: (who) =>
              asks(who, routes.qaSettings.PUT, `/api/v1/projects/${project}/qa-settings`, {
                method: "PUT",
                params: { id: project },
                body: { severity: { "double-space": "warning" } },
              }),
          },
          {
            action: "dictionary",
            expected: ownersOnly(200),
            ask: (who) =>
              asks(who, routes.qaDictionary, `/api/v1/projects/${project}/qa-settings/dictionary`, {
                method: "POST",
                params: { id: project },
                body: { lang: "en", word: "akimat" },
              }),
          },
        ],
        after: async () => {
          // The owner's mark is still in force: nobody else could take it back.
          expect((await world.db.qaIgnore.findUniqueOrThrow({ where: { id: standing.id } })).unignoredAt).toBeNull();
          await world.db.qaSettings.deleteMany({ where: { projectId: project } });
        },
      };
    },
  );
});
