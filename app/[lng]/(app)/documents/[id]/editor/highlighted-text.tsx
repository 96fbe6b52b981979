import { type Span, splitBySpans } from "@/lib/notes/anchor";

/** Text with the spans of open notes marked. Used for the source, read-only translations and the textarea backdrop. */
export function HighlightedText({ text, spans }: { text: string; spans: Span[] }) {
  if (spans.length === 0) return <>{text}</>;
  return (
    <>
      {splitBySpans(text, spans).map((piece, i) =>
        piece.ids.length === 0 ? (
          <span key={i}>{piece.text}</span>
        ) : (
          <mark
            key={i}
            className={piece.ids.length > 1 ? "note-mark overlap" : "note-mark"}
            data-note-ids={piece.ids.join(" ")}
          >
            {piece.text}
          </mark>
        ),
      )}
    </>
  );
}
