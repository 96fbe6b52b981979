// For the memory's integration tests: a real, migrated SQLite file with the demo project, a
// translator, and translations written the way a save leaves them (text, status, version + 1,
// author); the memory functions then run on what the database holds, as they will after a save.
import path from "node:path";
import { tempDir } from "../../tests/temp-db";
import { type Db, openDb } from "../db/client";
import { prepareDatabase } from "../db/prepare";
import { createDocument } from "../documents/create-document";
import { parseLinesText } from "../segments/parse-text";
import type { TranslationStatus } from "../segments/status";
import { writeParagraphUnits } from "./write-units";

export async function memoryTestDb() {
  const tmp = tempDir("parallel-tm-");
  const url = `file:${path.join(tmp.dir, "tm.db")}`;
  await prepareDatabase(url);
  const db: Db = openDb(url);
  const user = await db.user.create({ data: { name: "Taras Translator", email: "taras@example.com" } });
  const project = await db.project.findFirstOrThrow({ include: { languages: true } });
  const document = await db.document.findFirstOrThrow({ where: { projectId: project.id } });
  const segments = await db.segment.findMany({ where: { documentId: document.id }, orderBy: { position: "asc" } });

  /** Sets a translation as a save would. */
  async function translate(segmentId: string, lang: string, text: string, status: TranslationStatus = "translated") {
    await db.translation.update({
      where: { segmentId_lang: { segmentId, lang } },
      data: { text, status, version: { increment: 1 }, updatedById: user.id },
    });
  }

  /** A save, then what the save flow runs after it. */
  async function confirm(segmentId: string, lang: string, text: string, status: TranslationStatus = "translated") {
    await translate(segmentId, lang, text, status);
    return writeParagraphUnits(db, segmentId, lang);
  }

  /** A new document in the demo project, one paragraph per line. */
  async function addDocument(title: string, lines: string[], projectId = project.id) {
    const id = await createDocument(db, {
      projectId,
      title,
      segments: parseLinesText(lines.join("\n")),
      targetLangs: ["en", "kk"],
      createdById: user.id,
    });
    const docSegments = await db.segment.findMany({ where: { documentId: id }, orderBy: { position: "asc" } });
    return { id, segments: docSegments };
  }

  /** Another project (source uk, target en) with one document. */
  async function addProject(name: string, lines: string[]) {
    const other = await db.project.create({
      data: { name, sourceLang: "uk", languages: { create: [{ lang: "en" }] } },
    });
    return { project: other, ...(await addDocument(`${name} document`, lines, other.id)) };
  }

  return {
    db,
    dir: tmp.dir,
    user,
    project,
    document,
    segments,
    translate,
    confirm,
    addDocument,
    addProject,
    async cleanup() {
      await db.$disconnect();
      tmp.cleanup();
    },
  };
}

export type MemoryTestDb = Awaited<ReturnType<typeof memoryTestDb>>;

/** An English translation of the demo's first paragraph, sentence by sentence. */
export const DEMO_FIRST_EN = [
  "…of the civil service and its regional offices, which carry out a single personnel policy across the republic.",
  "The participants of the international round table «Civil service reform: the experience of transition countries» praised the Agency highly.",
  "In particular, they noted that no CIS country has a state body like the Agency for Civil Service Affairs.",
  "In its short existence, international experts believe, Kazakhstan has made great progress in modernising its civil service [52, p. 5].",
];
