// Input from outside: what zod refuses, and text no database column can hold on both databases.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "./errors";
import { INT_MAX, parseInput } from "./parse-input";

const Body = z.object({ ids: z.array(z.string()), note: z.object({ text: z.string() }).optional() });

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error("accepted");
}

describe("parseInput", () => {
  it("refuses a NUL character anywhere in the text, naming the field (PostgreSQL cannot store it)", () => {
    expect(refusal(() => parseInput(Body, { ids: ["a", "b\u0000"] }))).toEqual({
      code: "invalid_input",
      details: { field: "ids.1" },
    });
    expect(refusal(() => parseInput(Body, { ids: [], note: { text: "x\u0000y" } })).details).toEqual({
      field: "note.text",
    });
    expect(parseInput(Body, { ids: ["a"], note: { text: "tab\tand\nline" } })).toEqual({
      ids: ["a"],
      note: { text: "tab\tand\nline" },
    });
  });

  it("bounds versions to what an INTEGER column holds on both databases", () => {
    const Version = z.number().int().min(0).max(INT_MAX);
    expect(parseInput(Version, INT_MAX)).toBe(INT_MAX);
    expect(refusal(() => parseInput(Version, INT_MAX + 1)).code).toBe("invalid_input");
  });
});
