// `tsx tests/reliability/crash-world.ts` with DATABASE_URL set: migrates and seeds that database as
// the first start does, adds the owner and a translator with API tokens, and prints what the crash
// spec (e2e/reliability-crash.spec.ts) needs as one line of JSON. Run before the server starts.
import { createApiToken } from "../../lib/auth/tokens";
import { createFirstOwner } from "../../lib/auth/users";
import { getDb } from "../../lib/db/client";
import { createDocument } from "../../lib/documents/create-document";
import { addExistingUserIn } from "../../lib/projects/members";
import { prepareDatabase } from "../../lib/startup/prepare-database";

await prepareDatabase();
const db = getDb();
const owner = await createFirstOwner(db, {
  email: "owner@crash.test",
  name: "Crash Owner",
  password: "crash-password-1",
});
const translator = await db.user.create({ data: { email: "translator@crash.test", name: "Crash Translator" } });
const project = await db.project.findFirstOrThrow();
await db.$transaction((tx) => addExistingUserIn(tx, null, project.id, translator, "translator"));
const documentId = await createDocument(db, {
  projectId: project.id,
  title: "Crash document",
  segments: Array.from({ length: 40 }, (_, i) => ({ kind: "paragraph", source: `Абзац ${i + 1}.`, wordCount: 2 })),
  targetLangs: ["en", "kk"],
});
const segments = await db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
const world = {
  projectId: project.id,
  documentId,
  segmentIds: segments.map((s) => s.id),
  owner: (await createApiToken(db, owner.id, "crash")).token,
  translator: (await createApiToken(db, translator.id, "crash")).token,
};
await db.$disconnect();
console.log(JSON.stringify(world));
