"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { EntryDialog, type EntryView } from "@/app/_components/glossary/entry-dialog";
import { LanguageOptions, StatusOptions } from "@/app/_components/glossary/term-translations";
import { useModalDialog } from "@/app/[lng]/(app)/documents/[id]/editor/panels";
import type { GlossaryList } from "@/lib/api/schemas/glossary";
import { type ApiError, api, type Out } from "@/lib/editor/api-client";
import { AttachedGlossaries } from "./attached-glossaries";
import { EntryTable } from "./entry-table";
import { GlossaryImport } from "./glossary-import";

type List = Out<typeof GlossaryList>;
interface Filters {
  q: string;
  lang: string;
  status: string;
  from: string;
}

interface Props {
  lng: string;
  projectId: string;
  sourceLang: string;
  targetLangs: string[];
  permissions: { canEdit: boolean; canAttach: boolean };
  first: List;
  attachable: { projectId: string; projectName: string }[];
  maxMb: number;
}

const queryOf = (f: Filters, cursor?: string) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v.trim()) q.set(k, v.trim());
  if (cursor) q.set("cursor", cursor);
  return q;
};

export function GlossaryClient({
  lng,
  projectId,
  sourceLang,
  targetLangs,
  permissions,
  first,
  attachable,
  maxMb,
}: Props) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ q: "", lang: "", status: "", from: "" });
  const [list, setList] = useState<List>(first);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<EntryView | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<EntryView | null>(null);
  const asked = useRef(0);

  const load = useCallback(
    async (f: Filters) => {
      const mine = ++asked.current;
      const res = await api.glossary(projectId, queryOf(f));
      if (mine !== asked.current) return; // a newer search answered meanwhile
      if (res.ok) {
        setList(res.data);
        setError(null);
      } else setError(res.error);
    },
    [projectId],
  );

  // Typing waits a moment before searching; the selects search at once.
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    const timer = setTimeout(() => void load(filters), 250);
    return () => clearTimeout(timer);
  }, [filters, load]);

  const reload = () => load(filters);
  const more = async () => {
    if (!list.nextCursor) return;
    const res = await api.glossary(projectId, queryOf(filters, list.nextCursor));
    if (res.ok) setList({ ...res.data, entries: [...list.entries, ...res.data.entries] });
    else setError(res.error);
  };
  const set = (name: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [name]: e.target.value }));
  const exportHref = (format: string) =>
    `/api/v1/projects/${encodeURIComponent(projectId)}/glossary/export?format=${format}`;

  return (
    <>
      <section className="card stack" aria-labelledby="glossary-entries">
        <div className="card-head">
          <h2 id="glossary-entries">{t("glossary.entries", { count: list.total })}</h2>
          <span className="spacer" />
          {permissions.canEdit && (
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              {t("glossary.add")}
            </button>
          )}
          <a href={exportHref("tbx")} download>
            {t("glossary.exportTbx")}
          </a>
          <a href={exportHref("csv")} download>
            {t("glossary.exportCsv")}
          </a>
        </div>
        <div role="search" className="filters glossary-filters">
          <label>
            {t("glossary.search")} <input type="search" value={filters.q} onChange={set("q")} maxLength={300} />
          </label>
          <label>
            {t("glossary.language")}{" "}
            <select value={filters.lang} onChange={set("lang")}>
              <option value="">{t("editor.allTargets")}</option>
              <LanguageOptions langs={targetLangs} />
            </select>
          </label>
          <label>
            {t("glossary.status")}{" "}
            <select value={filters.status} onChange={set("status")}>
              <option value="">{t("editor.allStatuses")}</option>
              <StatusOptions />
            </select>
          </label>
          {list.glossaries.length > 1 && (
            <label>
              {t("glossary.from")}{" "}
              <select value={filters.from} onChange={set("from")}>
                <option value="">{t("glossary.allGlossaries")}</option>
                {list.glossaries.map((g) => (
                  <option key={g.projectId} value={g.projectId}>
                    {g.own ? t("glossary.own") : g.projectName}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <p role="status" className="form-ok">
          {notice}
        </p>
        <ErrorText error={error} />
        <EntryTable
          entries={list.entries}
          sourceLang={sourceLang}
          targetLangs={targetLangs}
          glossaries={list.glossaries}
          onEdit={setEditing}
          onDelete={setDeleting}
        />
        {list.nextCursor && (
          <p>
            <button type="button" onClick={() => void more()}>
              {t("glossary.more", { shown: list.entries.length, total: list.total })}
            </button>
          </p>
        )}
      </section>
      {permissions.canEdit && (
        <GlossaryImport lng={lng} projectId={projectId} maxMb={maxMb} onImported={() => void reload()} />
      )}
      <AttachedGlossaries
        projectId={projectId}
        glossaries={list.glossaries.filter((g) => !g.own)}
        attachable={attachable}
        canAttach={permissions.canAttach}
        onChanged={() => void reload()}
      />
      <EntryDialog
        open={adding || editing !== null}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        projectId={projectId}
        sourceLang={sourceLang}
        targetLangs={targetLangs}
        entry={editing}
        onSaved={(answer) => {
          setNotice(answer.message ?? t("glossary.saved", { term: answer.entry.term }));
          void reload();
        }}
      />
      <DeleteDialog
        entry={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(entry) => {
          setNotice(t("glossary.deleted", { term: entry.term }));
          void reload();
        }}
      />
    </>
  );
}

function DeleteDialog({
  entry,
  onClose,
  onDeleted,
}: {
  entry: EntryView | null;
  onClose: () => void;
  onDeleted: (entry: EntryView) => void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(entry !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const remove = async () => {
    if (!entry) return;
    const res = await api.deleteGlossaryEntry(entry.id);
    if (!res.ok) return setError(res.error);
    setError(null);
    onDeleted(entry);
    onClose();
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="delete-entry-title" onClose={onClose}>
      <h2 id="delete-entry-title">{t("glossary.deleteTitle", { term: entry?.term ?? "" })}</h2>
      <p>{t("glossary.deleteWarning")}</p>
      <ErrorText error={error} />
      <div className="row-buttons">
        <button type="button" className="danger" onClick={() => void remove()}>
          {t("glossary.delete")}
        </button>
        <button type="button" onClick={onClose}>
          {t("glossary.cancel")}
        </button>
      </div>
    </dialog>
  );
}
