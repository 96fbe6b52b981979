"use client";
// Presence on a paragraph: the initials of the others in it (with the language each is in), and the
// soft warning shown in a translation box someone else is editing too. Never a lock: both can type,
// and whoever saves second sees both texts in the merge view.

import { useT } from "@/app/i18n/i18n-provider";
import type { Person } from "@/lib/editor/live-model";

export type RowPeople = { person: Person; langs: (string | null)[] }[];

const AVATAR_COLOURS = 8;

/** A colour per person, the same on every screen (contrast checked in globals.css). */
export function avatarClass(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `avatar-c${hash % AVATAR_COLOURS}`;
}

export function RowPresence({ people }: { people: RowPeople | undefined }) {
  const { t } = useT();
  if (!people?.length) return null;
  return (
    <ul className="avatars row-avatars" data-testid="row-presence">
      {people.map(({ person, langs }) => {
        const where = langs
          .map((lang) => (lang ? t(`lang.${lang}`) : ""))
          .filter(Boolean)
          .join(", ");
        const label = t("live.personEditing", { name: person.name, lang: where || "—" });
        return (
          <li key={person.userId} className={`avatar small ${avatarClass(person.userId)}`} title={label}>
            <span aria-hidden="true">{person.initials}</span>
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Shown in the box the person is typing in when others are in the same paragraph and language. */
export function EditingHereNotice({ names }: { names: string[] }) {
  const { t, i18n } = useT();
  if (names.length === 0) return null;
  const list = new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(names);
  return (
    <p className="presence-notice" role="status" data-testid="editing-here">
      {t("live.editingHere", { names: list })}
    </p>
  );
}
