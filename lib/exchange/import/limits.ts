// How large an upload may be: PARALLEL_MAX_UPLOAD_MB (default 50), read on each use so a test or an
// operator can change it without a restart of the module.
const DEFAULT_MAX_UPLOAD_MB = 50;

export function maxUploadBytes(): number {
  const raw = Number(process.env.PARALLEL_MAX_UPLOAD_MB);
  const mb = Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_MAX_UPLOAD_MB;
  return Math.floor(mb * 1024 * 1024);
}

/** Bytes as megabytes for people: 50, 0.05. */
export function megabytes(bytes: number): number {
  return Number((bytes / (1024 * 1024)).toPrecision(3));
}

/** A DOCX may inflate to at most this much in total, and no large part may be compressed more than RATIO times. */
export const MAX_DOCX_INFLATED_BYTES = 100 * 1024 * 1024;
export const MAX_DOCX_RATIO = 200;
export const MAX_DOCX_ENTRIES = 5000;
