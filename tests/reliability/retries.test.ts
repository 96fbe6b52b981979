// What a transaction does when PostgreSQL runs it again (lib/db/serializable.ts: SERIALIZABLE, and
// the whole callback again after a serialization failure). A re-run must read again what it
// decides on, build its state anew, and leave what must happen once (a cache cleared, an event)
// until after the commit. Each test makes one re-run happen where it hurts (tests/pg-hold.ts:
// another session's write, committed while the app's transaction waits on it) and checks what a
// user would notice. On SQLite a transaction holds the write lock from its start and never runs
// again, so these run in the PostgreSQL pass (`npm test` runs both). Audit: docs/reliability-bugs.md.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Hold, holdRows } from "../pg-hold";
import { testProvider } from "../temp-db";
import { createWorld, type World } from "../world";

let world: World;

const onPostgres = testProvider() === "postgres";

beforeAll(async () => {
  if (onPostgres) world = await createWorld();
}, 120_000);
afterAll(() => world?.cleanup());

const hold = (statements: { text: string; values?: unknown[] }[]): Promise<Hold> =>
  holdRows(world.database.url, statements);

/**
 * Runs `work` while `held` keeps rows it will wait on, and commits them once it waits: its
 * transaction is then aborted and run again. Work that ends without ever waiting fails the test
 * (it did not reach the rows, so nothing was proved).
 */
async function runAgainAfter<T>(held: Hold, work: () => Promise<T>): Promise<T> {
  // Settled either way, so a refusal is the test's to see, not unhandled.
  const settled = work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  let waited = false;
  try {
    waited = await Promise.race([held.blocking().then(() => true), settled.then(() => false)]);
  } finally {
    await held.commit();
  }
  const outcome = await settled;
  if (!waited) throw new Error(`the work ended without waiting on the held rows: ${JSON.stringify(outcome)}`);
  if ("error" in outcome) throw outcome.error;
  return outcome.value;
}

/** A one-paragraph document translated into English, and a save of that translation held open. */
async function splitDuringASave(title: string) {
  const [paragraph] = await world.newDocument(title, ["Перше речення. Друге речення."]);
  const before = await world.db.translation.update({
    where: { segmentId_lang: { segmentId: paragraph.id, lang: "en" } },
    data: { text: "First sentence. Second sentence.", status: "draft", version: 1 },
  });
  // A save of the same translation lands while the split runs.
  const held = await hold([
    {
      text: `UPDATE "Translation" SET "text" = $1, "version" = "version" + 1 WHERE "id" = $2`,
      values: ["Saved while the split ran.", before.id],
    },
  ]);
  return { paragraph, before, held };
}

