// The race suite's people: `writers` API tokens on the demo project (translators, reviewers and a
// few viewers, whose writes must be refused), besides tests/world.ts's owner. Users are written
// directly: a token needs no password, and hashing fifty passwords would only slow the test.
import { createApiToken } from "../../lib/auth/tokens";
import { createDocument } from "../../lib/documents/create-document";
import { addExistingUserIn } from "../../lib/projects/members";
import type { World } from "../world";

export type WriterRole = "translator" | "reviewer" | "viewer";

export interface Writer {
  n: number;
  role: WriterRole;
  userId: string;
  token: string;
}

/** Every fifth writer a reviewer, every tenth a viewer, the rest translators. */
export function roleOf(n: number): WriterRole {
  if (n % 10 === 9) return "viewer";
  if (n % 5 === 4) return "reviewer";
  return "translator";
}

/** The document they all edit: `paragraphs` paragraphs, English and Kazakh. */
export async function sharedDocument(world: World, paragraphs: number) {
  const documentId = await createDocument(world.db, {
    projectId: world.project.id,
    title: "Shared by everyone",
    segments: Array.from({ length: paragraphs }, (_, i) => ({
      kind: "paragraph",
      source: `Спільний абзац ${i + 1} [52, с. ${i}].`,
      wordCount: 4,
    })),
    targetLangs: ["en", "kk"],
  });
  const segments = await world.db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  return { documentId, segmentIds: segments.map((s) => s.id) };
}

export async function addWriters(world: World, count: number): Promise<Writer[]> {
  const writers: Writer[] = [];
  for (let n = 0; n < count; n++) {
    const role = roleOf(n);
    const user = await world.db.user.create({ data: { email: `writer${n}@example.com`, name: `Writer ${n}` } });
    await world.db.$transaction((tx) => addExistingUserIn(tx, null, world.project.id, user, role));
    writers.push({ n, role, userId: user.id, token: (await createApiToken(world.db, user.id, `race ${n}`)).token });
  }
  return writers;
}
