// The analysis bands by name, without zod: the browser's pages list them too, and zod's check for
// eval (its JIT) would be reported as a Content-Security-Policy violation there.
export const bands = ["repetitions", "context", "exact", "95-99", "85-94", "75-84", "50-74", "none"] as const;
export type Band = (typeof bands)[number];
