// The yardstick: a bare node:http server doing the same SQLite write as a save through the app
// (update with a version check + revision insert, one transaction) with better-sqlite3 and prepared
// statements, and nothing else: no auth, no permission lookups, no framework. As durable as the app:
// synchronous = FULL, each save's commit synced to the disk before it is answered (the app's writer,
// lib/db/sqlite-adapter.ts); without it the ratio compared a synced save with one that is not.
// Run as a child process: node --import tsx bench/bare-server.ts <database file> <port>
import { randomUUID } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

const [dbPath, portArg] = process.argv.slice(2);
if (!dbPath || !portArg) throw new Error("usage: bare-server.ts <database file> <port>");

const db = new Database(dbPath, { timeout: 10_000 });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
const find = db.prepare(`SELECT id, text, status, version FROM "Translation" WHERE segmentId = ? AND lang = ?`);
const update = db.prepare(
  `UPDATE "Translation" SET text = ?, status = ?, version = version + 1, updatedAt = ? WHERE id = ? AND version = ?`,
);
const insert = db.prepare(
  `INSERT INTO "Revision" (id, translationId, version, text, status, createdAt) VALUES (?, ?, ?, ?, ?, ?)`,
);
const write = db.transaction((id: string, baseVersion: number, text: string, status: string, now: string) => {
  if (update.run(text, status, now, id, baseVersion).changes !== 1) return false;
  insert.run(randomUUID(), id, baseVersion + 1, text, status, now);
  return true;
});

const ROUTE = /^\/api\/v1\/segments\/([^/]+)\/translations\/([^/]+)$/;

function answer(res: http.ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    "cache-control": "no-store",
  });
  res.end(json);
}

const server = http.createServer((req, res) => {
  const match = req.method === "PUT" ? ROUTE.exec(req.url ?? "") : null;
  if (!match) {
    answer(res, req.url === "/en" ? 200 : 404, { ok: req.url === "/en" });
    req.resume();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let input: { text?: unknown; status?: unknown; baseVersion?: unknown };
    try {
      input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return answer(res, 400, { error: { code: "invalid_input" } });
    }
    const { text, baseVersion } = input;
    const status = typeof input.status === "string" ? input.status : "draft";
    if (typeof text !== "string" || typeof baseVersion !== "number") {
      return answer(res, 400, { error: { code: "invalid_input" } });
    }
    const segmentId = decodeURIComponent(match[1]);
    const lang = match[2];
    const row = find.get(segmentId, lang) as { id: string; text: string; status: string; version: number } | undefined;
    if (!row) return answer(res, 404, { error: { code: "not_found" } });
    const now = new Date();
    if (!write(row.id, baseVersion, text, status, now.toISOString().replace("Z", "+00:00"))) {
      const current = find.get(segmentId, lang) as typeof row;
      return answer(res, 409, { error: { code: "conflict", current } });
    }
    answer(res, 200, {
      translation: { segmentId, lang, text, status, version: baseVersion + 1, updatedAt: now.toISOString() },
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(portArg), "127.0.0.1", () => {
  console.log(
    `bare server on 127.0.0.1:${portArg}, ${dbPath} (journal_mode=${db.pragma("journal_mode", { simple: true })}, synchronous=${db.pragma("synchronous", { simple: true })})`,
  );
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    db.close();
    process.exit(0);
  });
}
