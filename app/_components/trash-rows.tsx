// A trash as a table (the deleted projects; a project's deleted documents): per row the name, the
// columns its page adds, when and by whom it was deleted, when the purge removes it, Restore and
// "delete forever". On a phone each row is a card (`phone-cards`, cells labelled by their heads).
import type { ReactNode } from "react";
import type { ActionResult } from "@/app/_lib/run-action";
import { getT } from "@/lib/i18n/server";
import type { Lng } from "@/lib/i18n/settings";
import { ActionButton } from "./action-button";
import { ConfirmNameForm } from "./confirm-name-form";

export interface TrashedItem {
  id: string;
  name: string;
  deletedAt: Date;
  deletedBy: { name: string } | null;
  purgeAt: Date;
}

/** A column a page adds after the name (the trash page: the project's document count). */
export interface TrashColumn<T> {
  label: string;
  numeric?: boolean;
  cell: (item: T) => ReactNode;
}

interface Props<T extends TrashedItem> {
  lng: Lng;
  items: T[];
  /** The first column's head: what this trash holds. */
  nameLabel: string;
  columns?: TrashColumn<T>[];
  /** The server action restoring one item, given its id. */
  restore: (id: string) => Promise<ActionResult<void>>;
  /** The restore button's accessible name for one item ("Restore “Statute”"). */
  restoreLabel: (item: T) => string;
  restoreClassName?: string;
  /** The server action deleting one item for good; it reads the id from the form field `purgeField`. */
  purge: (prev: ActionResult<void> | null, form: FormData) => Promise<ActionResult<void>>;
  purgeField: string;
}

export function TrashRows<T extends TrashedItem>({
  lng,
  items,
  nameLabel,
  columns = [],
  restore,
  restoreLabel,
  restoreClassName,
  purge,
  purgeField,
}: Props<T>) {
  const t = getT(lng);
  return (
    <table className="list phone-cards">
      <thead>
        <tr>
          <th>{nameLabel}</th>
          {columns.map((c) => (
            <th key={c.label} className={c.numeric ? "num" : undefined}>
              {c.label}
            </th>
          ))}
          <th>{t("trash.deletedAt")}</th>
          <th>{t("trash.purgeAt")}</th>
          <th>{t("documents.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td data-label={nameLabel}>{item.name}</td>
            {columns.map((c) => (
              <td key={c.label} className={c.numeric ? "num" : undefined} data-label={c.label}>
                {c.cell(item)}
              </td>
            ))}
            <td data-label={t("trash.deletedAt")}>
              {item.deletedAt.toLocaleDateString(lng)}
              {item.deletedBy && ` · ${item.deletedBy.name}`}
            </td>
            <td data-label={t("trash.purgeAt")}>{item.purgeAt.toLocaleDateString(lng)}</td>
            <td data-label={t("documents.actions")}>
              <div className="row-actions">
                <ActionButton
                  run={restore.bind(null, item.id)}
                  label={t("trash.restore")}
                  ariaLabel={restoreLabel(item)}
                  className={restoreClassName}
                />
                <ConfirmNameForm name={item.name} hidden={{ [purgeField]: item.id }} action={purge} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
