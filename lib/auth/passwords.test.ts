// The current password as proof, on a real database with better-auth's real sessions: creating an
// API token needs it, guesses at it are throttled like sign-ins, and a new password ends the other
// sessions and revokes every token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, PASSWORD, type World } from "../../tests/world";
import type { Actor } from "./actor";

let world: World;
let lib: typeof import("./passwords");
let actorLib: typeof import("./actor");

beforeAll(async () => {
  world = await createWorld();
  lib = await import("./passwords");
  actorLib = await import("./actor");
});
afterAll(() => world.cleanup());

/** A browser signed in as `email`: its session's actor and token. */
async function browser(email: string) {
  const cookie = await world.signIn(email);
  const headers = new Headers({ cookie });
  const session = await actorLib.sessionFromHeaders(headers);
  return { headers, actor: actorLib.actorOfSession(session) as Actor, token: session!.session.token };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string; details?: { reason?: string } }) => error.details?.reason ?? error.code,
  );

describe("creating an API token", () => {
  it("needs the current password, and a session: a token cannot make tokens", async () => {
    const { actor } = await browser(world.users.viewer.email);
    const before = await world.db.apiToken.count({ where: { userId: actor.userId } });
    const create = (currentPassword: string, as = actor) =>
      codeOf(lib.createTokenWithPassword(world.db, as, { name: "script", currentPassword, address: "192.0.2.10" }));
    expect(await create("not my password")).toBe("wrong_current_password");
    expect(await create(PASSWORD, world.actor("viewer"))).toBe("session_only");
    expect(await world.db.apiToken.count({ where: { userId: actor.userId } })).toBe(before);
    expect(await create(PASSWORD)).toBe("ok");
    expect(await world.db.apiToken.count({ where: { userId: actor.userId } })).toBe(before + 1);
  });

  it("throttles guesses at the current password like sign-ins, sharing their counts", async () => {
    const { actor } = await browser(world.users.reviewer.email);
    const create = (currentPassword: string, address: string) =>
      codeOf(lib.createTokenWithPassword(world.db, actor, { name: "x", currentPassword, address }));
    const guesses = await Promise.all(Array.from({ length: 7 }, () => create("guess guess guess", "203.0.113.9")));
    expect(guesses.filter((g) => g === "wrong_current_password")).toHaveLength(5);
    expect(guesses.filter((g) => g === "rate_limited")).toHaveLength(2);
    // Locked for that address, right password or not, and for signing in from there too.
    expect(await create(PASSWORD, "203.0.113.9")).toBe("rate_limited");
    const { signInWithPassword } = await import("./sign-in");
    const signIn = signInWithPassword(world.db, {
      email: actor.email,
      password: PASSWORD,
      address: "203.0.113.9",
      headers: new Headers(),
    });
    expect(await codeOf(signIn)).toBe("rate_limited");
    // From the person's usual address it still works.
    expect(await create(PASSWORD, "198.51.100.30")).toBe("ok");
  });
});

describe("changing the password", () => {
  it("ends the other sessions, revokes every API token, keeps this browser, and says so beforehand", async () => {
    const email = world.users.translator.email;
    const here = await browser(email);
    const elsewhere = await browser(email);
    const userId = here.actor.userId;
    const ends = await lib.whatANewPasswordEnds(world.db, userId, here.token);
    expect(ends.sessions.length).toBeGreaterThanOrEqual(1);
    expect(ends.tokens.map((t) => t.name)).toEqual(["translator"]);
    expect(await actorLib.actorFromAuthorization(world.db, `Bearer ${world.tokens.translator}`)).not.toBeNull();

    const change = (currentPassword: string) =>
      codeOf(
        lib.changeOwnPassword(world.db, here.actor, {
          currentPassword,
          newPassword: "a brand new password",
          address: "192.0.2.77",
          sessionToken: here.token,
        }),
      );
    expect(await change("wrong")).toBe("wrong_current_password");
    expect(await actorLib.sessionFromHeaders(elsewhere.headers)).not.toBeNull();
    expect(await change(PASSWORD)).toBe("ok");

    expect(await actorLib.sessionFromHeaders(elsewhere.headers)).toBeNull();
    expect(await actorLib.sessionFromHeaders(here.headers)).not.toBeNull();
    expect(await actorLib.actorFromAuthorization(world.db, `Bearer ${world.tokens.translator}`)).toBeNull();
    expect(await lib.whatANewPasswordEnds(world.db, userId, here.token)).toEqual({ sessions: [], tokens: [] });
    await expect(world.signIn(email)).rejects.toThrow();
    const audit = await world.db.auditEvent.findFirst({ where: { action: "user.password", entityId: userId } });
    expect(JSON.parse(audit!.data)).toMatchObject({ tokensRevoked: 1 });
  });

  it("refuses a short new password before looking at the current one", async () => {
    const { actor, token } = await browser(world.users.owner.email);
    const short = lib.changeOwnPassword(world.db, actor, {
      currentPassword: "wrong",
      newPassword: "short",
      address: "192.0.2.78",
      sessionToken: token,
    });
    expect(await codeOf(short)).toBe("password_too_short");
    expect(await world.db.signInThrottle.count({ where: { key: { contains: "192.0.2.78" } } })).toBe(0);
  });
});
