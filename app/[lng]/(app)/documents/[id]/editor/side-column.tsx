"use client";
// The docked column to the right of the paragraphs where side panels open (never over the text they
// are about): the open panel's title, a tab per panel, close, and a handle to resize it (mouse or
// arrow keys). On narrow screens it becomes a sheet at the bottom, under the paragraph it is about.

import { type KeyboardEvent, type PointerEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { EditorPanel, PanelContext } from "./panel-types";
import { clampWidth, MIN_WIDTH, type OpenPanel } from "./use-side-column";

interface Props {
  panels: readonly EditorPanel[];
  open: OpenPanel;
  ctx: PanelContext;
  width: number;
  setWidth(width: number): void;
  /** Brings the paragraph the panel is about into view beside it (the rows just got narrower). */
  onOpened(rowId: string, lang: string): void;
}

export function SideColumn({ panels, open, ctx, width, setWidth, onOpened }: Props) {
  const { t } = useTranslation();
  const column = useRef<HTMLElement>(null);
  const rowId = ctx.row?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per panel opened (or moved to another row), after the rows reflowed.
  useEffect(() => {
    if (!rowId) return;
    const frame = requestAnimationFrame(() => onOpened(rowId, ctx.lang));
    return () => cancelAnimationFrame(frame);
  }, [open.id, rowId]);
  const panel = panels.find((p) => p.id === open.id);
  if (!panel) return null;
  const { Component } = panel;
  const title = panel.title(t, ctx);
  const available = panels.filter((p) => p.available?.(ctx) ?? true);

  const drag = (e: PointerEvent<HTMLDivElement>) => {
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const right = column.current?.getBoundingClientRect().right ?? window.innerWidth;
    const move = (m: globalThis.PointerEvent) => setWidth(right - m.clientX);
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
  };
  const keys = (e: KeyboardEvent<HTMLDivElement>) => {
    const by = e.shiftKey ? 64 : 16;
    if (e.key === "ArrowLeft") setWidth(width + by);
    else if (e.key === "ArrowRight") setWidth(width - by);
    else if (e.key === "Home") setWidth(clampWidth(Number.POSITIVE_INFINITY));
    else if (e.key === "End") setWidth(MIN_WIDTH);
    else return;
    e.preventDefault();
  };

  return (
    <aside ref={column} className="side-column" aria-label={title} data-panel={panel.id}>
      <div
        className="side-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={t("editor.panels.resize")}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={clampWidth(Number.POSITIVE_INFINITY)}
        aria-valuenow={width}
        tabIndex={0}
        onPointerDown={drag}
        onKeyDown={keys}
      />
      <div className="side-head">
        <h2>{title}</h2>
        <button type="button" className="side-close" onClick={ctx.close}>
          {t("editor.close")}
        </button>
      </div>
      {available.length > 1 && (
        <nav className="side-tabs" aria-label={t("editor.panels.all")}>
          {available.map((p) => (
            <button
              key={p.id}
              type="button"
              aria-pressed={p.id === panel.id}
              title={p.shortcut ? `${p.label(t)} (${p.shortcut.label})` : p.label(t)}
              onClick={() => ctx.open(p.id, p.followsRow && ctx.row ? { rowId: ctx.row.id, lang: ctx.lang } : {})}
            >
              <span aria-hidden="true">{p.icon}</span> {p.label(t)}
            </button>
          ))}
        </nav>
      )}
      <div className="side-body">
        <Component ctx={ctx} args={open.args} />
      </div>
    </aside>
  );
}
