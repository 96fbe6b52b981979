// untranslated (no target yet) and same-as-source (the source copied, not translated).
import { hasCyrillic, normalizeSpace, writtenInCyrillic } from "../text";
import type { Check } from "../types";

export const untranslated: Check = {
  code: "untranslated",
  messageKeys: ["qa.untranslated.empty"],
  run({ input }) {
    if (input.target.trim() !== "" || input.source.trim() === "") return [];
    return [{ messageKey: "qa.untranslated.empty", params: {}, key: "untranslated" }];
  },
};

/**
 * Equal texts are fine when there is nothing to translate: numbers, symbols, or (for a Cyrillic
 * source) text with no Cyrillic in it — a name, a formula, a reference in Latin script.
 */
export const sameAsSource: Check = {
  code: "same-as-source",
  messageKeys: ["qa.same-as-source.equal"],
  run({ input }) {
    if (Math.abs(input.source.trim().length - input.target.trim().length) > 10) return [];
    const source = normalizeSpace(input.source);
    if (source === "" || source !== normalizeSpace(input.target) || !/\p{L}/u.test(source)) return [];
    if (writtenInCyrillic(input.sourceLang) && !hasCyrillic(source)) return [];
    return [
      {
        messageKey: "qa.same-as-source.equal",
        params: {},
        span: { start: 0, end: input.target.length, side: "target" },
        key: "same-as-source",
      },
    ];
  },
};
