import { describe, expect, it } from "vitest";
import { getT } from "./server";

describe("language names", () => {
  it("are ours where the messages have them, ICU's in the interface language otherwise", () => {
    expect(getT("en")("lang.kk")).toBe("Kazakh");
    expect(getT("en")("lang.de")).toBe("German");
    expect(getT("uk")("lang.de")).toBe("німецька");
    expect(getT("kk")("lang.de-AT")).toMatch(/^неміс тілі/); // ICU words the region its own way
    // Anything else that is missing still shows its key, so a test can catch it.
    expect(getT("en")("nothing.here")).toBe("nothing.here");
  });
});
