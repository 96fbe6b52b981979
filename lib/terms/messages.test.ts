// Every refusal the terminology code can give has a translated message in every interface language.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resources } from "../i18n/resources";
import { languages } from "../i18n/settings";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? files(path.join(dir, d.name))
      : d.name.endsWith(".ts") && !d.name.endsWith(".test.ts")
        ? [path.join(dir, d.name)]
        : [],
  );
}

const reasons = new Set<string>();
for (const file of files(path.resolve("lib/terms"))) {
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/(?:reason: |message: |importError\()"([a-z_]+)"/g)) reasons.add(m[1]);
  for (const m of text.matchAll(/^\s+(?!reason:)([a-z_]+): "glossary_[a-z_]+",?$/gm)) reasons.add(m[1]);
}

describe("terminology messages", () => {
  it("finds the reasons in the code", () => {
    expect(reasons).toContain("term_empty");
    expect(reasons).toContain("glossary_status");
  });
  for (const lng of languages) {
    it(`${lng} explains every reason`, () => {
      const m = resources[lng] as unknown as {
        errors: { reasons: Record<string, string> };
        import: { errors: Record<string, string> };
      };
      expect([...reasons].filter((r) => !m.errors.reasons[r] && !m.import.errors[r])).toEqual([]);
    });
  }
});
