// XLIFF 2.0 (validated with the 2.1 core schema). One trgLang per document: the first target is the core
// <target>, further ones travel as <prl:target> in the unit; our fields are prl: attributes where the
// schema admits them (docs/exchange.md).

import type { TranslationOrigin } from "../../translations/origin";
import type { ExchangeSource } from "../read-document";
import type { ExchangeNote, ExchangeUnit, ExportRequest } from "../types";
import { xmlAttrs, xmlElement } from "../xml";
import { Chunker } from "./common";
import { PRL_NAMESPACE, xliff20State, xliff20SubState } from "./status-map";

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** A filled text's origin as attributes of our namespace (XLIFF 2 has no core attribute for it). */
function originAttrs(origin: TranslationOrigin | null | undefined, prefix: string) {
  if (!origin) return {};
  return {
    [`${prefix}origin`]: origin.kind,
    [`${prefix}matchQuality`]: String(origin.score),
    [`${prefix}originName`]: origin.name,
    [`${prefix}originEdited`]: yesNo(origin.edited),
  };
}

function notesXml(notes: ExchangeNote[], primary: string): string {
  if (notes.length === 0) return "";
  let out = "    <notes>\n";
  for (const [i, note] of notes.entries()) {
    const id = `n${i + 1}`;
    const side = note.anchor?.side;
    // appliesTo names the core source or target, so only an anchor on one of those says it.
    const appliesTo = side === "source" || (side === "target" && note.lang === primary) ? side : null;
    const attrs = {
      id,
      category: note.category,
      appliesTo,
      "prl:lang": note.lang,
      "prl:author": note.author,
      "prl:createdAt": note.createdAt,
      "prl:resolved": yesNo(note.resolved),
      "prl:severity": note.severity,
      "prl:anchorSide": note.anchor?.side,
      "prl:anchorStart": note.anchor?.start,
      "prl:anchorEnd": note.anchor?.end,
      "prl:anchorText": note.anchor?.text,
    };
    out += `      ${xmlElement("note", attrs, note.body)}\n`;
    for (const [j, reply] of note.replies.entries()) {
      const replyAttrs = {
        id: `${id}-r${j + 1}`,
        "prl:replyTo": id,
        "prl:author": reply.author,
        "prl:createdAt": reply.createdAt,
        "prl:resolved": yesNo(reply.resolved),
      };
      out += `      ${xmlElement("note", replyAttrs, reply.body)}\n`;
    }
  }
  return `${out}    </notes>\n`;
}

function unitXml(unit: ExchangeUnit, targets: string[]): string {
  const [primary, ...others] = targets;
  const core = unit.targets[primary];
  const attrs = {
    id: unit.position,
    type: `prl:${unit.kind}`,
    "prl:updatedBy": core?.updatedBy,
    "prl:updatedAt": core?.updatedAt,
    ...originAttrs(core?.origin, "prl:"),
  };
  let out = `  <unit${xmlAttrs(attrs)}>\n`;
  for (const lang of others) {
    const t = unit.targets[lang];
    if (!t) continue;
    const extra = {
      "xml:lang": lang,
      state: xliff20State[t.status],
      subState: xliff20SubState(t.status),
      updatedBy: t.updatedBy,
      updatedAt: t.updatedAt,
      ...originAttrs(t.origin, ""),
    };
    out += `    ${xmlElement("prl:target", extra, t.text)}\n`;
  }
  out += notesXml(unit.notes, primary);
  const segment = core
    ? { id: `s${unit.position}`, state: xliff20State[core.status], subState: xliff20SubState(core.status) }
    : { id: `s${unit.position}` };
  out += `    <segment${xmlAttrs(segment)}>\n      ${xmlElement("source", {}, unit.source)}\n`;
  if (core) out += `      ${xmlElement("target", {}, core.text)}\n`;
  return `${out}    </segment>\n  </unit>\n`;
}

export async function* writeXliff20(source: ExchangeSource, _request: ExportRequest): AsyncGenerator<Uint8Array> {
  const { header } = source;
  const rootAttrs = {
    xmlns: "urn:oasis:names:tc:xliff:document:2.0",
    "xmlns:prl": PRL_NAMESPACE,
    version: "2.0",
    srcLang: header.sourceLang,
    trgLang: header.targetLangs[0],
    "xml:space": "preserve",
    "prl:title": header.title,
    "prl:targets": header.targetLangs.join(" "),
  };
  const out = new Chunker();
  out.write(`<?xml version="1.0" encoding="UTF-8"?>\n<xliff${xmlAttrs(rootAttrs)}>\n`);
  out.write(`<file${xmlAttrs({ id: "f1", original: header.title })}>\n`);
  let units = 0;
  for await (const page of source.pages()) {
    units += page.length;
    for (const unit of page) out.write(unitXml(unit, header.targetLangs));
    yield* out.take();
  }
  // The schema wants at least one unit in a file; an empty document gets an empty one.
  if (units === 0) out.write('  <unit id="empty" translate="no"><segment><source></source></segment></unit>\n');
  out.write("</file>\n</xliff>\n");
  yield* out.end();
}
