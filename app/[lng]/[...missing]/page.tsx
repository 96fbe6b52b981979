// Any path under a language that no page has: the translated not-found page, rendered per request
// inside the layout. Without this Next answers with its prerendered /_not-found, whose scripts and
// style carry no nonce, so the Content-Security-Policy blocks them (docs/security.md).
import { notFound } from "next/navigation";

export default function Missing(): never {
  notFound();
}
