// For the export tests: the demo document with English and Kazakh translations in several statuses and
// every kind of note (thread with a reply, anchored, resolved, MQM, imported author), saved the way the
// application saves them.

import type { World } from "../../../tests/world";
import type { Actor } from "../../auth/actor";
import { saveTranslation } from "../../translations/save";
import type { ExportRequest } from "../types";
import { exportDocument } from "./index";

export const CITATION = "[52, с. 5]";
/** English with the demo's typography: guillemets, an em dash and the citation. */
export const EN_CITED =
  "The «Civil service reform — the experience of transition countries» round table praised it [52, с. 5].";
export const KK_CITED = "«Мемлекеттік қызмет реформасы — өтпелі елдердің тәжірибесі» [52, с. 5].";
export const EN_TRICKY = "  A & B < C > \"D\" 'E'\nsecond line  ";

const actorOf = (user: { id: string; name: string; email: string }): Actor => ({
  userId: user.id,
  name: user.name,
  email: user.email,
  isAdmin: false,
  via: "token",
});

export interface Fixture {
  cited: { id: string; position: number; source: string };
  first: { id: string; position: number };
  listItem: { id: string; position: number; source: string };
}

export async function buildFixture(world: World): Promise<Fixture> {
  const { db, segments, users } = world;
  const owner = actorOf(users.owner);
  const translator = actorOf(users.translator);
  const cited = segments.find((s) => s.source.includes(CITATION) && s.source.includes("«"));
  const listItem = segments.find((s) => s.kind === "list_item");
  if (!cited || !listItem) throw new Error("the demo text has no cited paragraph or list item");
  const first = segments.find((s) => s.kind === "paragraph" && s.id !== cited.id)!;

  await saveTranslation(db, owner, {
    segmentId: cited.id,
    lang: "en",
    text: EN_CITED,
    status: "approved",
    baseVersion: 0,
  });
  await saveTranslation(db, owner, {
    segmentId: cited.id,
    lang: "kk",
    text: KK_CITED,
    status: "translated",
    baseVersion: 0,
  });
  await saveTranslation(db, translator, { segmentId: first.id, lang: "en", text: EN_TRICKY, baseVersion: 0 });
  await saveTranslation(db, owner, {
    segmentId: first.id,
    lang: "kk",
    text: "Қазақстан Республикасы",
    status: "rejected",
    baseVersion: 0,
  });
  await saveTranslation(db, owner, {
    segmentId: listItem.id,
    lang: "en",
    text: "analysis of current reforms;",
    status: "reviewed",
    baseVersion: 0,
  });
  await saveTranslation(db, owner, {
    segmentId: listItem.id,
    lang: "kk",
    text: "Ұлттық мемлекеттік",
    status: "approved",
    baseVersion: 0,
  });

  const base = { documentId: world.document.id };
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 10, 9, minute, 0, 123));
  await db.note.create({
    data: {
      ...base,
      segmentId: cited.id,
      lang: null,
      authorId: users.owner.id,
      body: "Check the citation «52».",
      createdAt: at(1),
    },
  });
  const thread = await db.note.create({
    data: {
      ...base,
      segmentId: cited.id,
      lang: "en",
      authorId: users.reviewer.id,
      body: 'Use "round table" — not "roundtable".',
      anchorSide: "target",
      anchorStart: 4,
      anchorEnd: 5,
      anchorText: "«",
      category: "fluency/punctuation",
      severity: "minor",
      createdAt: at(2),
    },
  });
  await db.note.create({
    data: {
      ...base,
      segmentId: cited.id,
      lang: "en",
      authorId: users.owner.id,
      body: "Agreed & fixed.",
      parentId: thread.id,
      createdAt: at(3),
    },
  });
  await db.note.create({
    data: {
      ...base,
      segmentId: listItem.id,
      lang: "kk",
      authorId: users.reviewer.id,
      body: "Resolved: wording.",
      anchorSide: "target",
      anchorStart: 7,
      anchorEnd: 18,
      anchorText: "мемлекеттік",
      category: "accuracy/mistranslation",
      severity: "major",
      resolvedAt: at(5),
      resolvedById: users.owner.id,
      createdAt: at(4),
    },
  });
  await db.note.create({
    data: {
      ...base,
      segmentId: first.id,
      lang: "kk",
      authorName: "Imported Person",
      body: "From a file",
      anchorSide: "source",
      anchorStart: 0,
      anchorEnd: 3,
      anchorText: first.source.slice(0, 3),
      createdAt: at(6),
    },
  });
  return {
    cited: { id: cited.id, position: cited.position, source: cited.source },
    first: { id: first.id, position: first.position },
    listItem: { id: listItem.id, position: listItem.position, source: listItem.source },
  };
}

export function request(format: ExportRequest["format"], extra: Partial<ExportRequest> = {}): ExportRequest {
  return { format, targets: ["en", "kk"], approvedOnly: false, includeNotes: true, ...extra };
}

/** The export as bytes, and the number of chunks it came in. */
export async function exportBytes(
  world: World,
  req: ExportRequest,
): Promise<{ bytes: Buffer; chunks: number; filename: string; contentType: string }> {
  const result = await exportDocument(world.db, world.document.id, req);
  const parts: Uint8Array[] = [];
  for await (const chunk of result.body) parts.push(chunk);
  return {
    bytes: Buffer.concat(parts),
    chunks: parts.length,
    filename: result.filename,
    contentType: result.contentType,
  };
}

export async function exportText(world: World, req: ExportRequest): Promise<string> {
  return (await exportBytes(world, req)).bytes.toString("utf8");
}
