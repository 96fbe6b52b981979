// The permission matrix (tests/permission-table.ts runs its tables): people. A project's members and
// settings, invitations, and each person's own account: API tokens, name and email.
import { describe, expect, it } from "vitest";
import { type Actor, signedIn } from "../lib/auth/actor";
import {
  type Answers,
  everyone,
  expectTable,
  matrix,
  matrixWorld,
  ownersOnly,
  signedInAnyone,
  statusOf,
  type Who,
} from "./permission-table";
import { PASSWORD } from "./world";

const { world, actorOf } = matrixWorld();

/** Signed in with a browser (a session) rather than the API token actorOf stands for. */
const sessionOf = (who: Who): Actor | null => {
  const viaToken = actorOf(who);
  return viaToken && { ...viaToken, via: "session" };
};
/** The route wrappers' own refusal of a caller with no session, before any domain function runs. */
const as = (actor: Actor | null) => {
  if (!actor) throw Object.assign(new Error("no session"), { status: 401 });
  return actor;
};

describe("permission matrix: people", () => {
  it("manage members and project settings", async () => {
    const { addMember, changeMemberRole, removeMember } = await import("../lib/projects/members");
    const { updateProjectSettings } = await import("../lib/projects/settings");
    const project = world.project.id;
    // The wrappers' own check: an anonymous caller is refused before any domain function runs.
    const actor = (who: Who) => signedIn(actorOf(who));
    await expectTable({
      rows: [
        {
          action: "add",
          expected: ownersOnly(200),
          ask: (who) =>
            statusOf(() =>
              addMember(world.db, actor(who), project, { email: `new-${who}@example.com`, role: "viewer" }),
            ),
        },
        {
          action: "role",
          expected: ownersOnly(200),
          ask: (who) =>
            statusOf(() => changeMemberRole(world.db, actor(who), project, world.users.viewer.id, "viewer")),
        },
        {
          action: "settings",
          expected: ownersOnly(200),
          ask: (who) =>
            statusOf(() => updateProjectSettings(world.db, actor(who), project, { reviewersMayEdit: false })),
        },
      ],
    });
    // Removing: only the owner, and never the last owner.
    expect(
      await statusOf(() => removeMember(world.db, world.actor("translator"), project, world.users.viewer.id)),
    ).toBe(403);
    expect(await statusOf(() => removeMember(world.db, world.actor("owner"), project, world.users.owner.id))).toBe(409);
    expect(await world.db.membership.count({ where: { projectId: project, role: "owner" } })).toBe(1);
    // Every membership change was recorded with who made it.
    const audit = await world.db.auditEvent.findMany({
      where: { projectId: project, action: { startsWith: "member." } },
    });
    expect(audit.some((e) => e.action === "member.invite" && e.actorId === world.users.owner.id)).toBe(true);
    expect(audit.some((e) => e.action === "member.role" && e.actorId === world.users.owner.id)).toBe(true);
  });

  matrix("create a personal API token: any signed-in browser with its current password, never a token", async () => {
    const { createTokenWithPassword } = await import("../lib/auth/passwords");
    const create = (actor: Actor | null, currentPassword: string, i: number) =>
      statusOf(() =>
        createTokenWithPassword(world.db, as(actor), {
          name: "matrix",
          currentPassword,
          address: `192.0.2.${i + 100}`,
        }),
      );
    return {
      rows: [
        { action: "right", expected: signedInAnyone(200), ask: (who, i) => create(sessionOf(who), PASSWORD, i) },
        {
          action: "wrong",
          expected: signedInAnyone(401),
          ask: (who, i) => create(sessionOf(who), "not the password", i),
        },
        { action: "viaToken", expected: signedInAnyone(403), ask: (who, i) => create(actorOf(who), PASSWORD, i) },
      ],
    };
  });

  matrix(
    "change one's own name and email: any signed-in person; the email only from a browser, with the password",
    async () => {
      const { changeEmail, changeName } = await import("../lib/auth/profile");
      const email = (actor: Actor | null, to: string, i: number) =>
        statusOf(async () =>
          changeEmail(world.db, as(actor), { email: to, currentPassword: PASSWORD }, `192.0.2.${i + 150}`),
        );
      return {
        rows: [
          {
            action: "name",
            expected: signedInAnyone(200),
            ask: (who) => statusOf(async () => changeName(world.db, as(sessionOf(who)), { name: `Renamed ${who}` })),
          },
          {
            action: "emailViaToken",
            expected: signedInAnyone(403),
            ask: (who, i) => email(actorOf(who), `token-${who}@example.com`, i),
          },
          {
            action: "email",
            expected: signedInAnyone(200),
            ask: (who, i) => email(sessionOf(who), `moved-${who}@example.com`, i),
          },
        ],
        // Back to the address the other rows sign in with.
        afterEach: async (who) => {
          if (who === "anonymous") return;
          const { email, name } = world.users[who];
          await world.db.user.update({
            where: { id: world.users[who].id },
            data: { email, name, emailVerified: true },
          });
        },
      };
    },
  );

  it("accept or decline an invitation: only the invited account, and only with a confirmed address", async () => {
    const { acceptInvitation, declineInvitation, listInvitationsFor } = await import("../lib/projects/invitations");
    const { addMember } = await import("../lib/projects/members");
    const invitee = world.users.outsider;
    const inviteeActor = actorOf("outsider")!;
    const invite = async () => {
      await addMember(world.db, signedIn(actorOf("owner")), world.project.id, { email: invitee.email, role: "viewer" });
      return (await listInvitationsFor(world.db, inviteeActor))[0].id;
    };
    const onlyTheInvitee: Answers = {
      owner: 404,
      translator: 404,
      reviewer: 404,
      viewer: 404,
      outsider: 200,
      anonymous: 401,
    };
    for (const answer of [declineInvitation, acceptInvitation]) {
      const id = await invite();
      await expectTable({
        // The invitee last: everyone else's attempt must leave the invitation open.
        order: [...everyone.filter((w) => w !== "outsider"), "outsider"],
        rows: [
          {
            action: answer.name,
            expected: onlyTheInvitee,
            ask: (who) => statusOf(() => answer(world.db, signedIn(actorOf(who)), id)),
          },
        ],
      });
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
});
