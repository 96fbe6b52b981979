// Signing in through better-auth with the throttle in front, on a real database: parallel guesses
// are each counted, and a guesser never locks out the real person at another address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, PASSWORD, type World } from "../../tests/world";

let world: World;
let signInWithPassword: typeof import("./sign-in").signInWithPassword;

beforeAll(async () => {
  world = await createWorld();
  ({ signInWithPassword } = await import("./sign-in"));
});
afterAll(() => world.cleanup());

const attempt = (email: string, password: string, address: string) =>
  signInWithPassword(world.db, { email, password, address, headers: new Headers() }).then(
    (result) => (result.token ? "signed in" : "no session"),
    (error: { code?: string }) => error.code ?? String(error),
  );

describe("sign-in", () => {
  it("counts 8 wrong guesses sent at once as 8: five are checked, three refused unchecked", async () => {
    const email = world.users.translator.email;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => attempt(email, "wrong password!", "203.0.113.7")),
    );
    expect(results.filter((r) => r === "invalid_credentials")).toHaveLength(5);
    expect(results.filter((r) => r === "rate_limited")).toHaveLength(3);
    // Now even the right password is refused from that address…
    expect(await attempt(email, PASSWORD, "203.0.113.7")).toBe("rate_limited");
    // …but the translator signs in from their own.
    expect(await attempt(email, PASSWORD, "198.51.100.20")).toBe("signed in");
  });

  it("answers an unknown email like a wrong password, and throttles it alike", async () => {
    const results: string[] = [];
    for (let i = 0; i < 6; i++) results.push(await attempt("nobody@example.com", "wrong password!", "203.0.113.8"));
    expect(results).toEqual([...Array(5).fill("invalid_credentials"), "rate_limited"]);
  });

  it("a right password resets that address's count for the account", async () => {
    const email = world.users.reviewer.email;
    for (let i = 0; i < 4; i++)
      expect(await attempt(email, "wrong password!", "192.0.2.50")).toBe("invalid_credentials");
    expect(await attempt(email, PASSWORD, "192.0.2.50")).toBe("signed in");
    for (let i = 0; i < 5; i++)
      expect(await attempt(email, "wrong password!", "192.0.2.50")).toBe("invalid_credentials");
    expect(await attempt(email, PASSWORD, "192.0.2.50")).toBe("rate_limited");
  });
});
