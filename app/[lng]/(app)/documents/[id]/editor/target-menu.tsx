"use client";

import { useState } from "react";
import { MenuButton, type MenuItem } from "./menu-button";

/** Which translations are shown beside the source (one language, or all of them): a menu of links. */
export function TargetMenu({
  label,
  current,
  choices,
}: {
  /** "Target language" */
  label: string;
  current: string;
  choices: { label: string; href: string; current: boolean }[];
}) {
  const [open, setOpen] = useState(false);
  const items: MenuItem[] = choices.map((c) => ({
    id: c.href,
    label: c.label,
    href: c.href,
    checked: c.current,
    onSelect: () => {},
  }));
  return (
    <MenuButton
      label={`${label}: ${current}`}
      items={items}
      open={open}
      setOpen={setOpen}
      className="target-menu phone-extra"
    >
      {current} ▾
    </MenuButton>
  );
}
