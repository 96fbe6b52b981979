"use client";
// A memory's units as a table: older pages on demand, a search in this memory, and for owners an
// edit (source and translation) and a delete on each row.

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MemoryUnitList } from "@/lib/api/schemas/memory";
import { type ApiError, api, type Out } from "@/lib/editor/api-client";
import { errorKeys, errorParams } from "@/lib/error-params";

type Page = Out<typeof MemoryUnitList>;
type Unit = Page["units"][number];

interface Props {
  memoryId: string;
  sourceLang: string;
  langs: string[];
  first: Page;
  canEdit: boolean;
}

export function MemoryUnits({ memoryId, sourceLang, langs, first, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const [units, setUnits] = useState(first.units);
  const [next, setNext] = useState(first.next);
  const [query, setQuery] = useState("");
  const [searched, setSearched] = useState<{ total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });

  const more = async () => {
    if (next === null) return;
    const res = await api.memoryUnits(memoryId, { before: next });
    if (!res.ok) return setError(res.error);
    setUnits((u) => [...u, ...res.data.units]);
    setNext(res.data.next);
  };

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (query.trim() === "") {
      setUnits(first.units);
      setNext(first.next);
      setSearched(null);
      return;
    }
    const found = await Promise.all(
      langs.map((target) => api.searchMemories({ q: query, target, side: "source", memory: memoryId })),
    );
    const failed = found.find((r) => !r.ok);
    if (failed && !failed.ok) return setError(failed.error);
    const hits = found.flatMap((r, i) =>
      r.ok
        ? r.data.hits.map((h) => ({
            id: h.unitId,
            kind: h.kind,
            targetLang: langs[i],
            source: h.source,
            target: h.target,
            status: h.status,
            authorName: null,
            originDocumentId: h.originDocumentId,
            updatedAt: h.updatedAt,
          }))
        : [],
    );
    setUnits(hits);
    setNext(null);
    setSearched({ total: found.reduce((n, r) => n + (r.ok ? r.data.total : 0), 0) });
  };

  const save = async (unit: Unit, source: string, target: string) => {
    const res = await api.editMemoryUnit(memoryId, unit.id, { source, target });
    if (!res.ok) return setError(res.error);
    setError(null);
    setEditing(null);
    setUnits((list) => list.map((u) => (u.id === unit.id ? res.data.unit : u)));
  };

  const remove = async (unit: Unit) => {
    if (!window.confirm(t("memory.deleteUnitConfirm"))) return;
    const res = await api.deleteMemoryUnit(memoryId, unit.id);
    if (!res.ok) return setError(res.error);
    setUnits((list) => list.filter((u) => u.id !== unit.id));
  };

  return (
    <>
      <form className="inline-form" onSubmit={search} role="search">
        <label>
          {t("memory.phrase")}
          <input type="search" value={query} maxLength={500} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit">{t("memory.search")}</button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {t(errorKeys(error), errorParams(error))}
        </p>
      )}
      {searched && <p role="status">{t("memory.units", { count: searched.total })}</p>}
      {units.length === 0 ? (
        <p className="muted">{searched ? t("memory.noHits") : t("memory.noUnits")}</p>
      ) : (
        <table className="list memory-units">
          <thead>
            <tr>
              <th scope="col">{t("memory.source")}</th>
              <th scope="col">{t("memory.target")}</th>
              <th scope="col">{t("memory.updated")}</th>
              {canEdit && <th scope="col">{t("memory.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {units.map((u) =>
              editing === u.id ? (
                <EditRow key={u.id} unit={u} sourceLang={sourceLang} onSave={save} onCancel={() => setEditing(null)} />
              ) : (
                <tr key={u.id} data-testid="memory-unit">
                  <td lang={sourceLang}>{u.source}</td>
                  <td lang={u.targetLang}>
                    {u.target}{" "}
                    <span className="muted">({t(`lang.${u.targetLang}`, { defaultValue: u.targetLang })})</span>
                  </td>
                  <td>{date.format(new Date(u.updatedAt))}</td>
                  {canEdit && (
                    <td className="row-buttons">
                      <button type="button" onClick={() => setEditing(u.id)}>
                        {t("memory.edit")}
                      </button>
                      <button type="button" className="danger" onClick={() => void remove(u)}>
                        {t("memory.deleteUnit")}
                      </button>
                    </td>
                  )}
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {next !== null && (
        <button type="button" onClick={() => void more()}>
          {t("memory.moreUnits")}
        </button>
      )}
    </>
  );
}

function EditRow({
  unit,
  sourceLang,
  onSave,
  onCancel,
}: {
  unit: Unit;
  sourceLang: string;
  onSave: (unit: Unit, source: string, target: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState(unit.source);
  const [target, setTarget] = useState(unit.target);
  return (
    <tr>
      <td>
        <textarea
          aria-label={t("memory.source")}
          lang={sourceLang}
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      </td>
      <td>
        <textarea
          aria-label={t("memory.target")}
          lang={unit.targetLang}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </td>
      <td colSpan={2} className="row-buttons">
        <button type="button" className="primary" onClick={() => onSave(unit, source, target)}>
          {t("memory.saveUnit")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("memory.cancel")}
        </button>
      </td>
    </tr>
  );
}
