// Plain text of one target: one paragraph a line, list items starting with "- " — the same format a
// document is created from (lib/segments/parse-text.ts). Untranslated paragraphs are left out.
import type { ExchangeSource } from "../read-document";
import type { ExportRequest } from "../types";
import { Chunker } from "./common";

export async function* writeTxt(source: ExchangeSource, _request: ExportRequest): AsyncGenerator<Uint8Array> {
  const [lang] = source.header.targetLangs;
  const out = new Chunker();
  for await (const page of source.pages()) {
    for (const unit of page) {
      const text = unit.targets[lang]?.text ?? "";
      if (text !== "") out.write(`${unit.kind === "list_item" ? "- " : ""}${text}\n`);
    }
    yield* out.take();
  }
  yield* out.end();
}
