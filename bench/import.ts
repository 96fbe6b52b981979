// Import benchmark: 50 MB files in each format (TXT, DOCX, TMX, XLIFF 1.2 and 2.0, CSV; built by
// bench/import-files.ts) imported as new documents, each measured in a child process of its own so
// that the peak memory is its own:
//  - parse: the file read and parsed (lib/exchange/import/parse-file.ts), nothing written;
//  - import: the whole upload as the server answers it: a multipart request streamed into the
//    route handler of POST /api/v1/projects/{id}/documents, read, parsed, checked and written to a
//    SQLite database in one transaction;
//  - two at once: two imports running together in one process, the most a server runs (the third
//    waits for a slot, lib/exchange/import/slots.ts);
//  - the command: `npm run parallel -- import FILE --project P`, start to exit, as package.json
//    starts it (with the command line's heap flags, lib/cli/launch.ts).
// The server's import peak is mostly garbage of the database writes that V8's default heap growth
// lets pile up (after a collection a 20 MB import holds ~110 MB); the command line's flags show what
// slower heap growth makes of the same work.
// Peak RSS is the kernel's maxRSS of the child (and sampling every 10 ms); the limit is 600 MB.
// Prints a table and writes bench/out/import.json.
// Run: npm run bench:import
// BENCH_IMPORT_MB changes the file size (default 50); BENCH_IMPORT_FORMATS=tmx,csv picks formats;
// BENCH_IMPORT_KEEP=1 keeps the files.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parallelNodeArgs } from "../lib/cli/launch";
import { type BenchFormat, benchFormats, extensionOf, writeBenchFile } from "./import-files";
import { type Measured, measured } from "./peak-memory";

const MB = 2 ** 20;
const FILE_MB = Number(process.env.BENCH_IMPORT_MB || 50);
const FORMATS = (process.env.BENCH_IMPORT_FORMATS?.split(",") ?? benchFormats) as BenchFormat[];
const LIMIT_MB = 600;
const SELF = fileURLToPath(import.meta.url);
const TSX = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
const OUT = path.resolve("bench", "out", "import.json");

type Measure = Measured & { paragraphs: number };

/** The work returns the paragraphs it read. */
async function measure(work: () => Promise<number>): Promise<Measure> {
  const { count, ...m } = await measured(work);
  return { ...m, paragraphs: count };
}

interface Setup {
  dbTemplate: string;
  projectId: string;
  token: string;
}

/** A multipart/form-data upload of the file, streamed from disk like a browser sends it. */
function uploadRequest(url: string, file: string, token: string): Request {
  const boundary = "----parallel-bench-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\nnew\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = statSync(file).size;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const { createReadStream } = await import("node:fs");
      controller.enqueue(head);
      for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) controller.enqueue(chunk);
      controller.enqueue(tail);
      controller.close();
    },
  });
  return new Request(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": String(head.length + size + tail.length),
    },
    body,
    duplex: "half",
  } as RequestInit);
}

async function child(kind: string, files: string[], setupFile: string): Promise<Measure> {
  const setup: Setup = JSON.parse(readFileSync(setupFile, "utf8"));
  const warm = (file: string) => file.replace(/(\.[a-z]+)$/, ".small$1");
  if (kind === "parse") {
    const { parseFile } = await import("../lib/exchange/import/parse-file");
    await parseFile(path.basename(files[0]), readFileSync(warm(files[0])));
    return measure(async () => (await parseFile(path.basename(files[0]), readFileSync(files[0]))).units.length);
  }
  const route = (await import("../app/api/v1/projects/[id]/documents/route")).POST;
  const url = `http://localhost/api/v1/projects/${setup.projectId}/documents`;
  const post = async (file: string) => {
    const res = await route(uploadRequest(url, file, setup.token), {
      params: Promise.resolve({ id: setup.projectId }),
    });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`import of ${path.basename(file)} failed: ${JSON.stringify(body)}`);
    return body.segments as number;
  };
  // Warm, as a running server is: modules loaded and statements prepared.
  await post(warm(files[0]));
  return measure(async () => (await Promise.all(files.map(post))).reduce((a, b) => a + b, 0));
}

function runChild(kind: "parse" | "import", files: string[], setupFile: string, dbTemplate: string, dir: string) {
  const db = path.join(dir, `run-${kind}-${path.basename(files[0])}.db`);
  copyFileSync(dbTemplate, db);
  try {
    const stdout = execFileSync(process.execPath, [TSX, SELF, "--child", kind, setupFile, ...files], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${db}`, NODE_ENV: "production" },
      maxBuffer: 16 * MB,
    });
    return JSON.parse(stdout.trim().split("\n").pop()!) as Measure;
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db + suffix, { force: true });
  }
}

/** The real command, start to exit, with a hook that reports the process's peak RSS. */
function runCommand(file: string, setup: Setup, dir: string): { ms: number; peakRssMb: number } {
  const db = path.join(dir, `run-command-${path.basename(file)}.db`);
  copyFileSync(setup.dbTemplate, db);
  const { nodeArgs, script } = parallelNodeArgs();
  const hook = path.resolve("bench", "report-peak-rss.mjs");
  const started = performance.now();
  try {
    const result = spawnSync(
      process.execPath,
      [...nodeArgs, "--import", hook, script, "import", file, "--project", setup.projectId],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${db}` }, maxBuffer: 16 * MB },
    );
    const peak = /peak-rss-kb (\d+)/.exec(result.stderr);
    if (result.status !== 0 || !peak) throw new Error(`the import command failed: ${result.stderr}${result.stdout}`);
    return { ms: performance.now() - started, peakRssMb: Number(peak[1]) / 1024 };
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db + suffix, { force: true });
  }
}

