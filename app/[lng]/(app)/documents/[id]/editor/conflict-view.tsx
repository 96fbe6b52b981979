"use client";

import { useState } from "react";
import { WordDiffView } from "@/app/_components/word-diff-view";
import { useT } from "@/app/i18n/i18n-provider";
import type { Cell } from "@/lib/editor/rows";

/** Someone saved first: both texts side by side, the difference marked, and the person decides. */
export function ConflictView({
  cell,
  lang,
  onKeepMine,
  onTakeTheirs,
  onSaveMerge,
}: {
  cell: Cell & { conflict: NonNullable<Cell["conflict"]> };
  lang: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onSaveMerge: (text: string) => void;
}) {
  const { t } = useT();
  const [merging, setMerging] = useState(false);
  const [merge, setMerge] = useState(cell.conflict.mine);
  const { current, mine } = cell.conflict;
  return (
    <div className="conflict" role="alert">
      <p className="conflict-title">
        {t("editor.conflictTitle", { name: current.updatedBy?.name ?? t("editor.someone") })}
      </p>
      <div className="conflict-sides">
        <div>
          <h4>{t("editor.yours")}</h4>
          <p lang={lang} data-testid="conflict-mine">
            {mine}
          </p>
        </div>
        <div>
          <h4>{t("editor.theirs")}</h4>
          <p lang={lang} data-testid="conflict-theirs">
            {current.text}
          </p>
        </div>
      </div>
      <p className="muted">{t("editor.diffTheirsToYours")}</p>
      <p className="conflict-diff">
        <WordDiffView before={current.text} after={mine} lang={lang} />
      </p>
      {merging ? (
        <div className="stack">
          <textarea
            lang={lang}
            value={merge}
            onChange={(e) => setMerge(e.target.value)}
            aria-label={t("editor.editMerge")}
          />
          <button type="button" className="primary" onClick={() => onSaveMerge(merge)}>
            {t("editor.saveMerge")}
          </button>
        </div>
      ) : (
        <div className="row-buttons">
          <button type="button" className="primary" onClick={onKeepMine}>
            {t("editor.keepMine")}
          </button>
          <button type="button" onClick={onTakeTheirs}>
            {t("editor.takeTheirs")}
          </button>
          <button type="button" onClick={() => setMerging(true)}>
            {t("editor.editMerge")}
          </button>
        </div>
      )}
    </div>
  );
}
