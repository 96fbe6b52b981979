"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslation } from "react-i18next";
import { type Lng, languages } from "@/lib/i18n/settings";

// Each language is named in itself, as language pickers do, so anyone can find their own.
const selfNames: Record<Lng, string> = { uk: "Українська", en: "English", kk: "Қазақша" };

export function LanguageSwitcher({ current }: { current: Lng }) {
  const { t } = useTranslation();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const rest = pathname.split("/").slice(2).join("/");
  return (
    <nav className="lang-switcher" aria-label={t("nav.interfaceLanguage")}>
      {languages.map((lng) =>
        lng === current ? (
          <span key={lng} aria-current="true" lang={lng}>
            {selfNames[lng]}
          </span>
        ) : (
          <Link
            key={lng}
            prefetch={false}
            href={`/${lng}${rest ? `/${rest}` : ""}${search ? `?${search}` : ""}`}
            lang={lng}
            hrefLang={lng}
          >
            {selfNames[lng]}
          </Link>
        ),
      )}
    </nav>
  );
}
