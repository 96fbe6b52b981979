import type { Row } from "@/lib/editor/rows";

/** Every paragraph after the first `loaded`, with its translations into `langs`, from the segments API. */
export async function loadRemainingRows(documentId: string, langs: string[], loaded: number): Promise<Row[] | null> {
  type Answer = {
    segments: {
      id: string;
      position: number;
      kind: Row["kind"];
      source: string;
      wordCount: number;
      translation: { text: string; status: Row["cells"][string]["status"]; version: number };
    }[];
  };
  const answers = await Promise.all(
    langs.map((lang) =>
      fetch(`/api/v1/documents/${encodeURIComponent(documentId)}/segments?target=${encodeURIComponent(lang)}`)
        .then((res) => (res.ok ? (res.json() as Promise<Answer>) : null))
        .catch(() => null),
    ),
  );
  if (answers.some((a) => !a)) return null;
  const [first, ...others] = answers as Answer[];
  return first.segments.slice(loaded).map((s, i) => ({
    id: s.id,
    position: s.position,
    kind: s.kind,
    source: s.source,
    wordCount: s.wordCount,
    cells: Object.fromEntries(
      langs.map((lang, l) => {
        const tr = l === 0 ? s.translation : others[l - 1].segments[loaded + i].translation;
        return [
          lang,
          { text: tr.text, savedText: tr.text, status: tr.status, version: tr.version, state: "saved" as const },
        ];
      }),
    ),
  }));
}
