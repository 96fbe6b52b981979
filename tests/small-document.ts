// The least a database-level test needs: one author, a project and a document of `paragraphs`
// paragraphs, written straight through the client (no seed, no roles; tests/world.ts has those).
import type { Db } from "../lib/db/client";

export async function createSmallDocument(db: Db, paragraphs: number, email = "author@example.com") {
  const user = await db.user.create({ data: { name: "Author", email } });
  const project = await db.project.create({ data: { name: "P", sourceLang: "uk", createdById: user.id } });
  const document = await db.document.create({
    data: {
      projectId: project.id,
      title: "D",
      sourceLang: "uk",
      createdById: user.id,
      segments: {
        create: Array.from({ length: paragraphs }, (_, position) => ({
          position,
          kind: "paragraph",
          source: `Абзац ${position}`,
        })),
      },
    },
    include: { segments: { orderBy: { position: "asc" } } },
  });
  return { userId: user.id, documentId: document.id, segmentIds: document.segments.map((s) => s.id) };
}
