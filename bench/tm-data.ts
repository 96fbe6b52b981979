// The memory benchmark's data (bench/tm.ts): a TMX file of N sentence units of Ukrainian-like text
// (tm-text.ts), the sentences to look up (a third in the memory, a third one to three words away
// from a unit, a third new), and documents made of them.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { escapeXmlText } from "../lib/exchange/xml";
import { TextGenerator } from "./tm-text";

export const MEMORY_SEED = 20_261_201;

/** About this many of the sources written are kept, evenly spread, to look up later. */
const SAMPLE_SIZE = 10_000;

/** Writes the TMX (streamed); returns a sample of the sources written. */
export async function writeMemoryTmx(file: string, units: number): Promise<string[]> {
  const every = Math.max(1, Math.floor(units / SAMPLE_SIZE));
  const gen = new TextGenerator(MEMORY_SEED);
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="bench" adminlang="en" srclang="uk" datatype="plaintext"/>\n<body>\n',
  );
  const sample: string[] = [];
  for (let i = 0; i < units; i++) {
    const source = gen.sentence();
    if (i % every === 0) sample.push(source);
    const target = gen.translation(source);
    await write(
      `<tu><tuv xml:lang="uk"><seg>${escapeXmlText(source)}</seg></tuv><tuv xml:lang="en"><seg>${escapeXmlText(target)}</seg></tuv></tu>\n`,
    );
  }
  await write("</body>\n</tmx>\n");
  out.end();
  await once(out, "finish");
  return sample;
}

export type QueryKind = "exact" | "fuzzy" | "new";

/** Sentences to look up: exact copies of units, variants one to three words away, and new ones. */
export function querySentences(sample: string[], count: number, seed: number): { text: string; kind: QueryKind }[] {
  const gen = new TextGenerator(seed);
  const out: { text: string; kind: QueryKind }[] = [];
  for (let i = 0; i < count; i++) {
    const base = sample[Math.floor(gen.random() * sample.length)];
    const kind: QueryKind = (["exact", "fuzzy", "new"] as const)[i % 3];
    const text =
      kind === "exact" ? base : kind === "fuzzy" ? gen.variant(base, 1 + Math.floor(gen.random() * 3)) : gen.sentence();
    out.push({ text, kind });
  }
  return out;
}

/** Paragraphs of one to four of the given sentences each, in order. */
export function paragraphsOf(sentences: string[], seed: number): string[] {
  const gen = new TextGenerator(seed);
  const out: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = 1 + Math.floor(gen.random() * 4);
    out.push(sentences.slice(i, i + n).join(" "));
    i += n;
  }
  return out;
}

/** Concordance queries: a word, two or three words from a sample sentence, or a word part; some absent. */
export function concordanceQueries(sample: string[], count: number, seed: number): string[] {
  const gen = new TextGenerator(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = sample[Math.floor(gen.random() * sample.length)].replace(/[.,?«»—[\]]/g, "").split(/\s+/);
    const at = Math.floor(gen.random() * Math.max(1, words.length - 3));
    const r = i % 4;
    if (r === 0) out.push(words.slice(at, at + 2).join(" "));
    else if (r === 1) out.push(words.slice(at, at + 3).join(" "));
    else if (r === 2) out.push(words[at].length > 5 ? words[at].slice(1, -1) : words[at]);
    else out.push(`${gen.word()} ${gen.word()} ${gen.word()}`);
  }
  return out.filter((q) => q.trim().length >= 3);
}
