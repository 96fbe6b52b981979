"use client";

import { type RefObject, useEffect } from "react";

/**
 * The sticky parts of the editor sit exactly under one another: the site's top bar, the editor's
 * header, then the column heads and the side column. Their heights change (wrapping, the offline
 * banner), so they are measured and given to CSS as --topbar-h and --editor-head-h on the editor.
 */
export function useStickyOffsets(root: RefObject<HTMLElement | null>, header: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const editor = root.current;
    const head = header.current;
    const topbar = document.querySelector<HTMLElement>(".topbar");
    if (!editor || !head) return;
    const measure = () => {
      // The top bar only stays on screen where it is sticky (wide windows); on phones it scrolls away.
      const sticky = topbar && getComputedStyle(topbar).position === "sticky";
      editor.style.setProperty("--topbar-h", `${sticky ? topbar.getBoundingClientRect().height : 0}px`);
      editor.style.setProperty("--editor-head-h", `${head.getBoundingClientRect().height}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    if (topbar) observer.observe(topbar);
    return () => observer.disconnect();
  }, [root, header]);
}
