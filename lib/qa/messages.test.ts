// Every message a check can produce, every check name and severity, exists in uk, en and kk; and
// the keys a check declares are the ones it really emits (so this list cannot fall behind).
import { describe, expect, it } from "vitest";
import { resources } from "../i18n/resources";
import { languages } from "../i18n/settings";
import { DOCUMENT_MESSAGE_KEYS } from "./document";
import { PARAGRAPH_CHECKS } from "./run";
import { CHECK_CODES } from "./settings";
import { severities } from "./types";

const lookup = (lng: (typeof languages)[number], key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[lng]);

const declared = [
  ...PARAGRAPH_CHECKS.flatMap((c) => c.messageKeys),
  ...DOCUMENT_MESSAGE_KEYS,
  ...CHECK_CODES.map((c) => `qa.checks.${c}`),
  ...severities.map((s) => `qa.severity.${s}`),
];

describe("QA messages", () => {
  for (const lng of languages)
    it(`${lng} has every check's messages, names and severities`, () => {
      expect(declared.filter((k) => typeof lookup(lng, k) !== "string")).toEqual([]);
    });

  it("every check is in the registry, and the runner's checks are every code but the document ones", () => {
    expect(PARAGRAPH_CHECKS.map((c) => c.code).sort()).toEqual(CHECK_CODES.filter((c) => c !== "inconsistent").sort());
  });

  it("messages name their parameters in every language alike", () => {
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of declared)
      for (const lng of languages)
        expect([lng, key, params(String(lookup(lng, key)))]).toEqual([lng, key, params(String(lookup("en", key)))]);
  });
});
