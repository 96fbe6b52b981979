"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useId, useState } from "react";

/**
 * The top bar's links (interface language, mentions, account, sign out): in a row on wide screens,
 * folded behind one button on phones and narrow windows (≤ 640 px), so the bar never pushes the page
 * sideways.
 */
export function TopBarMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes it.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div className={`topbar-menu${open ? " open" : ""}`}>
      <button
        type="button"
        className="topbar-menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰</span> {label}
      </button>
      <div id={id} className="topbar-menu-content">
        {children}
      </div>
    </div>
  );
}
