// The inbox: paragraphs sent back to the signed-in person, then notes that mention them, newest
// first. Opening an item marks it read (the top bar counts the rest) and shows its paragraph.
import { notFound } from "next/navigation";
import { LinkifiedText } from "@/app/_components/linkified-text";
import { requireSignedIn } from "@/app/_lib/session";
import { getDb } from "@/lib/db/client";
import { languageName } from "@/lib/i18n/language-names";
import { getT } from "@/lib/i18n/server";
import { isLng, type Lng } from "@/lib/i18n/settings";
import { listInbox } from "@/lib/notes/inbox";
import { markAllReadAction, openItemAction } from "./actions";

export const dynamic = "force-dynamic";

type Item = Awaited<ReturnType<typeof listInbox>>["mentions"][number];

function InboxItem({ item, lng, testId }: { item: Item; lng: Lng; testId: string }) {
  const t = getT(lng);
  const where = t("notes.inDocument", { title: item.document.title, position: item.position });
  return (
    <li className={`thread inbox-item${item.read ? "" : " unread"}`} data-testid={testId}>
      <div className="note-meta">
        {!item.read && <span className="unread-badge">{t("inbox.new")}</span>}
        <strong>{item.author?.name ?? t("editor.someone")}</strong>
        <span className="muted">{new Date(item.createdAt).toLocaleString(lng)}</span>
        {item.lang && <span className="lang-tag">{languageName(item.lang, lng)}</span>}
      </div>
      <p className="note-body">
        <LinkifiedText text={item.body} />
      </p>
      <form action={openItemAction}>
        <input type="hidden" name="lng" value={lng} />
        <input type="hidden" name="noteId" value={item.id} />
        <button type="submit" className="link">
          {t("inbox.open", { where })}
        </button>
      </form>
    </li>
  );
}

export default async function InboxPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const inbox = await listInbox(getDb(), actor);
  const t = getT(lng);
  const unreadIds = [...inbox.sentBack, ...inbox.mentions].filter((i) => !i.read).map((i) => i.id);
  return (
    <>
      <div className="doc-header">
        <h1>{t("inbox.title")}</h1>
        <span className="muted" data-testid="inbox-unread">
          {t("inbox.unread", { count: inbox.unread })}
        </span>
        <span className="spacer" />
        {unreadIds.length > 0 && (
          <form action={markAllReadAction}>
            {unreadIds.map((id) => (
              <input key={id} type="hidden" name="noteId" value={id} />
            ))}
            <button type="submit">{t("inbox.markAllRead")}</button>
          </form>
        )}
      </div>
      <section className="card" aria-labelledby="sent-back-heading">
        <h2 id="sent-back-heading">{t("inbox.sentBack", { count: inbox.sentBack.length })}</h2>
        {inbox.sentBack.length === 0 ? (
          <p className="muted">{t("inbox.noSentBack")}</p>
        ) : (
          <ol className="threads">
            {inbox.sentBack.map((item) => (
              <InboxItem key={item.id} item={item} lng={lng} testId="sent-back" />
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="mentions-heading">
        <h2 id="mentions-heading">{t("notes.mentionsTitle")}</h2>
        {inbox.mentions.length === 0 ? (
          <p className="muted">{t("notes.noMentions")}</p>
        ) : (
          <ol className="threads">
            {inbox.mentions.map((item) => (
              <InboxItem key={item.id} item={item} lng={lng} testId="mention" />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
