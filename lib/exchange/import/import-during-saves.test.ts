// Issue 10, part 1, over real HTTP: while an update-import runs and then fails at its last row,
// other people keep saving; every save that was answered 200 must be in the database afterwards,
// and saves are answered while the import is worked on, not only once it is over.
// The production server's listener answers the saves (save-endpoint.ts) and hands the import to
// the Next route handler, as in scripts/serve.ts. The import fails inside its transaction for a
// reason of the database's: its last paragraph already has a revision with the number the import's
// version would get, so the revision trigger's insert breaks the unique key.
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBytes } from "../../../tests/fixtures/import-world";
import { createWorld, type World } from "../../../tests/world";

const PARAGRAPHS = 3_000;
/** The file updates the first IMPORTED paragraphs; the saves go to the ones after them. */
const IMPORTED = 2_500;
const SAVERS = 4;

let world: World;
let server: Server;
let base: string;
let documentId: string;
let segmentIds: string[];
/** True while the server is working on the import (from receiving it to answering). */
let processing = false;

type Route = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

/** Stands in for Next: the import route handler, fed from Node's request. */
function nextStandIn(importRoute: Route) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/api\/v1\/projects\/([^/?]+)\/documents$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`${base}${req.url}`, {
      method: "POST",
      headers,
      body: Readable.toWeb(req) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    processing = true;
    const response = await importRoute(request, { params: Promise.resolve({ id: match[1] }) }).finally(() => {
      processing = false;
    });
    res.statusCode = response.status;
    res.setHeader("content-type", response.headers.get("content-type") ?? "application/json");
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

beforeAll(async () => {
  world = await createWorld();
  const { createDocument } = await import("../../documents/create-document");
  documentId = await createDocument(world.db, {
    projectId: world.project.id,
    title: "Busy document",
    segments: Array.from({ length: PARAGRAPHS }, (_, i) => ({
      kind: "paragraph",
      source: `Абзац номер ${i + 1}.`,
      wordCount: 2,
    })),
    targetLangs: ["en", "kk"],
  });
  const segments = await world.db.segment.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  segmentIds = segments.map((s) => s.id);
  const importRoute = (await import("../../../app/api/v1/projects/[id]/documents/route")).POST as Route;
  const { saveOrNext } = await import("../../server/save-endpoint");
  server = createServer(saveOrNext(nextStandIn(importRoute)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await world.cleanup();
});

/** The document as CSV with every imported paragraph's English filled in. */
async function importFile(): Promise<Uint8Array> {
  const csv = new TextDecoder().decode((await exportBytes(world.db, documentId, "csv", ["en"])).bytes);
  const rows = parse(csv, { bom: true }) as string[][];
  const en = rows[0].indexOf("en");
  const status = rows[0].indexOf("en status");
  const kept = rows.slice(1, IMPORTED + 1).map((row) => {
    row[en] = `Imported ${row[0]}`;
    row[status] = "translated";
    return row;
  });
  return new TextEncoder().encode(stringify([rows[0], ...kept], { bom: true, record_delimiter: "windows" }));
}

/** A save over its own connection (fetch would queue it behind the upload on a shared one). */
// biome-ignore lint/suspicious/noExplicitAny: the test reads whatever shape the save answered with.
function put(path: string, token: string, body: unknown): Promise<{ status: number; json: any }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method: "PUT",
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

interface Acknowledged {
  segmentId: string;
  text: string;
  version: number;
}

describe("saves while an import fails", () => {
  it("keeps every save that was answered 200", async () => {
    const last = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: segmentIds[IMPORTED - 1], lang: "en" } },
    });
    await world.db.revision.create({
      data: { translationId: last.id, version: 1, text: "In the way.", status: "draft" },
    });

    const form = new FormData();
    form.set("mode", "update");
    form.set("documentId", documentId);
    form.set("file", new File([(await importFile()) as BlobPart], "update.csv"));
    let importing = true;
    const imported = fetch(`${base}/api/v1/projects/${world.project.id}/documents`, {
      method: "POST",
      headers: { authorization: `Bearer ${world.tokens.owner}` },
      body: form,
    }).finally(() => {
      importing = false;
    });

    const acknowledged = new Map<string, Acknowledged>();
    let duringImport = 0;
    const saver = async (n: number) => {
      const segmentId = segmentIds[IMPORTED + n];
      let version = 0;
      for (let k = 1; importing || k <= 3; k++) {
        const text = `Saved by editor ${n}, edit ${k}`;
        const res = await put(`/api/v1/segments/${segmentId}/translations/en`, world.tokens.translator, {
          text,
          baseVersion: version,
        });
        expect(res.status).toBe(200);
        version = res.json.translation.version;
        acknowledged.set(segmentId, { segmentId, text, version });
        if (processing) duringImport++;
      }
    };
    const savers = Promise.all(Array.from({ length: SAVERS }, (_, n) => saver(n)));
    const answer = await imported;
    await savers;

    expect(answer.status).toBe(500);
    // Saves did not wait for the whole import: some were answered while the server worked on it.
    expect(duringImport).toBeGreaterThanOrEqual(SAVERS);
    for (const save of acknowledged.values()) {
      const stored = await world.db.translation.findUniqueOrThrow({
        where: { segmentId_lang: { segmentId: save.segmentId, lang: "en" } },
      });
      expect(stored).toMatchObject({ text: save.text, version: save.version });
      expect(await world.db.revision.count({ where: { translationId: stored.id } })).toBe(save.version);
    }
    // And the import wrote nothing: all or nothing.
    const first = await world.db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: segmentIds[0], lang: "en" } },
    });
    expect(first).toMatchObject({ text: "", version: 0 });
  }, 120_000);
});
