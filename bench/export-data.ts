// The export benchmark's data (bench/export-tmx.ts): a migrated, seeded database plus documents of the
// given sizes with English translations, written straight through better-sqlite3 (the app's own
// import would take minutes for 100,000 paragraphs and is not what is measured).
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";

/** A migrated, seeded database plus the benchmark documents, written straight through better-sqlite3. */
export async function setupExportData(
  dir: string,
  sizes: number[],
): Promise<{ dbPath: string; documentIds: string[] }> {
  const dbPath = path.join(dir, "export.db");
  const { prepareDatabase } = await import("../lib/startup/prepare-database");
  await prepareDatabase(`file:${dbPath}`);
  const db = new Database(dbPath);
  const projectId = (db.prepare("SELECT id FROM Project LIMIT 1").get() as { id: string }).id;
  const userId = randomUUID();
  const now = new Date().toISOString().replace("Z", "+00:00");
  const insertDocument = db.prepare(
    "INSERT INTO Document (id, projectId, title, sourceLang, createdAt, updatedAt) VALUES (?, ?, ?, 'uk', ?, ?)",
  );
  const insertSegment = db.prepare(
    "INSERT INTO Segment (id, documentId, position, kind, source, wordCount) VALUES (?, ?, ?, ?, ?, 12)",
  );
  const insertTranslation = db.prepare(
    `INSERT INTO Translation (id, segmentId, documentId, lang, text, status, version, updatedById, createdAt, updatedAt)
     VALUES (?, ?, ?, 'en', ?, ?, 1, ?, ?, ?)`,
  );
  const documentIds = sizes.map(() => randomUUID());
  db.transaction(() => {
    db.prepare("INSERT INTO User (id, name, email, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)").run(
      userId,
      "Bench Translator",
      "export-bench@parallel.test",
      now,
      now,
    );
    for (const [d, size] of sizes.entries()) {
      const documentId = documentIds[d];
      insertDocument.run(documentId, projectId, `Export benchmark ${size}`, now, now);
      for (let i = 1; i <= size; i++) {
        const segmentId = randomUUID();
        const kind = i % 20 === 0 ? "heading" : i % 7 === 0 ? "list_item" : "paragraph";
        const source = `Абзац ${i}: реформа державної служби «${i}» — досвід перехідних країн [52, с. 5] & <інше>.`;
        const text = `Paragraph ${i}: civil service reform «${i}» — the experience of transition countries [52, p. 5].`;
        insertSegment.run(segmentId, documentId, i, kind, source);
        insertTranslation.run(
          randomUUID(),
          segmentId,
          documentId,
          text,
          i % 3 ? "approved" : "translated",
          userId,
          now,
          now,
        );
      }
    }
  })();
  db.close();
  return { dbPath, documentIds };
}
