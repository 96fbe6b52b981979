// Reads a multipart/form-data upload as it streams in (busboy): one file part, a few small text
// fields, and the file cut off at the size limit, which refuses the request without reading on.
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { importError, tooLarge } from "./errors";

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  fields: Record<string, string>;
}

/** Multipart headers and small fields on top of the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/** What an upload is read from: a request's headers and body, whichever server carried it. */
export interface UploadSource {
  headers: Pick<Headers, "get">;
  body: AsyncIterable<Uint8Array> | null;
}

export async function readUpload(req: UploadSource, maxBytes: number, fileField = "file"): Promise<Upload> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType) || !req.body)
    throw importError("not_multipart", "Send the file as multipart/form-data with a part named file.");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);

  const body = req.body;
  const source =
    body instanceof Readable
      ? body
      : body instanceof ReadableStream
        ? Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>)
        : Readable.from(body, { objectMode: false });
  return new Promise<Upload>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Stop reading what is left of the body.
      source.destroy();
      reject(error);
    };
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { "content-type": contentType },
        // Browsers send a file's name as UTF-8 ("закон.txt"), not Latin-1.
        defParamCharset: "utf8",
        limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
      });
    } catch {
      throw importError("not_multipart", "The multipart body has no boundary.");
    }
    const fields: Record<string, string> = {};
    let file: { fileName: string; chunks: Buffer[] } | null = null;
    let pending: Promise<void> = Promise.resolve();
    bb.on("file", (name, stream, info) => {
      if (name !== fileField) {
        stream.resume();
        return;
      }
      const current = { fileName: info.filename ?? "", chunks: [] as Buffer[] };
      file = current;
      pending = new Promise<void>((done) => {
        stream.on("data", (chunk: Buffer) => current.chunks.push(chunk));
        stream.on("limit", () => fail(tooLarge(maxBytes)));
        stream.on("end", () => {
          if ((stream as { truncated?: boolean }).truncated) fail(tooLarge(maxBytes));
          done();
        });
      });
    });
    bb.on("field", (name, value) => {
      fields[name] = value;
    });
    bb.on("error", () => fail(importError("not_multipart", "The multipart body is malformed.")));
    bb.on("close", async () => {
      await pending;
      if (settled) return;
      const got = file as { fileName: string; chunks: Buffer[] } | null;
      if (!got) return fail(importError("no_file", "The upload has no part named file."));
      settled = true;
      resolve({ fileName: got.fileName, bytes: new Uint8Array(Buffer.concat(got.chunks)), fields });
    });
    source.on("error", (error) => fail(error));
    source.pipe(bb);
  });
}
