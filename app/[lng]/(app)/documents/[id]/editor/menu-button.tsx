"use client";
// A button that opens a menu of actions (the WAI-ARIA menu button pattern): arrow keys move, Enter
// runs an item, Esc closes and gives focus back. Used for the toolbar's rarely used actions and a
// paragraph's actions, so neither costs more than one tab stop (the row's costs none).

import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";

export interface MenuItem {
  id: string;
  label: string;
  /** Shown beside the label, e.g. "Alt+R". */
  shortcut?: string;
  onSelect(): void;
  disabled?: boolean;
  /** A checkbox item (menuitemcheckbox) when set. */
  checked?: boolean;
  /** A link instead of an action. */
  href?: string;
}

interface Props {
  label: string;
  /** What the button shows; the label when none. */
  children?: ReactNode;
  items: MenuItem[];
  open: boolean;
  setOpen(open: boolean): void;
  className?: string;
  /** -1 keeps the button out of the tab order (a paragraph's menu opens with Shift+F10 from its text box). */
  tabIndex?: number;
  /** Where focus goes when the menu closes; the button by default. */
  returnFocus?: RefObject<HTMLElement | null>;
  testId?: string;
}

export function MenuButton({ label, children, items, open, setOpen, className, tabIndex, returnFocus, testId }: Props) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      menu.current?.querySelector<HTMLElement>("[role^=menuitem]:not([aria-disabled=true])")?.focus();
      const outside = (e: PointerEvent) => {
        const target = e.target as Node;
        if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
      };
      document.addEventListener("pointerdown", outside);
      return () => document.removeEventListener("pointerdown", outside);
    }
    if (wasOpen.current) {
      wasOpen.current = false;
      // Only when focus is still in the menu: a click elsewhere keeps the focus it gave.
      const active = document.activeElement;
      if (!active || active === document.body || menu.current?.contains(active))
        (returnFocus?.current ?? button.current)?.focus();
    }
  }, [open, setOpen, returnFocus]);

  const close = () => setOpen(false);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>("[role^=menuitem]") ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => entries[(to + entries.length) % entries.length]?.focus();
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(entries.length - 1);
    else if (e.key === "Escape") close();
    else if (e.key === "Tab") return close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <span className={`menu-wrap ${className ?? ""}`}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={children ? label : undefined}
        title={label}
        tabIndex={tabIndex}
        data-testid={testId}
        onClick={() => setOpen(!open)}
      >
        {children ?? label}
      </button>
      {open && (
        <div ref={menu} id={id} role="menu" aria-label={label} className="menu" onKeyDown={onKeyDown}>
          {items.map((item) => {
            const content = (
              <>
                <span>{item.label}</span>
                {item.shortcut && <kbd>{item.shortcut}</kbd>}
              </>
            );
            const select = () => {
              if (item.disabled) return;
              close();
              item.onSelect();
            };
            return item.href && item.checked !== undefined ? (
              <a
                key={item.id}
                role="menuitemradio"
                aria-checked={item.checked}
                tabIndex={-1}
                href={item.href}
                className="menu-item"
                onClick={close}
              >
                {content}
              </a>
            ) : item.href ? (
              <a key={item.id} role="menuitem" tabIndex={-1} href={item.href} className="menu-item" onClick={close}>
                {content}
              </a>
            ) : item.checked !== undefined ? (
              <button
                key={item.id}
                type="button"
                role="menuitemcheckbox"
                aria-checked={item.checked}
                tabIndex={-1}
                className="menu-item"
                onClick={select}
              >
                {content}
              </button>
            ) : (
              <button
                key={item.id}
                type="button"
                role="menuitem"
                aria-disabled={item.disabled || undefined}
                tabIndex={-1}
                className="menu-item"
                onClick={select}
              >
                {content}
              </button>
            );
          })}
        </div>
      )}
    </span>
  );
}
