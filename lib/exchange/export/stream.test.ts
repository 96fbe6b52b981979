import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "../../../tests/fixtures/export-world";
import { createWorld, type World } from "../../../tests/world";
import { createDocument } from "../../documents/create-document";
import { exportFormats } from "../types";
import { CHUNK_BYTES } from "./common";
import { exportDocument } from "./index";

const PARAGRAPHS = 3000;
let world: World;
let documentId: string;

beforeAll(async () => {
  world = await createWorld();
  const segments = Array.from({ length: PARAGRAPHS }, (_, i) => ({
    kind: i % 10 === 9 ? ("list_item" as const) : ("paragraph" as const),
    source: `Абзац ${i + 1}: «державна служба» — реформа [52, с. 5].`,
    wordCount: 7,
  }));
  documentId = await createDocument(world.db, {
    projectId: world.project.id,
    title: "Long",
    segments,
    targetLangs: ["en", "kk"],
  });
  await world.db.translation.updateMany({
    where: { documentId, lang: "en" },
    data: { text: "Paragraph: «civil service» — reform [52, с. 5].", status: "approved", version: 1 },
  });
}, 120_000);
afterAll(() => world.cleanup());

describe("streaming", () => {
  it.each(["tmx", "xliff12", "xliff20", "csv", "tsv"] as const)("sends a long %s in many chunks", async (format) => {
    const result = await exportDocument(world.db, documentId, request(format));
    let chunks = 0;
    let bytes = 0;
    let largest = 0;
    for await (const chunk of result.body) {
      chunks++;
      bytes += chunk.byteLength;
      largest = Math.max(largest, chunk.byteLength);
    }
    expect(bytes).toBeGreaterThan(PARAGRAPHS * 50);
    expect(chunks).toBeGreaterThan(5);
    // Chunks are bounded, not the whole file.
    expect(largest).toBeLessThanOrEqual(CHUNK_BYTES);
  });

  it("reads the document a page at a time, so a download can stop early", async () => {
    // The real database, with its page reads (raw queries: the document has no notes) counted.
    let reads = 0;
    const counted = new Proxy(world.db, {
      get(target, prop, receiver) {
        if (prop !== "$queryRaw") return Reflect.get(target, prop, receiver);
        return (...args: Parameters<typeof target.$queryRaw>) => {
          reads++;
          return target.$queryRaw(...args);
        };
      },
    });
    for (const format of exportFormats) {
      reads = 0;
      const result = await exportDocument(counted, documentId, request(format, { targets: ["en"] }));
      const iterator = result.body[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.done, format).toBe(false);
      // DOCX is built whole before it is sent (docs/exchange.md); every other format sends its first
      // 64 KB after a page or three, not after all six.
      if (!format.startsWith("docx")) expect(reads, format).toBeLessThanOrEqual(3);
      await iterator.return?.();
    }
    reads = 0;
    for await (const _ of (await exportDocument(counted, documentId, request("tmx", { targets: ["en"] }))).body);
    expect(reads).toBeGreaterThanOrEqual(PARAGRAPHS / 500);
  });
});
