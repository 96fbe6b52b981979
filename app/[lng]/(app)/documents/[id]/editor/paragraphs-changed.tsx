"use client";
// The document's paragraphs changed in a way this view could not follow in place (a change it missed,
// one too big for the live event to name its rows, or one while a long document was still loading):
// the rows on screen no longer match it, so the person is asked to reload (after what they typed is
// sent; the outbox keeps it anyway).

import { useTranslation } from "react-i18next";

export function ParagraphsChanged({
  by,
  beforeReload,
}: {
  by: string | null | undefined;
  beforeReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  if (by === undefined) return null;
  return (
    <div className="banner live-banner" role="alert" data-testid="paragraphs-changed">
      <span>{t("live.paragraphsChanged", { name: by ?? t("editor.someone") })}</span>
      <button
        type="button"
        className="primary"
        onClick={async () => {
          await beforeReload();
          window.location.reload();
        }}
      >
        {t("live.reload")}
      </button>
    </div>
  );
}
