// Every UI string exists, non-empty, in every interface language, and every key the code asks for exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resources } from "./resources";
import { languages } from "./settings";

function flatten(obj: Record<string, unknown>, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === "object")
      for (const [kk, vv] of flatten(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(prefix + k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

const english = flatten(resources.en);

describe("UI strings", () => {
  for (const lng of languages) {
    it(`${lng} has every key, none empty`, () => {
      const keys = flatten(resources[lng]);
      expect([...english.keys()].filter((k) => !keys.has(k))).toEqual([]);
      expect([...keys.keys()].filter((k) => !english.has(k))).toEqual([]);
      expect([...keys].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k)).toEqual([]);
    });
  }

  it("every literal key used in the code exists", () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles("app"), ...sourceFiles("lib")]) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*["']([a-zA-Z0-9_.-]+)["']/g)) used.add(m[1]);
      // Error codes and other keys passed around as data are marked i18nKey("…").
      for (const m of text.matchAll(/\bi18nKey\(\s*["']([a-zA-Z0-9_.-]+)["']/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !english.has(k))).toEqual([]);
  });

  it("Kazakh strings are in Cyrillic", () => {
    const kk = [...flatten(resources.kk).entries()].filter(([k]) => k !== "app.name" && !k.endsWith("sourceToTargets"));
    const latinOnly = kk.filter(([, v]) => /^[\x20-\x7e]+$/.test(String(v)));
    expect(latinOnly).toEqual([]);
  });
});
