import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { createDocumentIn } from "../documents/create-document";
import { storeFileIn } from "../documents/original-file";
import { parseLinesText } from "../segments/parse-text";
import { parseGlossaryFile } from "../terms/exchange/import-glossary";
import { writeEntries } from "../terms/write-entries";

export const DEMO_PROJECT_NAME = "Civil service reform (demo)";
export const DEMO_DOCUMENT_TITLE = "Civil service reform in Kazakhstan";
const DEMO_FILE = path.join(process.cwd(), "prisma", "seed", "civil-service-kz.uk.txt");
const DEMO_GLOSSARY = path.join(process.cwd(), "prisma", "seed", "civil-service-glossary.csv");
const SEEDED_KEY = "demo.seeded";

/**
 * Gives a fresh database the demo project, once. The marker row is written in the same
 * transaction, so a second start (or a second instance starting at the same moment) adds nothing,
 * and a demo the owners deleted does not come back.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await db.appSetting.findUnique({ where: { key: SEEDED_KEY } })) return false;
  const text = await readFile(DEMO_FILE, "utf8");
  const glossary = parseGlossaryFile(
    { bytes: await readFile(DEMO_GLOSSARY), fileName: path.basename(DEMO_GLOSSARY) },
    { sourceLang: "uk", targetLangs: ["en", "kk"] },
  );
  try {
    await db.$transaction(async (tx) => {
      await tx.appSetting.create({ data: { key: SEEDED_KEY, value: new Date().toISOString() } });
      const project = await tx.project.create({
        data: {
          name: DEMO_PROJECT_NAME,
          description: "Ukrainian source, translated into English and Kazakh.",
          sourceLang: "uk",
          languages: {
            create: [
              { lang: "en", position: 0 },
              { lang: "kk", position: 1 },
            ],
          },
        },
      });
      const documentId = await createDocumentIn(tx, {
        projectId: project.id,
        title: DEMO_DOCUMENT_TITLE,
        fileName: path.basename(DEMO_FILE),
        segments: parseLinesText(text, "uk"),
        targetLangs: ["en", "kk"],
      });
      // Its source file, to download as any imported document's.
      const file = { fileName: path.basename(DEMO_FILE), format: "txt", bytes: Buffer.from(text, "utf8") };
      await storeFileIn(tx, documentId, file, null);
      const { id } = await tx.glossary.create({ data: { projectId: project.id } });
      await writeEntries(tx, id, glossary.entries, null);
    });
  } catch (error) {
    // Another instance seeded first: its marker row won the unique key.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  return true;
}
