// fast-check arbitraries that damage files the way the world does: truncated (half-uploaded zips),
// bytes flipped, hostile fragments spliced in (entities, DTDs, deep nesting, huge attributes, NULs,
// lone surrogates), re-encoded (UTF-16 with and without BOM, odd length, Windows-1251), or replaced
// by noise altogether. Each input is a seed file and a few of these in a row.
import fc from "fast-check";

const enc = new TextEncoder();

const HOSTILE = [
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>',
  '<!DOCTYPE x SYSTEM "http://127.0.0.1:1/evil.dtd">',
  "<?xml version='1.0' encoding='UTF-7'?>",
  `${"<a>".repeat(20_000)}${"</a>".repeat(20_000)}`,
  `<x y="${"a".repeat(300_000)}"/>`,
  "\u0000\u0001\u0008\u001f",
  "\ud800\udfff\udc00\ud83d",
  "\uFEFF\uFFFE\uFFFF",
  "&#0;&#xD800;&#x110000;&unknown;",
  "]]><![CDATA[",
  "PK\u0003\u0004\u0014\u0000",
  '"=cmd|" /C calc"!A0\t@SUM(1)\r\n',
  "<script>alert(1)</script><img src=x onerror=alert(1)>",
  "\r\n\r\n\r\n",
  "a".repeat(25_000),
];

type Mutation = (input: Uint8Array) => Uint8Array;

const truncate = fc
  .double({ min: 0, max: 1, noNaN: true })
  .map<Mutation>((at) => (b) => b.slice(0, Math.floor(b.length * at)));

const flip = fc
  .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map<Mutation>((flips) => (b) => {
    const out = b.slice();
    for (const [at, value] of flips) if (out.length) out[Math.floor(at * (out.length - 1))] = value;
    return out;
  });

const splice = fc
  .tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 64 })),
  )
  .map<Mutation>(([at, text]) => (b) => {
    const i = Math.floor(at * b.length);
    const piece = enc.encode(text);
    const out = new Uint8Array(b.length + piece.length);
    out.set(b.subarray(0, i));
    out.set(piece, i);
    out.set(b.subarray(i), i + piece.length);
    return out;
  });

const reencode = fc.constantFrom<Mutation>(
  // UTF-16 LE with BOM, without BOM, with an odd byte at the end; bytes read as Windows-1251 text.
  (b) => utf16(new TextDecoder().decode(b), true),
  (b) => utf16(new TextDecoder().decode(b), false),
  (b) => utf16(new TextDecoder().decode(b), true).slice(0, -1),
  (b) => enc.encode(new TextDecoder("windows-1251").decode(b)),
);

function utf16(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, true);
  for (let i = 0; i < text.length; i++) view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), true);
  return out;
}

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(truncate, flip, splice, reencode);

/** A seed (by index) with up to four mutations, or plain noise. */
export function damagedFile(seeds: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const damaged = fc
    .tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([i, ms]) => ms.reduce((b, m) => m(b), seeds[i]));
  return fc.oneof({ weight: 6, arbitrary: damaged }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }) });
}
