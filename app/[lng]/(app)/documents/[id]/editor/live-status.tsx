"use client";
// The header's live corner: whether others' changes arrive ("live") or the stream is being opened
// again ("reconnecting"), and the initials of everyone else who has the document open.

import { useTranslation } from "react-i18next";
import type { Person, LiveStatus as Status } from "@/lib/editor/live-model";
import { avatarClass } from "./row-presence";

export function LiveStatus({ status, people }: { status: Status; people: Person[] }) {
  const { t } = useTranslation();
  return (
    <div className="live-status" data-testid="live-status">
      <span className={`live-state ${status}`} role="status" data-state={status} title={t(`live.${status}Title`)}>
        <span className="live-dot" aria-hidden="true" />
        <span className="live-label">{t(`live.${status}`)}</span>
      </span>
      {people.length > 0 && (
        <ul className="avatars" aria-label={t("live.alsoHere", { count: people.length })} data-testid="present-people">
          {people.map((person) => (
            <li key={person.userId} className={`avatar ${avatarClass(person.userId)}`} title={person.name}>
              <span aria-hidden="true">{person.initials}</span>
              <span className="visually-hidden">{person.name}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
