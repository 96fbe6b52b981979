// Notes that mention the signed-in person with @, newest first, each linking to its paragraph.
import Link from "next/link";
import { notFound } from "next/navigation";
import { LinkifiedText } from "@/app/_components/linkified-text";
import { requireSignedIn } from "@/app/_lib/session";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { listMentions } from "@/lib/notes/notes";

export const dynamic = "force-dynamic";

export default async function MentionsPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const mentions = await listMentions(getDb(), actor.userId);
  const t = getT(lng);
  return (
    <>
      <h1>{t("notes.mentionsTitle")}</h1>
      {mentions.length === 0 && <p className="muted">{t("notes.noMentions")}</p>}
      <ol className="threads">
        {mentions.map((m) => (
          <li key={m.id} className={`thread${m.resolved ? " resolved" : ""}`} data-testid="mention">
            <div className="note-meta">
              <strong>{m.author?.name ?? t("editor.someone")}</strong>
              <span className="muted">{new Date(m.createdAt).toLocaleString(lng)}</span>
              <Link href={`/${lng}/documents/${m.document.id}${m.lang ? `?target=${m.lang}` : ""}#p${m.position}`}>
                {t("notes.inDocument", { title: m.document.title, position: m.position })}
              </Link>
            </div>
            <p className="note-body">
              <LinkifiedText text={m.body} />
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
