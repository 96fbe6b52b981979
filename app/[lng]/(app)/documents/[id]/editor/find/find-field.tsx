"use client";

import { useTranslation } from "react-i18next";
import { errorKeys } from "@/lib/error-params";
import type { FindOptions } from "@/lib/search/find";
import type { FindController } from "./use-find";

const toggles: { key: keyof Omit<FindOptions, "find">; icon: string; label: string }[] = [
  { key: "matchCase", icon: "Aa", label: "editor.find.matchCase" },
  { key: "wholeWords", icon: "W", label: "editor.find.wholeWords" },
  { key: "regex", icon: ".*", label: "editor.find.regex" },
];

/**
 * The search in source and translations: it filters the paragraphs and marks every match; Enter and
 * Shift+Enter step through them. The options apply to find and replace as well.
 */
export function FindField({ find, id }: { find: FindController; id?: string }) {
  const { t } = useTranslation();
  const { options } = find;
  const searching = Boolean(options.find.trim());
  return (
    <div className="find-field" role="search">
      <input
        id={id}
        type="search"
        placeholder={t("editor.search")}
        aria-label={t("editor.search")}
        aria-keyshortcuts="Enter Shift+Enter"
        aria-invalid={find.error ? true : undefined}
        aria-describedby={find.error ? `${id}-error` : undefined}
        value={options.find}
        onChange={(e) => find.set({ find: e.target.value })}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          find.step(e.shiftKey ? -1 : 1);
        }}
      />
      {toggles.map(({ key, icon, label }) => (
        <button
          key={key}
          type="button"
          className="find-toggle phone-extra"
          aria-pressed={options[key]}
          aria-label={t(label)}
          title={t(label)}
          onClick={() => find.set({ [key]: !options[key] })}
        >
          {icon}
        </button>
      ))}
      {searching && (
        <>
          <span className="find-count muted" role="status" data-testid="find-count">
            {find.error
              ? ""
              : find.position > 0
                ? t("editor.find.position", { position: find.position, total: find.total })
                : t("editor.find.total", { count: find.total })}
          </span>
          <button
            type="button"
            className="find-step"
            aria-label={t("editor.find.previous")}
            title={`${t("editor.find.previous")} (Shift+Enter)`}
            disabled={find.total === 0}
            onClick={() => find.step(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="find-step"
            aria-label={t("editor.find.next")}
            title={`${t("editor.find.next")} (Enter)`}
            disabled={find.total === 0}
            onClick={() => find.step(1)}
          >
            ↓
          </button>
        </>
      )}
      {find.error && (
        <span id={`${id}-error`} className="form-error find-error" role="alert">
          {t(errorKeys(find.error))}
        </span>
      )}
    </div>
  );
}
