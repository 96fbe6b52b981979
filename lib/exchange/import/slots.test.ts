// At most two imports at once: the line (ImportSlots), and the import route waiting in it, telling
// its sender the place in line (GET /api/v1/imports/{ticket}) and refusing when the line is full.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createWorld, type World } from "../../../tests/world";
import type { AppError } from "../../errors";
import { ImportSlots, importSlots, MAX_RUNNING_IMPORTS, MAX_WAITING_IMPORTS } from "./slots";

/** A piece of work that runs until it is told to finish. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let started = false;
  return {
    work: async () => {
      started = true;
      await done;
      return "finished";
    },
    finish,
    get started() {
      return started;
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("ImportSlots", () => {
  it("runs two at once; the third waits its turn, first come first served, with its place in line", async () => {
    const slots = new ImportSlots(2, 8);
    const [a, b, c, d] = [held(), held(), held(), held()];
    const runs = [a, b, c, d].map((h, i) => slots.run({ ticket: `ticket-${i}-xxxxxxxxxxxx`, userId: "u" }, h.work));
    await tick();
    expect([a.started, b.started, c.started, d.started]).toEqual([true, true, false, false]);
    expect(slots.state("ticket-0-xxxxxxxxxxxx", "u")).toEqual({ state: "running" });
    expect(slots.state("ticket-2-xxxxxxxxxxxx", "u")).toEqual({ state: "waiting", position: 1 });
    expect(slots.state("ticket-3-xxxxxxxxxxxx", "u")).toEqual({ state: "waiting", position: 2 });
    // Only its sender sees where it is.
    expect(slots.state("ticket-2-xxxxxxxxxxxx", "someone else")).toBeNull();
    b.finish();
    await tick();
    expect([c.started, d.started]).toEqual([true, false]);
    expect(slots.state("ticket-3-xxxxxxxxxxxx", "u")).toEqual({ state: "waiting", position: 1 });
    a.finish();
    c.finish();
    d.finish();
    expect(await Promise.all(runs)).toEqual(["finished", "finished", "finished", "finished"]);
    expect(slots.state("ticket-0-xxxxxxxxxxxx", "u")).toBeNull();
  });

  it("frees the slot when the work fails, and leaves the line when the caller goes away", async () => {
    const slots = new ImportSlots(1, 8);
    await expect(slots.run({ userId: null }, async () => Promise.reject(new Error("bad file")))).rejects.toThrow();
    const first = held();
    const running = slots.run({ userId: null }, first.work);
    const leaving = new AbortController();
    const gone = slots.run({ ticket: "leaving-xxxxxxxxxxxx", userId: null }, async () => "never", leaving.signal);
    const next = held();
    const after = slots.run({ ticket: "next-xxxxxxxxxxxxxxx", userId: null }, next.work);
    await tick();
    leaving.abort();
    await expect(gone).rejects.toBeDefined();
    expect(slots.state("next-xxxxxxxxxxxxxxx", null)).toEqual({ state: "waiting", position: 1 });
    first.finish();
    await tick();
    expect(next.started).toBe(true);
    next.finish();
    await Promise.all([running, after]);
  });

  it("refuses at once when the line is full", async () => {
    const slots = new ImportSlots(1, 2);
    const blocker = held();
    const runs = [blocker, held(), held()].map((h) => slots.run({ userId: null }, h.work));
    await tick();
    const refused = await slots.run({ userId: null }, async () => "never").catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "rate_limited", details: { reason: "imports_busy", retryAfter: 30 } });
    blocker.finish();
    void runs;
  });
});

describe("the import route in the line", () => {
  let world: World;
  let post: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
  let place: unknown;
  beforeAll(async () => {
    world = await createWorld();
    post = (await import("../../../app/api/v1/projects/[id]/documents/route")).POST;
    place = (await import("../../../app/api/v1/imports/[ticket]/route")).GET;
  }, 60_000);
  afterAll(() => world.cleanup());

  const upload = (ticket: string, lng = "en") => {
    const form = new FormData();
    form.set("ticket", ticket);
    form.set("file", new File(["Абзац у черзі.\n"], "queued.txt"));
    const req = new Request(`http://localhost/api/v1/projects/${world.project.id}/documents`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${world.tokens.owner}`, "accept-language": lng },
    });
    return post(req, { params: Promise.resolve({ id: world.project.id }) });
  };
  const placeOf = (ticket: string, token: string) =>
    call(place, `/api/v1/imports/${ticket}`, { token, params: { ticket } });

  it("waits for a slot, tells its sender where it is, then imports", async () => {
    const busy = Array.from({ length: MAX_RUNNING_IMPORTS }, () => held());
    const running = busy.map((h) => importSlots.run({ userId: null }, h.work));
    const ticket = "owner-import-0123456789";
    const answer = upload(ticket);
    let waiting = await placeOf(ticket, world.tokens.owner);
    for (let i = 0; i < 100 && waiting.status === 404; i++) {
      await tick();
      waiting = await placeOf(ticket, world.tokens.owner);
    }
    expect(waiting).toMatchObject({ status: 200, json: { ticket, state: "waiting", position: 1 } });
    expect((await placeOf(ticket, world.tokens.translator)).status).toBe(404);
    expect((await placeOf("not a ticket", world.tokens.owner)).status).toBe(404);
    busy[0].finish();
    const res = await answer;
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ created: true, segments: 1 });
    expect((await placeOf(ticket, world.tokens.owner)).status).toBe(404);
    busy[1].finish();
    await Promise.all(running);
  });

  it("refuses with 429 and Retry-After, in the caller's language, when the line is full", async () => {
    const busy = Array.from({ length: MAX_RUNNING_IMPORTS + MAX_WAITING_IMPORTS }, () => held());
    const queued = busy.map((h) => importSlots.run({ userId: null }, h.work));
    await tick();
    const res = await upload("refused-import-0123456789", "uk");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "rate_limited", details: { reason: "imports_busy" } });
    expect(body.error.message).toContain("Нічого не імпортовано");
    for (const h of busy) h.finish();
    await Promise.all(queued);
  });

  it("refuses a malformed ticket", async () => {
    const res = await upload("short");
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toMatchObject({ reason: "ticket" });
  });
});
