// When the memory's source differs from the current one only in numbers ("У 2013 році" / "У 2014
// році"), the memory's target can be offered with its numbers replaced — if each number to replace
// can be found in the target unambiguously. Otherwise the match is offered as it is, with a penalty.

const NUMBER_IN_TEXT = /(?<![\p{N}.,])\p{N}+(?:[.,]\p{N}+)*(?![\p{N}])/gu;

/** 5,5 ↔ 5.5: English targets write decimals with a point where Ukrainian and Kazakh use a comma. */
const swapDecimal = (n: string) => n.replace(/[.,]/g, (c) => (c === "," ? "." : ","));

function countIn(list: string[], value: string): number {
  let n = 0;
  for (const x of list) if (x === value) n++;
  return n;
}

/**
 * The target with every number of `from` (the memory source's numbers, in order) that differs from
 * the same position of `to` (the current source's) replaced; null when that cannot be done safely:
 * one number that would become two different ones, or a number that the target does not have as
 * many times as the source (written in words, or formatted otherwise).
 */
export function replaceNumbers(target: string, from: string[], to: string[]): string | null {
  if (from.length !== to.length) return null;
  const mapping = new Map<string, string>();
  for (let i = 0; i < from.length; i++) {
    const known = mapping.get(from[i]);
    if (known !== undefined && known !== to[i]) return null;
    mapping.set(from[i], to[i]);
  }
  const inTarget = [...target.matchAll(NUMBER_IN_TEXT)].map((m) => m[0]);
  const replacements = new Map<string, string>();
  for (const [number, replacement] of mapping) {
    if (number === replacement) continue;
    const times = countIn(from, number);
    if (countIn(inTarget, number) === times) replacements.set(number, replacement);
    else if (countIn(inTarget, swapDecimal(number)) === times)
      replacements.set(swapDecimal(number), swapDecimal(replacement));
    else return null;
  }
  if (replacements.size === 0) return null;
  return target.replace(NUMBER_IN_TEXT, (n) => replacements.get(n) ?? n);
}
