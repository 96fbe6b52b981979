// Issue 17, several instances: two app processes (tests/api-instance.ts) on one PostgreSQL
// database, nothing shared between them but the database. Over real HTTP: a save answered by
// instance A reaches an event stream on instance B, a note added on B reaches a stream on A, each
// side's presence (and paragraph) shows on the other and leaves when the tab closes, and when every LISTEN connection to the database is killed
// while A keeps saving, B's stream still gets every event (its hub catches up from the log).
// PostgreSQL only (vitest.config.ts): on SQLite there is one instance.
import { type ChildProcess, spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send } from "./reliability/api-server";
import { SseReader } from "./sse-client";
import { createWorld, type World } from "./world";

let world: World;
const instances: ChildProcess[] = [];
const readers: SseReader[] = [];
let a: string;
let b: string;

/** Starts an instance process on the world's database; resolves with its base URL. */
function startInstance(name: string): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/api-instance.ts"], {
    env: { ...process.env, DATABASE_URL: world.database.url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  instances.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const base = /LISTENING (\S+)/.exec(out)?.[1];
      if (base) resolve(base);
    });
    child.once("exit", (code) => reject(new Error(`instance ${name} exited (${code}) before listening:\n${out}`)));
  });
}

/** A tab on `base`: its event stream, and its presence ping there (as the editor sends it) at `segmentId`. */
async function openTab(base: string, token: string, documentId: string, segmentId: string) {
  const res = await fetch(`${base}/api/v1/documents/${documentId}/events`, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
  });
  expect(res.status).toBe(200);
  const reader = new SseReader(res.body as ReadableStream<Uint8Array>);
  readers.push(reader);
  const hello = await reader.next((m) => m.event === "hello");
  await reader.next((m) => m.event === "presence");
  const ping = await send(base, "PUT", `/api/v1/documents/${documentId}/presence`, token, {
    connection: hello.json.connection,
    segmentId,
    lang: "en",
  });
  expect(ping.status).toBe(200);
  return reader;
}

/** The newest presence a stream got says `userId` is (or is not) there, at `segmentId`. */
function presenceOf(reader: SseReader, userId: string, segmentId: string | null, from = 0) {
  return reader.next(
    (m) => {
      if (m.event !== "presence") return false;
      const person = m.json.people.find((p: { userId: string }) => p.userId === userId);
      return segmentId === null ? !person : person?.segmentId === segmentId;
    },
    10_000,
    from,
  );
}

/** Saves the English of a paragraph on `base`, from the version saved now; answers the new version. */
async function save(base: string, token: string, segmentId: string, text: string) {
  const saved = await world.db.translation.findUnique({ where: { segmentId_lang: { segmentId, lang: "en" } } });
  const baseVersion = saved?.version ?? 0;
  const answer = await send(base, "PUT", `/api/v1/segments/${segmentId}/translations/en`, token, {
    text,
    baseVersion,
  });
  expect(answer.status).toBe(200);
  return answer.json.translation.version as number;
}

beforeAll(async () => {
  world = await createWorld();
  [a, b] = await Promise.all([startInstance("A"), startInstance("B")]);
}, 120_000);
afterAll(async () => {
  for (const reader of readers) await reader.cancel();
  await Promise.all(
    instances.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await world?.cleanup();
});

describe("two instances on one PostgreSQL database", () => {
  it("carry saves, notes and presence from one to the other, and lose nothing when LISTEN is cut", async () => {
    const documentId = world.document.id;
    const [first, second] = world.segments;
    const onB = await openTab(b, world.tokens.reviewer, documentId, second.id);
    const onA = await openTab(a, world.tokens.translator, documentId, first.id);

    // Each side sees the other's tab, and the paragraph it is in.
    await presenceOf(onB, world.users.translator.id, first.id);
    await presenceOf(onA, world.users.reviewer.id, second.id);

    const version = await save(a, world.tokens.translator, first.id, "Saved on instance A.");
    const heard = await onB.next(
      (m) => m.event === "translation.saved" && m.json.segmentId === first.id && m.json.version === version,
    );
    expect(heard.json.by).toMatchObject({ id: world.users.translator.id, name: world.users.translator.name });

    const note = await send(b, "POST", `/api/v1/segments/${first.id}/notes`, world.tokens.reviewer, {
      body: "Written on instance B",
      lang: "en",
    });
    expect(note.status).toBe(201);
    await onA.next((m) => m.event === "note.added" && m.json.noteId === note.json.note.id);

    // Every instance's LISTEN connection is killed; A saves three times meanwhile.
    const admin = new pg.Client({ connectionString: world.database.url });
    await admin.connect();
    try {
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'parallel-live'`,
      );
      expect(killed.rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    const versions: number[] = [];
    for (const text of ["One while cut.", "Two while cut.", "Three while cut."])
      versions.push(await save(a, world.tokens.translator, second.id, text));
    const missed = await onB.next(
      (m) => m.event === "translation.saved" && m.json.segmentId === second.id && m.json.version === versions[2],
      20_000,
    );
    const seen = onB.of("translation.saved").filter((m) => m.json.segmentId === second.id);
    expect(seen.map((m) => m.json.version)).toEqual(versions);
    // Ids run on without a gap or a repeat, so a reconnecting client's Last-Event-ID means what it says.
    const ids = onB.messages.filter((m) => m.id).map((m) => Number(m.id));
    expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    expect(Number(missed.id)).toBeGreaterThan(Number(heard.id));

    // A tab on B closes: A sees it leave at once, not when it would have expired.
    const from = onA.messages.length;
    await onB.cancel();
    await presenceOf(onA, world.users.reviewer.id, null, from);
  }, 120_000);
});
