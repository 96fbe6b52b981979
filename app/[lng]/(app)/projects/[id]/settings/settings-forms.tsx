"use client";
// The sections of a project's settings page, each a form of its own with its own answer.

import { type ReactNode, useActionState, useState, useTransition } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { LanguagePicker } from "@/app/_components/language-picker";
import { keepValues } from "@/app/_lib/keep-values";
import type { ActionError } from "@/app/_lib/run-action";
import { languageLabel } from "@/lib/i18n/language-label";
import { archiveProjectAction, projectSettingsAction, trashProjectAction } from "./actions";

interface Section {
  projectId: string;
  section: string;
  disabled: boolean;
  children: ReactNode;
  submit: string;
}

/** A section's form: saves its own fields, says "Saved" or what was wrong. */
function SectionForm({ projectId, section, disabled, children, submit }: Section) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(projectSettingsAction, null);
  return (
    <form onSubmit={keepValues(action)} className="stack">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="section" value={section} />
      <fieldset disabled={disabled} className="plain">
        {children}
      </fieldset>
      <div className="row-actions">
        <button type="submit" className="primary" disabled={disabled || pending}>
          {submit}
        </button>
        {state?.ok && <span className="form-ok">{t("members.saved")}</span>}
      </div>
      <ErrorText error={state && !state.ok ? state.error : null} />
    </form>
  );
}

export function GeneralForm(p: { projectId: string; name: string; description: string; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <SectionForm projectId={p.projectId} section="general" disabled={p.disabled} submit={t("settings.save")}>
      <div className="stack">
        <label>
          {t("projects.name")}
          <input name="name" defaultValue={p.name} required maxLength={200} />
        </label>
        <label>
          {t("projects.description")}
          <textarea name="description" defaultValue={p.description} rows={3} maxLength={2000} />
        </label>
      </div>
    </SectionForm>
  );
}

interface LanguagesProps {
  projectId: string;
  sourceLang: string;
  targetLangs: string[];
  hiddenLangs: string[];
  disabled: boolean;
}

/** Target languages; removing one that has translations asks first (the server refuses otherwise). */
export function LanguagesForm(p: LanguagesProps) {
  const { t, i18n } = useTranslation();
  const [state, action, pending] = useActionState(projectSettingsAction, null);
  const [chosen, setChosen] = useState(p.targetLangs);
  const needsConfirm = state && !state.ok && state.error.details?.reason === "languages_have_translations";
  const removed = p.targetLangs.filter((l) => !chosen.includes(l));
  return (
    <form onSubmit={keepValues(action)} className="stack">
      <input type="hidden" name="projectId" value={p.projectId} />
      <input type="hidden" name="section" value="languages" />
      <p>
        {t("projects.sourceLang")}: <strong>{languageLabel(t, p.sourceLang, i18n.language)}</strong>{" "}
        <code>{p.sourceLang}</code>
      </p>
      <fieldset disabled={p.disabled} className="plain">
        <LanguagePicker
          name="targetLangs"
          initial={p.targetLangs}
          exclude={p.sourceLang}
          legend={t("projects.targetLangs")}
          onChange={setChosen}
        />
      </fieldset>
      {p.hiddenLangs.length > 0 && (
        <p className="muted">
          {t("settings.hiddenLangs", {
            langs: p.hiddenLangs.map((l) => `${languageLabel(t, l, i18n.language)} (${l})`).join(", "),
          })}
        </p>
      )}
      {removed.length > 0 && !needsConfirm && <p className="muted">{t("settings.removingHint")}</p>}
      <div className="row-actions">
        {needsConfirm ? (
          <button type="submit" name="confirmRemoveLanguages" value="yes" className="danger" disabled={pending}>
            {t("settings.confirmRemove")}
          </button>
        ) : (
          <button type="submit" className="primary" disabled={p.disabled || pending}>
            {t("settings.saveLanguages")}
          </button>
        )}
        {state?.ok && <span className="form-ok">{t("members.saved")}</span>}
      </div>
      {needsConfirm ? (
        <p className="notice" role="alert">
          {t("errors.reasons.languages_have_translations", { value: String(state.error.details?.value ?? "") })}
        </p>
      ) : (
        <ErrorText error={state && !state.ok ? state.error : null} />
      )}
    </form>
  );
}

export function PermissionsForm(p: {
  projectId: string;
  reviewersMayEdit: boolean;
  translatorsMayEditGlossary: boolean;
  translatorsMayEditSource: boolean;
  translatorsMayChangeApproved: boolean;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SectionForm projectId={p.projectId} section="permissions" disabled={p.disabled} submit={t("settings.save")}>
      <div className="stack">
        <label className="checkbox">
          <input type="checkbox" name="reviewersMayEdit" defaultChecked={p.reviewersMayEdit} />{" "}
          {t("members.reviewersMayEdit")}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="translatorsMayEditGlossary" defaultChecked={p.translatorsMayEditGlossary} />{" "}
          {t("members.translatorsMayEditGlossary")}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="translatorsMayEditSource" defaultChecked={p.translatorsMayEditSource} />{" "}
          {t("settings.translatorsMayEditSource")}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="translatorsMayChangeApproved" defaultChecked={p.translatorsMayChangeApproved} />{" "}
          {t("members.translatorsMayChangeApproved")}
        </label>
      </div>
    </SectionForm>
  );
}

export function QualityForm(p: { projectId: string; threshold: number; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <SectionForm projectId={p.projectId} section="quality" disabled={p.disabled} submit={t("quality.save")}>
      <label className="field">
        {t("quality.thresholdLabel")}
        <input name="threshold" type="number" min={0} max={1000} step="0.1" defaultValue={p.threshold} required />
      </label>
    </SectionForm>
  );
}

/** Archive or take out of the archive; move to the trash (restorable, so one click). */
export function ArchiveAndTrash(p: { projectId: string; lng: string; archived: boolean; canDelete: boolean }) {
  const { t } = useTranslation();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const run = (fn: () => Promise<{ ok: boolean; error?: ActionError } | undefined>) =>
    start(async () => {
      const result = await fn();
      setError(result && !result.ok ? (result.error ?? null) : null);
    });
  return (
    <div className="stack">
      <p className="muted">{p.archived ? t("settings.archivedExplain") : t("settings.archiveExplain")}</p>
      <div className="row-actions">
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => archiveProjectAction(p.projectId, !p.archived))}
        >
          {p.archived ? t("settings.unarchive") : t("settings.archive")}
        </button>
        {p.canDelete && (
          <button
            type="button"
            className="danger"
            disabled={pending}
            onClick={() => run(() => trashProjectAction(p.projectId, p.lng))}
          >
            {t("settings.trash")}
          </button>
        )}
      </div>
      <p className="muted">{t("settings.trashExplain")}</p>
      <ErrorText error={error} />
    </div>
  );
}
