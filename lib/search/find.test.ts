import { describe, expect, it } from "vitest";
import { compileFind, type FindOptions } from "./find";
import { preserveCase, replaceIn } from "./replace-text";

const options = (find: string, more: Partial<FindOptions> = {}): FindOptions => ({
  find,
  matchCase: false,
  wholeWords: false,
  regex: false,
  ...more,
});
const found = (text: string, o: FindOptions) =>
  compileFind(o)
    .matches(text)
    .map((m) => text.slice(m.start, m.end));

describe("finding text", () => {
  it("ignores case in every script unless asked, and keeps the offsets of the text", () => {
    const text = "Регіонального ХАБА, регіонального хаба; Қазақстан ҚАЗАҚСТАН";
    expect(found(text, options("регіонального хаба"))).toEqual(["Регіонального ХАБА", "регіонального хаба"]);
    expect(found(text, options("хаба", { matchCase: true }))).toEqual(["хаба"]);
    expect(found(text, options("қазақстан"))).toEqual(["Қазақстан", "ҚАЗАҚСТАН"]);
    // A letter whose lower case is longer (İ → i̇) does not shift what comes after it.
    const turkish = "İstanbul civil service";
    const [m] = compileFind(options("civil")).matches(turkish);
    expect(turkish.slice(m.start, m.end)).toBe("civil");
  });

  it("finds whole words only, in Cyrillic and Latin, and does not miss one right after a partial match", () => {
    const text = "служба, службовець, державна служба; serviceman service";
    expect(found(text, options("служба", { wholeWords: true }))).toEqual(["служба", "служба"]);
    expect(found(text, options("service", { wholeWords: true }))).toEqual(["service"]);
    expect(found("aab ab", options("ab", { wholeWords: true }))).toEqual(["ab"]);
    expect(found("служби", options("служб", { wholeWords: true, regex: true }))).toEqual([]);
  });

  it("runs regular expressions on a linear-time engine, refuses a malformed one", () => {
    expect(found("ст. 12, ст. 345", options("ст\\. (\\d+)", { regex: true }))).toEqual(["ст. 12", "ст. 345"]);
    expect(found("Служба СЛУЖБА", options("служб\\p{L}", { regex: true }))).toEqual(["Служба", "СЛУЖБА"]);
    // Catastrophic for a backtracking engine (it would not finish); linear here.
    const evil = `${"a".repeat(30_000)}!`;
    expect(compileFind(options("(a+)+$", { regex: true })).test(evil)).toBe(false);
    expect(compileFind(options("(a+)+b", { regex: true })).matches(evil)).toEqual([]);
    expect(() => compileFind(options("(unclosed", { regex: true }))).toThrow(
      expect.objectContaining({ code: "invalid_input", details: { field: "find", reason: "bad_pattern" } }),
    );
    expect(found("abc", options("x*", { regex: true }))).toEqual([]);
  });
});

describe("replacing", () => {
  it("keeps the case of what it replaces when asked", () => {
    expect(preserveCase("Civil Service", "public service", "en")).toBe("Public Service");
    expect(preserveCase("civil service", "Public Service", "en")).toBe("public service");
    expect(preserveCase("CIVIL SERVICE", "public service", "en")).toBe("PUBLIC SERVICE");
    expect(preserveCase("Civil service", "public service", "en")).toBe("Public service");
    expect(preserveCase("Державна служба", "публічна адміністрація", "uk")).toBe("Публічна адміністрація");
    expect(preserveCase("Civil service", "the public administration", "en")).toBe("The public administration");
  });

  it("replaces every match but the skipped ones, with $1 from a regular expression", () => {
    const text = "Civil Service, civil service and CIVIL SERVICE.";
    const finder = compileFind(options("civil service"));
    const replace = { replace: "public service", regex: false, preserveCase: true, lang: "en" };
    expect(replaceIn(text, finder, replace).text).toBe("Public Service, public service and PUBLIC SERVICE.");
    expect(replaceIn(text, finder, replace, new Set([1]))).toMatchObject({
      text: "Public Service, civil service and PUBLIC SERVICE.",
      count: 2,
    });
    const cite = compileFind(options("\\[(\\d+), с\\. (\\d+)\\]", { regex: true }));
    const regex = { replace: "[$1, p. $2] ($$)", regex: true, preserveCase: false, lang: "en" };
    expect(replaceIn("See [52, с. 5].", cite, regex).text).toBe("See [52, p. 5] ($).");
    expect(replaceIn("a $1", compileFind(options("a")), { ...regex, replace: "$1" }).text).toBe("$1 $1");
  });
});
