"use client";

import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { missingKeyHandler } from "@/lib/i18n/missing-key";
import type { Messages } from "@/lib/i18n/resources";
import type { Lng } from "@/lib/i18n/settings";

interface Translation {
  t: TFunction;
  i18n: I18n;
}

const TranslationContext = createContext<Translation | null>(null);

/** Client components get the page's language and its strings from the server: nothing to fetch. */
export function I18nProvider({ lng, messages, children }: { lng: Lng; messages: Messages; children: ReactNode }) {
  const value = useMemo<Translation>(() => {
    const instance = createInstance();
    instance.use(initReactI18next).init({
      lng,
      resources: { [lng]: { translation: messages } },
      initAsync: false,
      interpolation: { escapeValue: false },
      parseMissingKeyHandler: missingKeyHandler(lng),
    });
    return { t: instance.getFixedT(lng), i18n: instance };
  }, [lng, messages]);
  return (
    <I18nextProvider i18n={value.i18n}>
      <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>
    </I18nextProvider>
  );
}

/**
 * `useTranslation()` for components rendered once per paragraph (the editor's rows). react-i18next's
 * hook makes each caller its own copy of the i18next instance and its own bound `t` on first render;
 * with a few hundred row components that was a seventh of the editor page's server render and as
 * much of its hydration (bench/, npm run bench). The language of a page never changes without a new
 * provider (it is in the URL), so one `t` made with the instance serves every row.
 */
export function useT(): Translation {
  const value = useContext(TranslationContext);
  if (!value) throw new Error("useT needs the I18nProvider");
  return value;
}
