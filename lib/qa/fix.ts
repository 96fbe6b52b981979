// Applying a quick fix to the target text.
import type { Fix } from "./types";

/** The target with the fix's edits applied (edits are in the original target's offsets). */
export function applyFix(target: string, fix: Fix): string {
  let out = target;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
