// How many units have a word (or a trigram) changes slowly and only steers which lists are read
// first: counts are kept per database for a while. A count of 0 is never kept (the next confirmed
// unit may have the word), except in an `absent` set that one analysis passes along.
const TTL_MS = 10 * 60_000;
const MAX_KEYS = 200_000;

const caches = new WeakMap<object, Map<string, Map<string, { n: number; at: number }>>>();

export async function cachedCounts(
  owner: object,
  kind: string,
  keys: string[],
  count: (missing: string[]) => Promise<Map<string, number>>,
  options: { absent?: Set<string>; ttlMs?: number } = {},
): Promise<Map<string, number>> {
  const { absent, ttlMs = TTL_MS } = options;
  let byKind = caches.get(owner);
  if (!byKind) {
    byKind = new Map();
    caches.set(owner, byKind);
  }
  let cache = byKind.get(kind);
  if (!cache) {
    cache = new Map();
    byKind.set(kind, cache);
  }
  const now = Date.now();
  const out = new Map<string, number>();
  const missing: string[] = [];
  for (const key of keys) {
    const hit = cache.get(key);
    if (hit && now - hit.at < ttlMs) out.set(key, hit.n);
    else if (absent?.has(key)) out.set(key, 0);
    else missing.push(key);
  }
  if (missing.length === 0) return out;
  for (const [key, n] of await count(missing)) {
    out.set(key, n);
    if (n === 0) {
      absent?.add(key);
      continue;
    }
    cache.delete(key);
    cache.set(key, { n, at: now });
    if (cache.size > MAX_KEYS) cache.delete(cache.keys().next().value as string);
  }
  return out;
}
