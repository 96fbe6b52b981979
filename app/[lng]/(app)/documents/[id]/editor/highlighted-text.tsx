import { markClass } from "@/lib/editor/qa-model";
import { type Span, splitBySpans } from "@/lib/notes/anchor";

/**
 * Text with the spans of open notes marked, and quality-check findings underlined (span ids "qa:…").
 * Used for the source, read-only translations and the textarea backdrop.
 */
export function HighlightedText({ text, spans }: { text: string; spans: Span[] }) {
  if (spans.length === 0) return <>{text}</>;
  return (
    <>
      {splitBySpans(text, spans).map((piece, i) => {
        if (piece.ids.length === 0) return <span key={i}>{piece.text}</span>;
        const { className, noteIds } = markClass(piece.ids);
        // A note's span is marked text (<mark>); a quality-check underline alone is only styled.
        if (noteIds.length === 0)
          return (
            <span key={i} className={className}>
              {piece.text}
            </span>
          );
        return (
          <mark key={i} className={className} data-note-ids={noteIds.join(" ")}>
            {piece.text}
          </mark>
        );
      })}
    </>
  );
}
