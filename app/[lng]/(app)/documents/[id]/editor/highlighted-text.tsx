import { markClass } from "@/lib/editor/qa-model";
import { type Span, splitBySpans } from "@/lib/notes/anchor";

/** Matches of the editor's search in one text, and which of them is the current one (-1: none). */
export interface FindMarks {
  ranges: { start: number; end: number }[];
  current: number;
}

const FIND = "find:";

/**
 * Text with the spans of open notes and the matches of the search marked, and quality-check
 * findings underlined (span ids "qa:…"). Used for the source, read-only translations and the
 * textarea backdrop.
 */
export function HighlightedText({ text, spans, finds }: { text: string; spans: Span[]; finds?: FindMarks | null }) {
  const all = finds?.ranges.length ? [...spans, ...finds.ranges.map((r, i) => ({ ...r, id: `${FIND}${i}` }))] : spans;
  if (all.length === 0) return <>{text}</>;
  return (
    <>
      {splitBySpans(text, all).map((piece, i) => {
        if (piece.ids.length === 0) return <span key={i}>{piece.text}</span>;
        const found = piece.ids.find((id) => id.startsWith(FIND));
        const { className, noteIds } = markClass(piece.ids.filter((id) => !id.startsWith(FIND)));
        // A note's span and a search match are marked text (<mark>); a quality-check underline alone is only styled.
        if (noteIds.length === 0 && !found)
          return (
            <span key={i} className={className}>
              {piece.text}
            </span>
          );
        const classes = [
          className,
          found && "find-mark",
          found && Number(found.slice(FIND.length)) === finds?.current && "current",
        ].filter(Boolean);
        return (
          <mark
            key={i}
            className={classes.join(" ")}
            data-note-ids={noteIds.length ? noteIds.join(" ") : undefined}
            data-testid={found ? "find-mark" : undefined}
          >
            {piece.text}
          </mark>
        );
      })}
    </>
  );
}