async function prepare(dir: string): Promise<Setup> {
  const dbTemplate = path.join(dir, "template.db");
  process.env.DATABASE_URL = `file:${dbTemplate}`;
  const { prepareDatabase } = await import("../lib/startup/prepare-database");
  await prepareDatabase(`file:${dbTemplate}`);
  const { getDb } = await import("../lib/db/client");
  const { createFirstOwner } = await import("../lib/auth/users");
  const { createApiToken } = await import("../lib/auth/tokens");
  const db = getDb();
  const owner = await createFirstOwner(db, {
    email: "bench@parallel.test",
    name: "Bench",
    password: "bench-password-1",
  });
  const project = await db.project.findFirstOrThrow();
  const { token } = await createApiToken(db, owner.id, "bench");
  await db.$disconnect();
  return { dbTemplate, projectId: project.id, token };
}

const round = (n: number) => Math.round(n);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "parallel-import-bench-"));
  try {
    const setup = await prepare(dir);
    const setupFile = path.join(dir, "setup.json");
    writeFileSync(setupFile, JSON.stringify(setup));
    const files = new Map<BenchFormat, { file: string; paragraphs: number }>();
    for (const format of FORMATS) {
      const file = path.join(dir, `bench-${format}.${extensionOf(format)}`);
      const paragraphs = await writeBenchFile(format, file, FILE_MB * MB);
      await writeBenchFile(format, file.replace(/(\.[a-z]+)$/, ".small$1"), 256 * 1024);
      files.set(format, { file, paragraphs });
    }
    const loadBefore = loadavg()[0];
    const rows = [];
    for (const format of FORMATS) {
      const { file, paragraphs } = files.get(format)!;
      const parse = runChild("parse", [file], setupFile, setup.dbTemplate, dir);
      const imported = runChild("import", [file], setupFile, setup.dbTemplate, dir);
      const command = runCommand(file, setup, dir);
      rows.push({ format, fileMb: statSync(file).size / MB, paragraphs, parse, import: imported, command });
      console.error(
        `${format}: parse peak ${round(parse.peakRssMb)} MB in ${seconds(parse.ms)} s, import peak ${round(imported.peakRssMb)} MB in ${seconds(imported.ms)} s, command peak ${round(command.peakRssMb)} MB in ${seconds(command.ms)} s`,
      );
    }
    // Two at once: the largest text formats, as two people importing at the same moment.
    const pairFormats = FORMATS.filter((f) => f === "tmx" || f === "csv");
    const pair =
      pairFormats.length > 0
        ? runChild(
            "import",
            (pairFormats.length === 2 ? pairFormats : [pairFormats[0], pairFormats[0]]).map((f) => files.get(f)!.file),
            setupFile,
            setup.dbTemplate,
            dir,
          )
        : null;

    console.log(
      `\nImport benchmark: ${FILE_MB} MB files, each run in a process of its own (parse limit ${LIMIT_MB} MB peak RSS)`,
    );
    console.log(`${cpus().length} CPUs, load ${loadBefore.toFixed(2)} before the runs\n`);
    const header = [
      "format",
      "file MB",
      "paragraphs",
      "parse peak MB",
      "parse s",
      "import base MB",
      "import peak MB",
      "import s",
      "command peak MB",
      "command s",
      "parse",
    ];
    const table = rows.map((r) => [
      r.format,
      r.fileMb.toFixed(1),
      r.paragraphs.toLocaleString("en"),
      round(r.parse.peakRssMb),
      seconds(r.parse.ms),
      round(r.import.baseRssMb),
      round(r.import.peakRssMb),
      seconds(r.import.ms),
      round(r.command.peakRssMb),
      seconds(r.command.ms),
      r.parse.peakRssMb < LIMIT_MB ? "ok" : "OVER",
    ]);
    if (pair) {
      table.push([
        `2 at once (${pairFormats.join("+") || "tmx"})`,
        "",
        pair.paragraphs.toLocaleString("en"),
        "",
        "",
        round(pair.baseRssMb),
        round(pair.peakRssMb),
        seconds(pair.ms),
        "",
        "",
        "",
      ]);
    }
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
    const line = (cells: unknown[]) => cells.map((c, i) => String(c).padStart(widths[i])).join("  ");
    console.log(line(header));
    for (const r of table) console.log(line(r));
    mkdirSync(path.dirname(OUT), { recursive: true });
    writeFileSync(
      OUT,
      JSON.stringify({ fileMb: FILE_MB, limitMb: LIMIT_MB, rows, pair, cpus: cpus().length, loadBefore }, null, 2),
    );
    console.log(`\nwritten to ${path.relative(process.cwd(), OUT)}`);
    const over = rows.filter((r) => r.parse.peakRssMb >= LIMIT_MB);
    if (over.length) process.exitCode = 1;
  } finally {
    if (process.env.BENCH_IMPORT_KEEP === "1") console.log(`files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf("--child");
if (at >= 0) {
  const [kind, setupFile, ...files] = process.argv.slice(at + 1);
  child(kind, files, setupFile).then(
    (m) => {
      console.log(JSON.stringify(m));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
