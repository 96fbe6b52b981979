// What a source update tells open editors: rows gone, and the fewest rows to read again so that every
// other row keeps its order. Pure.
import { describe, expect, it } from "vitest";
import { MAX_LISTED_SEGMENTS } from "../live/events";
import { paragraphChanges } from "./paragraph-changes";

/** The order an editor ends with: rows not named keep their order, rows read go to their new places. */
function replay(before: string[], after: string[], changes: { read: string[]; removed: string[] }) {
  const out = before.filter((id) => !changes.read.includes(id) && !changes.removed.includes(id));
  const placed = changes.read.map((id) => ({ id, at: after.indexOf(id) })).sort((a, b) => a.at - b.at);
  for (const p of placed) out.splice(p.at, 0, p.id);
  return out;
}

describe("paragraphChanges", () => {
  it("names added, changed and removed rows, and nothing that only shifted", () => {
    const before = ["a", "b", "c", "d", "e"];
    const after = ["a", "n", "b", "d", "e", "m"];
    const changes = paragraphChanges(before, after, ["d"], 7);
    expect(changes).toEqual({ read: ["n", "d", "m"], removed: ["c"], structureVersion: 7 });
    expect(replay(before, after, changes ?? { read: [], removed: [] })).toEqual(after);
  });

  it("a moved paragraph is named (the fewest rows that explain the new order), so the replay is exact", () => {
    const before = ["a", "b", "c", "d", "e", "f"];
    const after = ["a", "e", "b", "c", "d", "f"];
    const changes = paragraphChanges(before, after, [], 2);
    expect(changes?.read).toEqual(["e"]);
    expect(changes?.removed).toEqual([]);
    expect(replay(before, after, changes ?? { read: [], removed: [] })).toEqual(after);
  });

  it("a reversed document: every order is replayed exactly, whichever rows are named", () => {
    const before = ["a", "b", "c", "d", "e"];
    const after = [...before].reverse();
    const changes = paragraphChanges(before, after, [], 1);
    expect(changes?.read).toHaveLength(4);
    expect(replay(before, after, changes ?? { read: [], removed: [] })).toEqual(after);
  });

  it("random shuffles with additions and removals replay exactly", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      const before = Array.from({ length: 12 }, (_, i) => `o${i}`);
      const after = before.filter(() => random() > 0.2);
      for (let i = 0; i < 3; i++) after.splice(Math.floor(random() * (after.length + 1)), 0, `n${run}-${i}`);
      if (random() > 0.5 && after.length > 2) {
        const [moved] = after.splice(Math.floor(random() * after.length), 1);
        after.splice(Math.floor(random() * (after.length + 1)), 0, moved);
      }
      const changes = paragraphChanges(before, after, [], 1);
      expect(replay(before, after, changes ?? { read: [], removed: [] })).toEqual(after);
    }
  });

  it("a change naming more rows than an event may carry names none (editors reload)", () => {
    const before = Array.from({ length: MAX_LISTED_SEGMENTS + 1 }, (_, i) => `o${i}`);
    expect(paragraphChanges(before, [], [], 1)).toBeUndefined();
    expect(paragraphChanges(before, before.slice(1), [], 1)?.removed).toEqual(["o0"]);
  });
});
