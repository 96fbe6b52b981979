import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { Lng } from "@/lib/i18n/settings";

/** The target languages of a document's page (quality report, analysis) as links, the current one marked. */
export function TargetPicker({
  lng,
  langs,
  current,
  href,
}: {
  lng: Lng;
  langs: string[];
  current: string;
  href: (lang: string) => string;
}) {
  const t = getT(lng);
  return (
    <nav className="target-picker" aria-label={t("document.targetLanguage")}>
      {langs.map((lang) =>
        lang === current ? (
          <span key={lang} aria-current="true">
            {t(`lang.${lang}`)}
          </span>
        ) : (
          <Link key={lang} href={href(lang)}>
            {t(`lang.${lang}`)}
          </Link>
        ),
      )}
    </nav>
  );
}
