// Changing one's own name and email on a real database: the email needs the current password,
// guesses at it are throttled like sign-ins, and a new address must be confirmed again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, PASSWORD, type World } from "../../tests/world";
import type { Actor } from "./actor";

let world: World;
let lib: typeof import("./profile");

beforeAll(async () => {
  world = await createWorld();
  lib = await import("./profile");
});
afterAll(() => world.cleanup());

const session = (who: keyof World["users"]): Actor => ({ ...world.actor(who), via: "session" });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string; details?: { reason?: string } }) => error.details?.reason ?? error.code,
  );

describe("changing the display name", () => {
  it("saves a trimmed name and records it; refuses an empty or overlong one", async () => {
    const actor = session("viewer");
    expect(await lib.changeName(world.db, actor, { name: "  Віра Переглядач  " })).toEqual({
      name: "Віра Переглядач",
      changed: true,
    });
    expect((await world.db.user.findUniqueOrThrow({ where: { id: actor.userId } })).name).toBe("Віра Переглядач");
    const audit = await world.db.auditEvent.findFirst({ where: { action: "user.name", entityId: actor.userId } });
    expect(JSON.parse(audit!.data)).toEqual({ from: actor.name, to: "Віра Переглядач" });
    expect(await codeOf(lib.changeName(world.db, actor, { name: "   " }))).toBe("name_empty");
    expect(await codeOf(lib.changeName(world.db, actor, { name: "x".repeat(121) }))).toBe("too_long");
  });
});

describe("changing the email address", () => {
  it("needs the current password and a free, valid address; the new one signs in and must be confirmed again", async () => {
    const actor = session("translator");
    const change = (email: string, currentPassword = PASSWORD) =>
      codeOf(lib.changeEmail(world.db, actor, { email, currentPassword }, "192.0.2.50"));
    expect(await change("new-translator@example.com", "not it")).toBe("wrong_current_password");
    expect(await change("not an address")).toBe("bad_email");
    expect(await change(world.users.reviewer.email)).toBe("taken");
    expect(await change(actor.email.toUpperCase())).toBe("same_email");
    expect((await world.db.user.findUniqueOrThrow({ where: { id: actor.userId } })).email).toBe(actor.email);

    expect(await change(" New-Translator@Example.com ")).toBe("ok");
    const user = await world.db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    expect(user).toMatchObject({ email: "new-translator@example.com", emailVerified: false });
    const { signInWithPassword } = await import("./sign-in");
    const signedIn = await signInWithPassword(world.db, {
      email: "new-translator@example.com",
      password: PASSWORD,
      address: "192.0.2.51",
      headers: new Headers(),
    });
    expect(signedIn.user.id).toBe(actor.userId);
  });

  it("an administrator's own new address stays confirmed", async () => {
    const owner = { ...session("owner"), isAdmin: true };
    expect(
      await codeOf(
        lib.changeEmail(world.db, owner, { email: "boss@example.com", currentPassword: PASSWORD }, "192.0.2.52"),
      ),
    ).toBe("ok");
    expect((await world.db.user.findUniqueOrThrow({ where: { id: owner.userId } })).emailVerified).toBe(true);
  });

  it("throttles guesses at the password like sign-ins, and refuses API tokens", async () => {
    const actor = session("reviewer");
    const guess = () =>
      codeOf(
        lib.changeEmail(world.db, actor, { email: "r2@example.com", currentPassword: "guess guess" }, "203.0.113.20"),
      );
    const answers = await Promise.all(Array.from({ length: 7 }, guess));
    expect(answers.filter((a) => a === "wrong_current_password")).toHaveLength(5);
    expect(answers.filter((a) => a === "rate_limited")).toHaveLength(2);
    expect(
      await codeOf(
        lib.changeEmail(world.db, actor, { email: "r2@example.com", currentPassword: PASSWORD }, "203.0.113.20"),
      ),
    ).toBe("rate_limited");
    expect(
      await codeOf(
        lib.changeEmail(
          world.db,
          world.actor("reviewer"),
          { email: "r2@example.com", currentPassword: PASSWORD },
          "192.0.2.53",
        ),
      ),
    ).toBe("session_only");
  });
});
