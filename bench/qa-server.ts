// The server half of bench/qa.ts: a fresh SQLite database with the demo project (its glossary
// included) and a 10,000-paragraph document translated into English and Kazakh; the document report
// as GET /api/v1/documents/{id}/qa computes it (cold: nothing remembered; warm: asked again), and
// POST /api/v1/qa/check over real HTTP through the production server's listener (the one that
// answers it without Next, lib/server/save-endpoint.ts), as the editor calls it while someone types.
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import type { DocumentEntry } from "../lib/qa/document";
import type { Summary } from "./stats";
import { summarize } from "./stats";

export interface ServerBench {
  documentId: string;
  projectId: string;
  segments: { id: string; source: string }[];
  /** The report in one language: wall-clock and CPU milliseconds, findings. */
  report(lang: string, cold: boolean): Promise<{ ms: number; cpuMs: number; findings: number }>;
  /** Round trips of POST /api/v1/qa/check with the paragraph texts given. */
  roundTrips(
    lang: string,
    texts: { segmentId: string; source: string; target: string }[],
    count: number,
  ): Promise<Summary & { cpuMs: number }>;
  close(): Promise<void>;
}

const HOST = "127.0.0.1";

export async function setupServerBench(
  dir: string,
  port: number,
  documents: Record<string, DocumentEntry[]>,
): Promise<ServerBench> {
  const dbPath = path.join(dir, "bench-qa.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  process.env.DATABASE_URL = `file:${dbPath}`;
  const { prepareDatabase } = await import("../lib/startup/prepare-database");
  await prepareDatabase();
  const { getDb } = await import("../lib/db/client");
  const { createFirstOwner } = await import("../lib/auth/users");
  const { createApiToken } = await import("../lib/auth/tokens");
  const { createDocument } = await import("../lib/documents/create-document");
  const db = getDb();
  const owner = await createFirstOwner(db, { email: "qa@bench.test", name: "QA Bench", password: "bench-password-1" });
  const project = await db.project.findFirstOrThrow();
  const { token } = await createApiToken(db, owner.id, "bench");

  const langs = Object.keys(documents);
  const first = documents[langs[0]];
  const documentId = await createDocument(db, {
    projectId: project.id,
    title: `QA benchmark: ${first.length} paragraphs`,
    segments: first.map((e) => ({ source: e.source, kind: e.kind ?? "paragraph", wordCount: 1 })),
    targetLangs: langs,
    createdById: owner.id,
  });
  const segments = await db.segment.findMany({
    where: { documentId },
    orderBy: { position: "asc" },
    select: { id: true, source: true },
  });
  // The translations written straight into the file: what the editor's saves would have left there.
  const file = new Database(dbPath);
  const update = file.prepare(
    'UPDATE "Translation" SET "text" = ?, "status" = ?, "version" = 1 WHERE "segmentId" = ? AND "lang" = ?',
  );
  file.transaction(() => {
    for (const lang of langs)
      for (const [i, e] of documents[lang].entries())
        update.run(e.target, e.confirmed ? "translated" : "draft", segments[i].id, lang);
  })();
  file.close();

  const { documentQa } = await import("../lib/qa/store/document-report");
  const { clearReportMemos } = await import("../lib/qa/store/report-cache");
  const { clearTermIndexCache } = await import("../lib/terms/index-cache");
  const { saveOrNext } = await import("../lib/server/save-endpoint");

  const server: Server = createServer(
    saveOrNext((_req, res) => {
      res.statusCode = 404;
      res.end();
    }),
  );
  // As lib/server/serve.ts: a connection idle between the phases must stay open.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, HOST, resolve));
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}/api/v1/qa/check`;

  return {
    documentId,
    projectId: project.id,
    segments,
    async report(lang, cold) {
      if (cold) {
        clearReportMemos();
        clearTermIndexCache();
      }
      const before = process.cpuUsage();
      const started = performance.now();
      const result = await documentQa(db, documentId, lang);
      const elapsed = performance.now() - started;
      const cpu = process.cpuUsage(before);
      return { ms: elapsed, cpuMs: (cpu.user + cpu.system) / 1000, findings: result.findings.length };
    },
    async roundTrips(lang, texts, count) {
      const times: number[] = [];
      let cpuUsed = 0;
      for (let i = 0; i < count + 20; i++) {
        const cpu = process.cpuUsage();
        const t = texts[i % texts.length];
        const started = performance.now();
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({
            source: t.source,
            target: t.target,
            sourceLang: "uk",
            targetLang: lang,
            projectId: project.id,
            segmentId: t.segmentId,
          }),
        });
        const body = await res.json();
        if (!res.ok) throw new Error(`qa/check answered ${res.status}: ${JSON.stringify(body)}`);
        // The first requests warm the JIT and the caches (settings, glossary index, speller).
        if (i >= 20) {
          times.push(performance.now() - started);
          const used = process.cpuUsage(cpu);
          cpuUsed += (used.user + used.system) / 1000;
        }
      }
      return { ...summarize(times), cpuMs: cpuUsed / count };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.$disconnect();
    },
  };
}
