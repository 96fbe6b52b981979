// A memory as TMX 1.4b, streamed a page of units at a time (a million units never sit in memory).
// One <tu> per unit; what TMX has no attribute for travels in <prop type="x-…"> (docs/translation-memory.md),
// which the import reads back: status, kind, and the context hashes of a 101 % match.
import type { Db } from "../db/client";
import { Chunker } from "../exchange/export/common";
import { tmxDate } from "../exchange/export/status-map";
import { escapeXmlText, xmlAttrs, xmlElement } from "../exchange/xml";

const PAGE = 2000;

const prop = (type: string, value: string) => xmlElement("prop", { type }, value);

/** The memory's TMX, or null when there is no such memory. */
export async function exportMemoryTmx(db: Db, memoryId: string): Promise<AsyncGenerator<Uint8Array> | null> {
  const memory = await db.memory.findUnique({ where: { id: memoryId } });
  if (!memory) return null;
  return writeTmx(db, memory);
}

async function* writeTmx(db: Db, memory: { id: string; name: string; sourceLang: string }): AsyncGenerator<Uint8Array> {
  const out = new Chunker();
  out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n');
  const header = {
    creationtool: "Parallel",
    creationtoolversion: "1",
    segtype: "sentence",
    "o-tmf": "Parallel",
    adminlang: "en",
    srclang: memory.sourceLang,
    datatype: "plaintext",
    creationdate: tmxDate(new Date().toISOString()),
  };
  out.write(`<header${xmlAttrs(header)}>\n  ${prop("x-memory", memory.name)}\n</header>\n<body>\n`);
  for (let after = 0; ; ) {
    const units = await db.memoryUnit.findMany({
      where: { memoryId: memory.id, id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      include: { author: { select: { name: true } } },
    });
    if (units.length === 0) break;
    for (const u of units) {
      const author = u.author?.name ?? u.authorName;
      const dates = {
        creationdate: tmxDate(u.createdAt.toISOString()),
        changedate: tmxDate(u.updatedAt.toISOString()),
      };
      out.write(`  <tu${xmlAttrs({ tuid: u.id, srclang: u.sourceLang, ...dates, changeid: author })}>\n`);
      out.write(`    ${prop("x-kind", u.kind)}\n`);
      if (u.prevHash !== null) out.write(`    ${prop("x-context-prev", u.prevHash)}\n`);
      if (u.nextHash !== null) out.write(`    ${prop("x-context-next", u.nextHash)}\n`);
      out.write(`    <tuv${xmlAttrs({ "xml:lang": u.sourceLang })}><seg>`);
      out.write(escapeXmlText(u.source));
      out.write(`</seg></tuv>\n    <tuv${xmlAttrs({ "xml:lang": u.targetLang, ...dates, changeid: author })}>\n`);
      out.write(`      ${prop("x-status", u.status)}\n      <seg>`);
      out.write(escapeXmlText(u.target));
      out.write("</seg>\n    </tuv>\n  </tu>\n");
    }
    after = units[units.length - 1].id;
    yield* out.take();
  }
  out.write("</body>\n</tmx>\n");
  yield* out.end();
}