describe.runIf(onPostgres)("a transaction PostgreSQL runs again, or stops at a chosen point", () => {
  it("a split is refused when the translation it cuts was saved while it ran (the save was overwritten)", async () => {
    const { splitSegment } = await import("../../lib/segments/split");
    const { paragraph, before, held } = await splitDuringASave("Split during a save");
    const cut = {
      offset: paragraph.source.indexOf("Друге"),
      targetOffsets: { en: before.text.indexOf("Second") },
    };
    const split = runAgainAfter(held, () => splitSegment(world.db, world.actor("owner"), paragraph.id, cut));
    // The cut was chosen on the text before the save: it no longer applies.
    await expect(split).rejects.toMatchObject({ code: "conflict", details: { reason: "structure_changed" } });

    const after = await world.db.translation.findUniqueOrThrow({ where: { id: before.id } });
    expect([after.text, after.version]).toEqual(["Saved while the split ran.", 2]);
    expect(await world.db.segment.count({ where: { documentId: paragraph.documentId } })).toBe(1);
  });

  it("a split keeps whole a translation saved while it ran, and records the saved text for its undo", async () => {
    const { splitSegment } = await import("../../lib/segments/split");
    const { paragraph, before, held } = await splitDuringASave("Split during a save, kept whole");
    const offset = paragraph.source.indexOf("Друге");
    await runAgainAfter(held, () => splitSegment(world.db, world.actor("owner"), paragraph.id, { offset }));

    const after = await world.db.translation.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.text).toBe("Saved while the split ran.");
    const event = await world.db.documentEvent.findFirstOrThrow({
      where: { documentId: paragraph.documentId, kind: "segment.split" },
    });
    const steps = JSON.parse(event.data).translations as { lang: string; before: { text: string; version: number } }[];
    expect(steps.find((s) => s.lang === "en")?.before).toMatchObject({
      text: "Saved while the split ran.",
      version: 2,
    });
    // Run twice, announced once: the live event goes out after the commit, not from the callback.
    const events = await world.db.liveEvent.findMany({ where: { documentId: paragraph.documentId } });
    expect(events.map((e) => [e.type, JSON.parse(e.data).reason])).toEqual([["document.changed", "split"]]);
    expect(await world.db.documentEvent.count({ where: { documentId: paragraph.documentId } })).toBe(1);
  });

  it("a merge is refused when the second paragraph's source was edited while it ran (the edit was dropped)", async () => {
    const { mergeWithNext } = await import("../../lib/segments/merge");
    const [first, second] = await world.newDocument("Merge during a source edit", ["Перший абзац.", "Другий абзац."]);
    const held = await hold([
      {
        text: `UPDATE "Segment" SET "source" = $1, "version" = "version" + 1 WHERE "id" = $2`,
        values: ["Другий абзац, виправлений.", second.id],
      },
    ]);
    const merged = runAgainAfter(held, () => mergeWithNext(world.db, world.actor("owner"), first.id));
    await expect(merged).rejects.toMatchObject({ code: "conflict", details: { reason: "structure_changed" } });

    const paragraphs = await world.db.segment.findMany({
      where: { documentId: first.documentId },
      orderBy: { position: "asc" },
    });
    expect(paragraphs.map((p) => p.source)).toEqual(["Перший абзац.", "Другий абзац, виправлений."]);
    // Refused: nothing announced, nothing recorded.
    expect(await world.db.liveEvent.count({ where: { documentId: first.documentId } })).toBe(0);
    expect(await world.db.documentEvent.count({ where: { documentId: first.documentId } })).toBe(0);
  });

  it("pre-translation fills the paragraphs whose rows it made, also when it ran twice (they stayed empty)", async () => {
    const { saveTranslation } = await import("../../lib/translations/save");
    const { writeParagraphUnits } = await import("../../lib/tm/write-units");
    const { pretranslateDocument } = await import("../../lib/tm/document-memory");
    const lines = ["Реформа державної служби триває.", "Закон набрав чинності.", "Комісія затвердила план."];
    const english = [
      "The civil service reform goes on.",
      "The law came into force.",
      "The commission approved the plan.",
    ];
    // The memory learns the three from a first document.
    const known = await world.newDocument("Memory source", lines);
    for (const [i, segment] of known.entries()) {
      await saveTranslation(world.db, world.actor("translator"), {
        segmentId: segment.id,
        lang: "en",
        text: english[i],
        status: "translated",
        baseVersion: 0,
      });
      // What the save route does after answering (lib/tm/after-confirm.ts).
      await writeParagraphUnits(world.db, segment.id, "en");
    }
    // A second document with the same paragraphs; two have no English row yet (as for a language
    // added to the project after the document), which the pre-translation makes.
    const again = await world.newDocument("Pre-translated", lines);
    await world.db.translation.deleteMany({ where: { segmentId: { in: [again[1].id, again[2].id] }, lang: "en" } });
    const kept = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: again[0].id, lang: "en" } },
    });
    const held = await hold([
      { text: `UPDATE "Translation" SET "updatedAt" = "updatedAt" WHERE "id" = $1`, values: [kept.id] },
    ]);
    const result = await runAgainAfter(held, () =>
      pretranslateDocument(world.db, world.actor("translator"), again[0].documentId, { target: "en" }),
    );

    expect(result.summary.filled).toBe(3);
    const filled = await world.db.translation.findMany({
      where: { segmentId: { in: again.map((s) => s.id) }, lang: "en" },
      include: { segment: { select: { position: true } } },
    });
    const byPosition = filled.sort((a, b) => a.segment.position - b.segment.position).map((t) => t.text);
    expect(byPosition).toEqual(english);
  });

  it("a revoked token stops working once the revoke answers, even when a request read it meanwhile", async () => {
    const { createApiToken, revokeApiToken, userForToken } = await import("../../lib/auth/tokens");
    const userId = world.users.translator.id;
    const created = await createApiToken(world.db, userId, "revoked during a request");
    expect((await userForToken(world.db, created.token))?.id).toBe(userId);
    // The revoke waits at its audit row; a request with the token comes in meanwhile.
    const held = await hold([{ text: `LOCK TABLE "AuditEvent" IN SHARE MODE` }]);
    const revoking = revokeApiToken(world.db, userId, created.id);
    const settled = revoking.then(
      () => null,
      (error: unknown) => error,
    );
    try {
      await held.blocking();
      // Not revoked yet (nothing committed): the request goes through.
      expect((await userForToken(world.db, created.token))?.id).toBe(userId);
    } finally {
      await held.commit();
    }
    expect(await settled).toBeNull();
    // Before, the request in between had put the token back in this process's cache for 5 s.
    expect(await userForToken(world.db, created.token)).toBeNull();
  });
});
