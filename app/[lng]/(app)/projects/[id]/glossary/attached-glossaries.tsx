"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { type ApiError, api } from "@/lib/editor/api-client";

interface Props {
  projectId: string;
  glossaries: { projectId: string; projectName: string; entries: number }[];
  attachable: { projectId: string; projectName: string }[];
  canAttach: boolean;
  onChanged: () => void;
}

/** Other projects' glossaries used here read-only; their owners attach and detach them. */
export function AttachedGlossaries({ projectId, glossaries, attachable, canAttach, onChanged }: Props) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [offered, setOffered] = useState(attachable);
  if (!canAttach && glossaries.length === 0) return null;

  const attach = async () => {
    const res = await api.attachGlossary(projectId, { projectId: choice });
    if (!res.ok) return setError(res.error);
    setError(null);
    setOffered((o) => o.filter((p) => p.projectId !== choice));
    setChoice("");
    onChanged();
  };
  const detach = async (from: { projectId: string; projectName: string }) => {
    const res = await api.detachGlossary(projectId, from.projectId);
    if (!res.ok) return setError(res.error);
    setError(null);
    setOffered((o) => [...o, { projectId: from.projectId, projectName: from.projectName }]);
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="attached-glossaries">
      <h2 id="attached-glossaries">{t("glossary.attachedTitle")}</h2>
      <p className="muted">{t("glossary.attachedIntro")}</p>
      {glossaries.length === 0 ? (
        <p className="muted">{t("glossary.noneAttached")}</p>
      ) : (
        <ul className="attached-list">
          {glossaries.map((g) => (
            <li key={g.projectId}>
              <span>
                {g.projectName} <span className="muted">· {t("glossary.entryCount", { count: g.entries })}</span>
              </span>
              {canAttach && (
                <button
                  type="button"
                  className="small"
                  onClick={() => void detach(g)}
                  aria-label={`${t("glossary.detach")}: ${g.projectName}`}
                >
                  {t("glossary.detach")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAttach &&
        (offered.length === 0 ? (
          <p className="muted">{t("glossary.nothingToAttach")}</p>
        ) : (
          <div className="inline-form">
            <label>
              {t("glossary.attachFrom")}{" "}
              <select value={choice} onChange={(e) => setChoice(e.target.value)}>
                <option value="">—</option>
                {offered.map((p) => (
                  <option key={p.projectId} value={p.projectId}>
                    {p.projectName}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!choice} onClick={() => void attach()}>
              {t("glossary.attach")}
            </button>
          </div>
        ))}
      <ErrorText error={error} />
    </section>
  );
}
