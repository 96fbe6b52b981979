import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

const home = "/en";

describe("where sign-in leads next", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNextPath("/en/documents/abc?target=kk#p12", home)).toBe("/en/documents/abc?target=kk#p12");
    expect(safeNextPath("/kk", home)).toBe("/kk");
    expect(safeNextPath("/en/a/../account", home)).toBe("/en/account");
    expect(safeNextPath("/en/search?q=%D1%84", home)).toBe("/en/search?q=%D1%84");
  });

  it.each([
    ["/%09/evil.example"],
    ["/\t/evil.example"],
    ["//evil.example"],
    ["//evil"],
    ["/\\evil"],
    ["/%5Cevil"],
    ["/%2F/evil.example"],
    ["\\\\evil"],
    ["https:evil"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["evil.example"],
    ["/en\r\nLocation: https://evil.example"],
    ["/en%0d%0aSet-Cookie:x=1"],
    ["/\u0000/evil"],
    ["/en\u2028"],
    ["/%"],
    [""],
    [" /en"],
  ])("sends %j home", (value) => {
    expect(safeNextPath(value, home)).toBe(home);
  });

  it("sends anything that is not one string home", () => {
    expect(safeNextPath(undefined, home)).toBe(home);
    expect(safeNextPath(null, home)).toBe(home);
    expect(safeNextPath(["/en"], home)).toBe(home);
    expect(safeNextPath(`/${"a".repeat(3000)}`, home)).toBe(home);
  });
});
