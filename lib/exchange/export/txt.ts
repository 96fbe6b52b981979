// Plain text of one target: one paragraph a line, list items starting with "- " — the same format a
// document is created from (lib/segments/parse-text.ts). A paragraph without a translation is written
// as its source text (the reader sees what is missing where it is missing), or left out on request.
import type { ExchangeSource } from "../read-document";
import type { ExportRequest } from "../types";
import { Chunker, targetOnlyText } from "./common";

export async function* writeTxt(source: ExchangeSource, request: ExportRequest): AsyncGenerator<Uint8Array> {
  const [lang] = source.header.targetLangs;
  const out = new Chunker();
  for await (const page of source.pages()) {
    for (const unit of page) {
      const text = targetOnlyText(unit, lang, request);
      if (text !== null) out.write(`${unit.kind === "list_item" ? "- " : ""}${text}\n`);
    }
    yield* out.take();
  }
  yield* out.end();
}
