"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/lib/editor/api-client";
import type { Lng } from "@/lib/i18n/settings";

/** Checked again this often, and whenever the window gets focus (the layout is not re-rendered on navigation). */
const REFRESH_MS = 120_000;

/** The top bar's link to the inbox, with how many mentions and send-backs are unread. */
export function InboxLink({ lng, unread: initial }: { lng: Lng; unread: number }) {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(initial);
  useEffect(() => setUnread(initial), [initial]);
  useEffect(() => {
    const refresh = async () => {
      const res = await api.unread();
      if (res.ok) setUnread(res.data.unread);
    };
    window.addEventListener("focus", refresh);
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      window.removeEventListener("focus", refresh);
      window.clearInterval(timer);
    };
  }, []);
  return (
    <Link href={`/${lng}/mentions`} className="inbox-link" data-testid="inbox-link">
      {t("inbox.title")}
      {unread > 0 && (
        <span className="count-badge" data-testid="unread-count">
          <span aria-hidden="true">{unread}</span>
          <span className="visually-hidden">{t("inbox.unread", { count: unread })}</span>
        </span>
      )}
    </Link>
  );
}
