// A finding as the API, the editor and the report show it: the message in the reader's language
// beside its key and parameters, the quick fix's label, and whether (and why, by whom) it is ignored.
import type { TFunction } from "i18next";
import type { Finding } from "../types";
import type { IgnoreMark } from "./ignores";

export interface ShownFinding {
  check: Finding["check"];
  severity: Finding["severity"];
  message: string;
  messageKey: string;
  params: Record<string, string | number>;
  key: string;
  span?: Finding["span"];
  fix?: {
    label: string;
    messageKey: string;
    params?: Record<string, string | number>;
    edits: { start: number; end: number; text: string }[];
  };
  related?: string[];
  ignored: boolean;
  ignore?: IgnoreMark;
}

export function present(f: Finding, t: TFunction, mark: IgnoreMark | undefined): ShownFinding {
  return {
    check: f.check,
    severity: f.severity,
    message: t(f.messageKey, f.params),
    messageKey: f.messageKey,
    params: f.params,
    key: f.key,
    ...(f.span ? { span: f.span } : {}),
    ...(f.fix ? { fix: { label: t(f.fix.messageKey, f.fix.params ?? {}), ...f.fix } } : {}),
    ...(f.related ? { related: f.related } : {}),
    ignored: mark !== undefined,
    ...(mark ? { ignore: mark } : {}),
  };
}
