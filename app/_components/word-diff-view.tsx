import { wordDiff } from "@/lib/diff/word-diff";

/** A word diff as text with insertions and deletions marked (<ins>/<del>), never as HTML. */
export function WordDiffView({ before, after, lang }: { before: string; after: string; lang: string }) {
  return (
    <span className="word-diff" lang={lang}>
      {wordDiff(before, after, lang).map((part, i) =>
        part.kind === "added" ? (
          <ins key={i}>{part.text}</ins>
        ) : part.kind === "removed" ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
