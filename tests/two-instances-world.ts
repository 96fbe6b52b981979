// `tsx tests/two-instances-world.ts '<json>'` with DATABASE_URL set: migrates and seeds that database
// as the first start does, adds the two people the JSON names ({ people: [owner, translator],
// paragraphs }, each person with email, name and password) to the demo project, the first as its
// owner and the second as a translator, and a document of those paragraphs; prints what the
// two-instance browser spec (e2e/two-instances.spec.ts) needs as one line of JSON. Run before the
// servers start.
import { createFirstOwner, createUser, type NewUser } from "../lib/auth/users";
import { getDb } from "../lib/db/client";
import { createDocument } from "../lib/documents/create-document";
import { addExistingUserIn } from "../lib/projects/members";
import { parseLinesText } from "../lib/segments/parse-text";
import { prepareDatabase } from "../lib/startup/prepare-database";

const { people, paragraphs } = JSON.parse(process.argv[2] ?? "{}") as { people: NewUser[]; paragraphs: string[] };
await prepareDatabase();
const db = getDb();
await createFirstOwner(db, people[0]);
const translator = await createUser(db, people[1]);
const project = await db.project.findFirstOrThrow();
await db.$transaction((tx) => addExistingUserIn(tx, null, project.id, translator, "translator"));
const documentId = await createDocument(db, {
  projectId: project.id,
  title: "Two instances",
  segments: parseLinesText(paragraphs.join("\n")),
  targetLangs: ["en"],
});
const segments = await db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
await db.$disconnect();
console.log(JSON.stringify({ documentId, segmentIds: segments.map((s) => s.id) }));
