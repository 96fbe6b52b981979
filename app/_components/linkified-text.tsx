import { Fragment } from "react";

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"«»]+[^\s<>"«».,;:!?)\]]/gu;

/**
 * Plain text with web addresses made clickable, nothing else: the text is never parsed as HTML,
 * and only http(s) links become anchors (no javascript: or data: addresses).
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: match[0], href: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return (
    <>
      {parts.map((p, i) =>
        p.href ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow">
            {p.text}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
