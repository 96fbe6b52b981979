// `npm run parallel -- tm import FILE --project P [--name N]`, through runCli as the terminal runs it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { type Db, openDb } from "../db/client";
import { DEMO_PROJECT_NAME } from "../seed/demo";
import { prepareDatabase } from "../startup/prepare-database";
import { projectMemoryIds } from "../tm/memories";
import { type CliTerminal, runCli, USAGE } from "./run";

let tmp: TestDatabase;
let db: Db;
beforeAll(async () => {
  tmp = await testDatabase();
  await prepareDatabase(tmp.url);
  db = openDb(tmp.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await tmp?.cleanup();
});

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliTerminal = { out: (l) => out.push(l), err: (l) => err.push(l), readPassword: async () => "" };
  return runCli(argv, io, async () => ({ db, close: async () => {} })).then((code) => ({ code, out, err }));
}

const tmxFile = (name: string, lang: string) => {
  const file = path.join(tmp.dir, name);
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="uk"/><body>
<tu><tuv xml:lang="uk"><seg>Реформа державної служби.</seg></tuv><tuv xml:lang="${lang}"><seg>Civil service reform.</seg></tuv></tu>
<tu><tuv xml:lang="uk"><seg>Реформа  державної служби.</seg></tuv><tuv xml:lang="${lang}"><seg>Reform.</seg></tuv></tu>
</body></tmx>\n`,
  );
  return file;
};

describe("tm import", () => {
  it("imports a TMX file as a reference memory of the project and says what it did", async () => {
    const result = await run([
      "tm",
      "import",
      tmxFile("reference.tmx", "en-US"),
      "--project",
      DEMO_PROJECT_NAME,
      "--name",
      "Reference",
    ]);
    expect(result.code).toBe(0);
    expect(result.out.join("\n")).toMatch(
      /as memory "Reference" \(id \w+\) of "Civil service reform \(demo\)": 1 unit \(en\) from 2 translation units; left out: 1 duplicate, 0 pairs with an empty side\./,
    );
    const project = await db.project.findFirstOrThrow({ where: { name: DEMO_PROJECT_NAME } });
    const [memoryId] = await projectMemoryIds(db, project.id);
    expect(await db.memoryUnit.findMany({ where: { memoryId }, select: { source: true, target: true } })).toEqual([
      { source: "Реформа державної служби.", target: "Civil service reform." },
    ]);
  });

  it("refuses a file whose languages are not the project's, in one line, and is in the usage", async () => {
    const before = await db.memory.count();
    const result = await run(["tm", "import", tmxFile("german.tmx", "de"), "--project", DEMO_PROJECT_NAME]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      "The file's languages do not match the project: de is not a target language of the project (en, kk).",
    ]);
    expect(await db.memory.count()).toBe(before);
    expect(
      (await run(["tm", "import", path.join(tmp.dir, "missing.tmx"), "--project", DEMO_PROJECT_NAME])).err,
    ).toEqual([`No file at ${path.join(tmp.dir, "missing.tmx")}.`]);
    expect(USAGE).toContain("tm import FILE --project P [--name N]");
    expect((await run(["tm", "import", "--project", DEMO_PROJECT_NAME])).code).toBe(2);
  });
});
