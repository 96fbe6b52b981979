"use client";

import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { signOutAction } from "@/app/[lng]/(public)/sign-in/actions";
import { clearOutboxes, SIGNING_OUT_EVENT, unsentEdits } from "@/lib/editor/outbox";
import type { Lng } from "@/lib/i18n/settings";

/**
 * "Sign out", which first asks when edits of this account are still waiting in the browser
 * (unsent: offline, refused, or in a conflict), and then removes them from it, so the next person
 * on this browser never has them.
 */
export function SignOutButton({ lng, userId }: { lng: Lng; userId: string }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const decided = useRef(false);
  const [waiting, setWaiting] = useState(0);

  const signOut = () => {
    decided.current = true;
    window.dispatchEvent(new Event(SIGNING_OUT_EVENT));
    clearOutboxes(window.localStorage, userId);
    dialog.current?.close();
    // Not from inside the submit event itself: browsers ignore a submit requested while one is firing.
    setTimeout(() => form.current?.requestSubmit(), 0);
  };

  const onSubmit = (event: FormEvent) => {
    if (decided.current) return;
    event.preventDefault();
    const count = unsentEdits(window.localStorage, userId);
    if (count === 0) return signOut();
    setWaiting(count);
    dialog.current?.showModal();
  };

  return (
    <>
      <form ref={form} action={signOutAction} onSubmit={onSubmit}>
        <input type="hidden" name="lng" value={lng} />
        <button type="submit" className="link">
          {t("nav.signOut")}
        </button>
      </form>
      <dialog ref={dialog} className="dialog" aria-labelledby="sign-out-title">
        <h2 id="sign-out-title">{t("nav.unsentTitle", { count: waiting })}</h2>
        <p>{t("nav.unsentBody", { count: waiting })}</p>
        <div className="row-buttons">
          {/* The safe answer first: a modal dialog focuses its first button. */}
          <button type="button" className="primary" onClick={() => dialog.current?.close()}>
            {t("nav.staySignedIn")}
          </button>
          <button type="button" className="danger" onClick={signOut}>
            {t("nav.signOutDiscard")}
          </button>
        </div>
      </dialog>
    </>
  );
}
