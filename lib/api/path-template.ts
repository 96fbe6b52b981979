// "/api/v1/segments/{segmentId}/translations/{lang}" as a matcher of request paths: the one place a
// route's path is turned into a pattern (the production server routes its direct saves with it).

export type PathMatcher = (url: string | undefined) => Record<string, string> | null;

export function pathMatcher(template: string): PathMatcher {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/?#]+)";
    })
    .join("");
  const pattern = new RegExp(`^${source}/?$`);
  return (url) => {
    const match = pattern.exec((url ?? "/").split("?")[0]);
    if (!match) return null;
    try {
      return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    } catch {
      return null; // a malformed %-escape: not this route
    }
  };
}
