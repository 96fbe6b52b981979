interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * People named in a note with "@": by their full name ("@Olena Kovalenko"), or by the part of their
 * email before "@" ("@olena.k"), case-insensitively. The longest name wins, so "@Anna Maria" is not
 * also "@Anna".
 */
export function findMentions(body: string, people: Person[]): string[] {
  const lower = body.toLocaleLowerCase();
  const handles = people
    .flatMap((p) => [
      { id: p.id, handle: p.name.toLocaleLowerCase() },
      { id: p.id, handle: p.email.toLocaleLowerCase() },
      { id: p.id, handle: p.email.split("@")[0].toLocaleLowerCase() },
    ])
    .filter((h) => h.handle.length > 0)
    .sort((a, b) => b.handle.length - a.handle.length);
  const found = new Set<string>();
  for (let at = lower.indexOf("@"); at >= 0; at = lower.indexOf("@", at + 1)) {
    const rest = lower.slice(at + 1);
    const hit = handles.find((h) => rest.startsWith(h.handle) && !/[\p{L}\p{N}]/u.test(rest.charAt(h.handle.length)));
    if (hit) found.add(hit.id);
  }
  return [...found];
}
