"use client";

import { useTranslation } from "react-i18next";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" role="alert">
      <p>{t("errors.generic")}</p>
      <button type="button" onClick={reset}>
        {t("errors.retry")}
      </button>
    </section>
  );
}
