// Every refusal of an import is invalid_input with a `reason` (translated in the UI as
// import.errors.<reason>) and, where it applies, the `line` of the file or the `unit` (1-based
// paragraph position). The English message is what the command line prints.
import { AppError } from "../../errors";
import { megabytes } from "./limits";

export type ImportErrorReason =
  | "unsupported_type"
  | "empty"
  | "not_text"
  | "xml_malformed"
  | "xml_dtd"
  | "not_zip"
  | "zip_bomb"
  | "not_docx"
  | "csv_malformed"
  | "csv_columns"
  | "languages"
  | "status"
  | "kind"
  | "note_label"
  | "text_too_long"
  | "control_characters"
  | "note_too_long"
  | "note_control_characters"
  | "duplicate_unit"
  | "not_bilingual"
  | "no_file"
  | "not_multipart"
  | "mode"
  | "document_required"
  | "ticket"
  // Glossary files (lib/terms/exchange)
  | "glossary_type"
  | "glossary_not_tbx"
  | "glossary_columns"
  | "glossary_status"
  | "glossary_empty"
  | "glossary_languages"
  | "glossary_term_empty"
  | "glossary_term_too_long"
  | "glossary_term_invalid"
  | "glossary_too_many";

export interface ImportErrorDetails {
  line?: number;
  column?: number;
  unit?: number;
  lang?: string;
  [key: string]: unknown;
}

export function importError(reason: ImportErrorReason, message: string, details: ImportErrorDetails = {}): AppError {
  return new AppError("invalid_input", { reason, ...details }, message);
}

/** The file is over PARALLEL_MAX_UPLOAD_MB: 413, with the limit so the message can name it. */
export function tooLarge(maxBytes: number): AppError {
  const maxMb = megabytes(maxBytes);
  return new AppError("too_large", { reason: "file_too_large", maxBytes, maxMb }, `The file is over ${maxMb} MB.`);
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
