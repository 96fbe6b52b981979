// Terminology in the real editor (bench/terms.ts runs it): the production build served on a fresh
// database whose demo project has a 10,000-entry glossary and a 2,000-paragraph document of 70-word
// paragraphs; Chromium opens the editor and scrolls it. The page's own performance measures say how
// long each batch of paragraphs coming on screen took to recognise (TermsStore.prime: must fit in a
// frame) and how long the index took to build; the network log, that the glossary came once per page
// (and from the browser's cache on the second visit) and no paragraph asked the server for its terms.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../tests/chromium";
import { APP_DIR, prepareBuild } from "./build";
import { HOST } from "./config";
import { startApp, stopChild } from "./server";
import { glossary, paragraphs } from "./terms-data";

const PORT = Number(process.env.BENCH_PORT || 3311);
const PARAGRAPHS = 2_000;
const SCROLLS = 30;
const OUT = path.resolve("bench", "out", "terms");
const OWNER = { email: "terms-bench@parallel.test", name: "Terms Bench", password: "terms-bench-password" };

export interface EditorTerms {
  entries: number;
  paragraphs: number;
  batches: number;
  rowsPerBatch: number;
  batchP50: number;
  batchP95: number;
  batchMax: number;
  indexMs: number;
  glossaryBytes: number;
  glossaryMs: number;
  glossaryRequests: number;
  segmentTermRequests: number;
  /** The second visit's glossary answer came from the browser's cache. */
  cachedOnReload: boolean;
  termsShown: number;
}

async function setup(size: number) {
  const dbPath = path.join(OUT, "editor.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbPath + suffix, { force: true });
  const url = `file:${dbPath}`;
  process.env.DATABASE_URL = url;
  const { prepareDatabase } = await import("../lib/startup/prepare-database");
  await prepareDatabase(url);
  const { getDb } = await import("../lib/db/client");
  const { createFirstOwner } = await import("../lib/auth/users");
  const { createDocument } = await import("../lib/documents/create-document");
  const { parseLinesText } = await import("../lib/segments/parse-text");
  const { writeEntries } = await import("../lib/terms/write-entries");
  const { bumpGlossary, ensureGlossary } = await import("../lib/terms/glossary");
  const db = getDb();
  const owner = await createFirstOwner(db, OWNER);
  const project = await db.project.findFirstOrThrow();
  await db.$transaction(
    async (tx) => {
      const { id } = await ensureGlossary(tx, project.id);
      const entries = glossary(size).map((e) => ({
        ...e,
        partOfSpeech: null,
        definition: "",
        note: "",
        example: "",
        translations: e.translations.map((t) => ({ ...t, note: "" })),
      }));
      await writeEntries(tx, id, entries, owner.id);
      await bumpGlossary(tx, id);
    },
    { timeout: 120_000 },
  );
  const documentId = await createDocument(db, {
    projectId: project.id,
    title: "Terms benchmark",
    segments: parseLinesText(paragraphs(PARAGRAPHS).join("\n"), "uk"),
    targetLangs: ["en", "kk"],
    createdById: owner.id,
  });
  const { getAuth } = await import("../lib/auth/auth");
  const res = await (await getAuth()).api.signInEmail({
    body: { email: OWNER.email, password: OWNER.password },
    asResponse: true,
  });
  const pair = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  const eq = pair.indexOf("=");
  const entries = await db.glossaryEntry.count();
  await db.$disconnect();
  return { url, documentId, entries, cookie: { name: pair.slice(0, eq), value: pair.slice(eq + 1) } };
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : Number.NaN;
};

export async function inEditor(size: number): Promise<EditorTerms> {
  mkdirSync(OUT, { recursive: true });
  await prepareBuild();
  const data = await setup(size);
  const app = await startApp(APP_DIR, PORT, data.url, path.join(OUT, "server.log"));
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ ...data.cookie, domain: HOST, path: "/" }]);
    const page = await context.newPage();
    let glossaryRequests = 0;
    let segmentTermRequests = 0;
    page.on("request", (r) => {
      if (/\/api\/v1\/documents\/[^/]+\/glossary/.test(r.url())) glossaryRequests++;
      if (/\/api\/v1\/segments\/[^/]+\/terms/.test(r.url())) segmentTermRequests++;
    });
    const url = `http://${HOST}:${PORT}/en/documents/${data.documentId}`;
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("parallel:terms").length > 0, null, {
      timeout: 60_000,
    });
    for (let i = 0; i < SCROLLS; i++) {
      await page.mouse.wheel(0, 900);
      await page.waitForTimeout(250);
    }
    const result = (await page.evaluate(`(() => {
      const batches = performance.getEntriesByName("parallel:terms").map((m) => ({ ms: m.duration, rows: m.detail.rows }));
      const index = performance.getEntriesByName("parallel:terms-index")[0];
      const res = performance.getEntriesByType("resource").find((e) => e.name.includes("/glossary?stamp="));
      return {
        batches,
        indexMs: index ? index.duration : NaN,
        glossaryBytes: res ? res.encodedBodySize : NaN,
        glossaryMs: res ? res.responseEnd - res.startTime : NaN,
        termsShown: document.querySelectorAll('[data-testid="term"]').length,
      };
    })()`)) as {
      batches: { ms: number; rows: number }[];
      indexMs: number;
      glossaryBytes: number;
      glossaryMs: number;
      termsShown: number;
    };
    const firstVisitGlossaryRequests = glossaryRequests;
    // A second visit: the same stamp, so the browser answers the glossary from its cache.
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("parallel:terms").length > 0, null, {
      timeout: 60_000,
    });
    const cachedOnReload = (await page.evaluate(`(() => {
      const res = performance.getEntriesByType("resource").find((e) => e.name.includes("/glossary?stamp="));
      return Boolean(res) && res.transferSize === 0;
    })()`)) as boolean;
    const times = result.batches.map((b) => b.ms);
    return {
      entries: data.entries,
      paragraphs: PARAGRAPHS,
      batches: times.length,
      rowsPerBatch: result.batches.reduce((n, b) => n + b.rows, 0) / Math.max(1, times.length),
      batchP50: pct(times, 0.5),
      batchP95: pct(times, 0.95),
      batchMax: Math.max(...times),
      indexMs: result.indexMs,
      glossaryBytes: result.glossaryBytes,
      glossaryMs: result.glossaryMs,
      glossaryRequests: firstVisitGlossaryRequests,
      segmentTermRequests,
      cachedOnReload,
      termsShown: result.termsShown,
    };
  } finally {
    await browser.close();
    await stopChild(app);
  }
}
