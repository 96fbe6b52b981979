// `npm run parallel -- glossary import|export` through runCli, on a real database (SQLite or PostgreSQL) with the demo.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { type Db, openDb } from "../db/client";
import { DEMO_PROJECT_NAME } from "../seed/demo";
import { prepareDatabase } from "../startup/prepare-database";
import { type CliTerminal, runCli } from "./run";

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

function terminal() {
  const out: string[] = [];
  const err: string[] = [];
  const written: Uint8Array[] = [];
  const io: CliTerminal = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    write: async (chunk) => {
      written.push(chunk);
    },
    readPassword: async () => "unused password",
  };
  return { io, out, err, stdout: () => Buffer.concat(written).toString("utf8") };
}
const connect = async () => ({ db, close: async () => {} });
const demoEntries = async () =>
  db.glossaryEntry.count({ where: { glossary: { project: { name: DEMO_PROJECT_NAME } } } });

describe("glossary on the command line", () => {
  it("imports a CSV into a project named by its name, merging what the glossary has", async () => {
    const before = await demoEntries();
    const csv = path.join(tmp.dir, "terms.csv");
    writeFileSync(csv, "uk,en,de\nдержавна служба,civil service,Staatsdienst\nкадровий резерв,personnel reserve,\n");
    const t = terminal();
    expect(await runCli(["glossary", "import", csv, "--project", DEMO_PROJECT_NAME], t.io, connect)).toBe(0);
    expect(t.out).toEqual([
      `Imported terms.csv (csv) into the glossary of "${DEMO_PROJECT_NAME}": 2 entries, 1 new, 1 merged into entries it had (1 translations were there already).`,
      "Left out, the project is not translated into: de.",
    ]);
    expect(await demoEntries()).toBe(before + 1);
  });

  it("exports TBX to a file and CSV to standard output", async () => {
    const out = path.join(tmp.dir, "out.tbx");
    const t = terminal();
    const argv = ["glossary", "export", "--project", DEMO_PROJECT_NAME, "--format", "tbx", "--out", out];
    expect(await runCli(argv, t.io, connect)).toBe(0);
    expect(t.out).toEqual([`Exported the glossary of "${DEMO_PROJECT_NAME}" as tbx to ${out}.`]);
    const tbx = readFileSync(out, "utf8");
    expect(tbx).toContain('type="TBX-Basic"');
    expect(tbx).toContain("<term>кадровий резерв</term>");
    const s = terminal();
    expect(await runCli(["glossary", "export", "--project", DEMO_PROJECT_NAME, "--format", "csv"], s.io, connect)).toBe(
      0,
    );
    expect(s.stdout().split("\r\n")[0]).toContain("uk,en,en status");
    expect(s.stdout()).toContain("personnel reserve");
  });

  it("refuses a malformed file, an unknown format and missing arguments, importing nothing", async () => {
    const before = await demoEntries();
    const bad = path.join(tmp.dir, "bad.tbx");
    writeFileSync(bad, "<tbx><text><body><conceptEntry>");
    const t = terminal();
    expect(await runCli(["glossary", "import", bad, "--project", DEMO_PROJECT_NAME], t.io, connect)).toBe(1);
    expect(t.err).toHaveLength(1);
    expect(t.err[0]).toMatch(/XML/);
    const f = terminal();
    expect(
      await runCli(["glossary", "export", "--project", DEMO_PROJECT_NAME, "--format", "xlsx"], f.io, connect),
    ).toBe(1);
    expect(f.err).toEqual(['Unknown format "xlsx": use tbx or csv.']);
    for (const argv of [
      ["glossary", "import", "--project", "x"],
      ["glossary", "export", "--project", "x"],
      ["glossary"],
    ]) {
      const u = terminal();
      expect(await runCli(argv, u.io, connect)).toBe(2);
      expect(u.err.join("\n")).toContain("glossary export --project P --format tbx|csv [--out FILE]");
    }
    expect(await demoEntries()).toBe(before);
  });
});
