// Invitations on a real database: an owner's "add member" never adds an existing account by
// itself, and an account made under someone else's address collects nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, PASSWORD, type World } from "../../tests/world";
import type { Actor } from "../auth/actor";
import { signedIn } from "../auth/actor";

let world: World;
let inv: typeof import("./invitations");
let members: typeof import("./members");
let access: typeof import("../auth/access");

beforeAll(async () => {
  world = await createWorld();
  inv = await import("./invitations");
  members = await import("./members");
  access = await import("../auth/access");
});
afterAll(() => world.cleanup());

const actorFor = (user: { id: string; name: string; email: string }): Actor => ({
  userId: user.id,
  name: user.name,
  email: user.email,
  isAdmin: false,
  via: "session",
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string; details?: { reason?: string } }) => error.details?.reason ?? error.code,
  );

const isMember = async (projectId: string, userId: string) =>
  Boolean(await world.db.membership.findUnique({ where: { projectId_userId: { projectId, userId } } }));

describe("invitations", () => {
  it("an existing account is invited, not added, and joins only by accepting after signing in", async () => {
    const outsider = world.users.outsider;
    const owner = world.actor("owner");
    const result = await members.addMember(world.db, owner, world.project.id, {
      email: outsider.email,
      role: "reviewer",
    });
    expect(result).toMatchObject({ kind: "account_invited", emailConfirmed: true });
    expect(await isMember(world.project.id, outsider.id)).toBe(false);

    const waiting = await inv.listInvitationsFor(world.db, actorFor(outsider));
    expect(waiting.map((i) => [i.project.name, i.role, i.invitedBy?.name])).toEqual([
      [world.project.name, "reviewer", "Olena Owner"],
    ]);
    // Nobody else can answer it, not even the owner who sent it.
    for (const who of ["owner", "translator", "viewer"] as const) {
      expect(await codeOf(inv.acceptInvitation(world.db, world.actor(who), waiting[0].id))).toBe("not_found");
    }
    // Signed out: the wrappers' own check refuses before the domain function runs.
    const signedOut = Promise.resolve().then(() => inv.acceptInvitation(world.db, signedIn(null), waiting[0].id));
    expect(await codeOf(signedOut)).toBe("unauthenticated");

    expect(await codeOf(inv.acceptInvitation(world.db, actorFor(outsider), waiting[0].id))).toBe("ok");
    const membership = await world.db.membership.findUniqueOrThrow({
      where: { projectId_userId: { projectId: world.project.id, userId: outsider.id } },
    });
    expect(membership.role).toBe("reviewer");
    expect(await codeOf(inv.acceptInvitation(world.db, actorFor(outsider), waiting[0].id))).toBe("not_found");
    expect(await inv.listInvitationsFor(world.db, actorFor(outsider))).toEqual([]);
    await members.removeMember(world.db, owner, world.project.id, outsider.id);
  });

  it("declining removes the invitation and leaves no membership", async () => {
    const outsider = world.users.outsider;
    await members.addMember(world.db, world.actor("owner"), world.project.id, {
      email: outsider.email,
      role: "viewer",
    });
    const [invitation] = await inv.listInvitationsFor(world.db, actorFor(outsider));
    expect(await codeOf(inv.declineInvitation(world.db, world.actor("translator"), invitation.id))).toBe("not_found");
    expect(await codeOf(inv.declineInvitation(world.db, actorFor(outsider), invitation.id))).toBe("ok");
    expect(await inv.listInvitationsFor(world.db, actorFor(outsider))).toEqual([]);
    expect(await isMember(world.project.id, outsider.id)).toBe(false);
    expect(await world.db.auditEvent.count({ where: { action: "member.invite.decline", actorId: outsider.id } })).toBe(
      1,
    );
  });

  it("an account someone made under another person's address gains no other project's data", async () => {
    // Mallory owns a project of her own and invites the victim's address to it; she opens the link herself.
    const mallory = await world.db.user.create({ data: { email: "mallory@example.com", name: "Mallory" } });
    const own = await world.db.project.create({ data: { name: "Mallory's project", createdById: mallory.id } });
    await world.db.membership.create({ data: { projectId: own.id, userId: mallory.id, role: "owner" } });
    const link = await members.addMember(world.db, actorFor(mallory), own.id, {
      email: "victim@example.com",
      role: "viewer",
    });
    if (link.kind !== "invited") throw new Error("expected a link");
    const { user: fake } = await inv.acceptInvitationLink(world.db, link.token, { name: "Victim", password: PASSWORD });
    expect(fake.emailVerified).toBe(false);

    // Later the demo project's owner adds the victim, whom they know by address.
    const added = await members.addMember(world.db, world.actor("owner"), world.project.id, {
      email: "victim@example.com",
      role: "translator",
    });
    expect(added).toMatchObject({ kind: "account_invited", emailConfirmed: false });
    const listed = await inv.listOpenInvitations(world.db, world.project.id);
    expect(listed.find((i) => i.email === "victim@example.com")?.account).toEqual({ confirmed: false });

    // Mallory, holding that account, cannot accept, and the project stays invisible to her.
    const [invitation] = await inv.listInvitationsFor(world.db, actorFor(fake));
    expect(await codeOf(inv.acceptInvitation(world.db, actorFor(fake), invitation.id))).toBe("address_not_confirmed");
    expect(await isMember(world.project.id, fake.id)).toBe(false);
    expect(await codeOf(access.requireProject(world.db, actorFor(fake), world.project.id, "project.read"))).toBe(
      "not_found",
    );

    // Once an administrator has confirmed the address (checked with its real holder), it can.
    const { confirmEmail } = await import("../auth/users");
    await confirmEmail(world.db, "victim@example.com", null);
    expect(await codeOf(inv.acceptInvitation(world.db, actorFor(fake), invitation.id))).toBe("ok");
  });

  it("an invitation link does nothing for an address that has an account by now", async () => {
    const result = await members.addMember(world.db, world.actor("owner"), world.project.id, {
      email: "late@example.com",
      role: "viewer",
    });
    if (result.kind !== "invited") throw new Error("expected a link");
    const { createUser } = await import("../auth/users");
    const late = await createUser(world.db, { email: "late@example.com", name: "Late", password: PASSWORD });
    const used = inv.acceptInvitationLink(world.db, result.token, { name: "Someone", password: "another password" });
    expect(await codeOf(used)).toBe("invitation_for_account");
    expect(await isMember(world.project.id, late.id)).toBe(false);
    // The account itself finds the invitation on its home page instead.
    expect(await inv.listInvitationsFor(world.db, actorFor(late))).toHaveLength(1);
  });

  it("inviting an address again replaces the open invitation and its link", async () => {
    const first = await members.addMember(world.db, world.actor("owner"), world.project.id, {
      email: "twice@example.com",
      role: "viewer",
    });
    const second = await members.addMember(world.db, world.actor("owner"), world.project.id, {
      email: "twice@example.com",
      role: "translator",
    });
    if (first.kind !== "invited" || second.kind !== "invited") throw new Error("expected links");
    expect(await inv.findInvitation(world.db, first.token)).toBeNull();
    expect((await inv.findInvitation(world.db, second.token))?.role).toBe("translator");
    const open = await inv.listOpenInvitations(world.db, world.project.id);
    expect(open.filter((i) => i.email === "twice@example.com")).toHaveLength(1);
  });
});
