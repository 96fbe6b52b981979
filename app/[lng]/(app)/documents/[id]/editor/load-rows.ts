import { api } from "@/lib/editor/api-client";
import { editorRow, type Row } from "@/lib/editor/rows";

/** Every paragraph after the first `loaded`, with its translations into `langs`, from the segments API. */
export async function loadRemainingRows(documentId: string, langs: string[], loaded: number): Promise<Row[] | null> {
  const answers = await Promise.all(langs.map((lang) => api.segments(documentId, lang)));
  if (answers.some((a) => !a.ok)) return null;
  const [first, ...others] = answers.map((a) => (a.ok ? a.data.segments : []));
  return first
    .slice(loaded)
    .map((s, i) => editorRow(s, langs, (_, l) => (l === 0 ? s.translation : others[l - 1][loaded + i].translation)));
}
