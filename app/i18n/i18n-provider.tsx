"use client";

import { createInstance } from "i18next";
import { type ReactNode, useMemo } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { missingKeyHandler } from "@/lib/i18n/missing-key";
import type { Messages } from "@/lib/i18n/resources";
import type { Lng } from "@/lib/i18n/settings";

/** Client components get the page's language and its strings from the server: nothing to fetch. */
export function I18nProvider({ lng, messages, children }: { lng: Lng; messages: Messages; children: ReactNode }) {
  const i18n = useMemo(() => {
    const instance = createInstance();
    instance.use(initReactI18next).init({
      lng,
      resources: { [lng]: { translation: messages } },
      initAsync: false,
      interpolation: { escapeValue: false },
      parseMissingKeyHandler: missingKeyHandler(lng),
    });
    return instance;
  }, [lng, messages]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
