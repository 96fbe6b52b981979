// The browser's one client of /api/v1: every call the editor makes (saves, notes, decisions,
// history, find and replace, approve all, loading rows, quality checks, live reads and presence pings), and the import page's question of where its
// upload waits, go through here (the upload itself is an XMLHttpRequest, for its progress events). Request and answer types
// are the server's own zod schemas (lib/api/schemas, the domain's input schemas), imported as types
// only, so no validation code reaches the browser and the two cannot drift apart.
import type { z } from "zod";
import type { ConflictError } from "../api/schemas/common";
import type { SegmentList } from "../api/schemas/documents";
import type {
  AttachedGlossaries,
  DocumentGlossary,
  GlossaryEntryAnswer,
  GlossaryImportReport,
  GlossaryList,
  SegmentTerms,
} from "../api/schemas/glossary";
import type { ImportPlace } from "../api/schemas/imports";
import type { PresenceAnswer } from "../api/schemas/live";
import type {
  ConcordanceAnswer,
  MatchList,
  MemoryUnitAnswer,
  MemoryUnitList,
  PretranslateAnswer,
} from "../api/schemas/memory";
import type {
  DocumentNoteList,
  Inbox,
  MarkReadAnswer,
  NoteAnswer,
  NoteThreadList,
  SentBackList,
  UnreadCount,
} from "../api/schemas/notes";
import type {
  MergeAnswer,
  ParagraphAnswer,
  ParagraphsAnswer,
  SourceAnswer,
  SplitAnswer,
} from "../api/schemas/projects";
import type {
  DocumentQaAnswer,
  QaCheckAnswer,
  QaIgnoreAnswer,
  QaIgnoreHistory,
  QaSettingsAnswer,
} from "../api/schemas/qa";
import type {
  ApproveAllRequest,
  AttachGlossaryRequest,
  DecisionRequest,
  DictionaryWordRequest,
  EditSourceRequest,
  GlossaryEntryRequest,
  GlossaryEntryUpdateRequest,
  MarkReadRequest,
  NoteRequest,
  NoteUpdateRequest,
  PresenceRequest,
  PretranslateRequest,
  QaCheckRequest,
  QaIgnoreRequest,
  ReplaceRequest,
  SaveTranslationRequest,
  SplitRequest,
  UnlockRequest,
} from "../api/schemas/requests";
import type { ApproveAllAnswer, DecisionAnswer, UnlockAnswer } from "../api/schemas/review";
import type {
  ReplaceAnswer,
  RevisionList,
  SaveTranslationAnswer,
  TranslationAnswer,
  UndoBulkEditAnswer,
} from "../api/schemas/translations";
import type { ErrorCode } from "../errors";

export type Out<S extends z.ZodType> = z.output<S>;
export type In<S extends z.ZodType> = z.input<S>;

export type ConflictInfo = NonNullable<Out<typeof ConflictError>["error"]["current"]>;

/** The API's {error:{code,message,details}}; a conflict carries what is saved now. */
export interface ApiError {
  code: ErrorCode;
  message?: string;
  details?: Record<string, unknown>;
  current?: ConflictInfo | null;
}

/** `status` 0: no answer at all (offline, or the request failed on the way). */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

const enc = encodeURIComponent;

export function apiClient(fetchFn: typeof fetch = (...args) => fetch(...args)) {
  async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
    let res: Response;
    try {
      res = await fetchFn(url, {
        method,
        headers: body === undefined ? undefined : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin",
      });
    } catch {
      return { ok: false, status: 0, error: { code: "internal" } };
    }
    const json = await res.json().catch(() => null);
    if (res.ok) return { ok: true, status: res.status, data: json as T };
    return { ok: false, status: res.status, error: (json?.error as ApiError | undefined) ?? { code: "internal" } };
  }
  /** A multipart upload (the browser sets the boundary); answers like call(). */
  async function upload<T>(url: string, form: FormData): Promise<ApiResult<T>> {
    let res: Response;
    try {
      res = await fetchFn(url, { method: "POST", body: form, credentials: "same-origin" });
    } catch {
      return { ok: false, status: 0, error: { code: "internal" } };
    }
    const json = await res.json().catch(() => null);
    if (res.ok) return { ok: true, status: res.status, data: json as T };
    return { ok: false, status: res.status, error: (json?.error as ApiError | undefined) ?? { code: "internal" } };
  }
  const glossary = (projectId: string) => `/api/v1/projects/${enc(projectId)}/glossary`;
  const translation = (segmentId: string, lang: string) =>
    `/api/v1/segments/${enc(segmentId)}/translations/${enc(lang)}`;

  return {
    saveTranslation: (segmentId: string, lang: string, body: In<typeof SaveTranslationRequest>) =>
      call<Out<typeof SaveTranslationAnswer>>("PUT", translation(segmentId, lang), body),
    translation: (segmentId: string, lang: string) =>
      call<Out<typeof TranslationAnswer>>("GET", translation(segmentId, lang)),
    presence: (documentId: string, body: In<typeof PresenceRequest>) =>
      call<Out<typeof PresenceAnswer>>("PUT", `/api/v1/documents/${enc(documentId)}/presence`, body),
    revisions: (segmentId: string, lang: string) =>
      call<Out<typeof RevisionList>>("GET", `${translation(segmentId, lang)}/revisions`),
    decide: (segmentId: string, lang: string, body: In<typeof DecisionRequest>) =>
      call<Out<typeof DecisionAnswer>>("POST", `${translation(segmentId, lang)}/decision`, body),
    unlock: (segmentId: string, lang: string, body: In<typeof UnlockRequest>) =>
      call<Out<typeof UnlockAnswer>>("POST", `${translation(segmentId, lang)}/unlock`, body),
    segments: (documentId: string, lang: string) =>
      call<Out<typeof SegmentList>>("GET", `/api/v1/documents/${enc(documentId)}/segments?target=${enc(lang)}`),
    segmentNotes: (segmentId: string) =>
      call<Out<typeof NoteThreadList>>("GET", `/api/v1/segments/${enc(segmentId)}/notes`),
    documentNotes: (documentId: string) =>
      call<Out<typeof DocumentNoteList>>("GET", `/api/v1/documents/${enc(documentId)}/notes`),
    addNote: (segmentId: string, body: In<typeof NoteRequest>) =>
      call<Out<typeof NoteAnswer>>("POST", `/api/v1/segments/${enc(segmentId)}/notes`, body),
    updateNote: (noteId: string, body: In<typeof NoteUpdateRequest>) =>
      call<Out<typeof NoteAnswer>>("PATCH", `/api/v1/notes/${enc(noteId)}`, body),
    replace: (documentId: string, body: In<typeof ReplaceRequest>) =>
      call<Out<typeof ReplaceAnswer>>("POST", `/api/v1/documents/${enc(documentId)}/replace`, body),
    undoBulkEdit: (bulkEditId: string) =>
      call<Out<typeof UndoBulkEditAnswer>>("POST", `/api/v1/bulk-edits/${enc(bulkEditId)}/undo`),
    approveAll: (documentId: string, body: In<typeof ApproveAllRequest>) =>
      call<Out<typeof ApproveAllAnswer>>("POST", `/api/v1/documents/${enc(documentId)}/approve-all`, body),
    importPlace: (ticket: string) => call<Out<typeof ImportPlace>>("GET", `/api/v1/imports/${enc(ticket)}`),
    glossary: (projectId: string, query: URLSearchParams) =>
      call<Out<typeof GlossaryList>>("GET", `${glossary(projectId)}?${query}`),
    addGlossaryEntry: (projectId: string, body: In<typeof GlossaryEntryRequest>) =>
      call<Out<typeof GlossaryEntryAnswer>>("POST", glossary(projectId), body),
    updateGlossaryEntry: (entryId: string, body: In<typeof GlossaryEntryUpdateRequest>) =>
      call<Out<typeof GlossaryEntryAnswer>>("PATCH", `/api/v1/glossary/${enc(entryId)}`, body),
    deleteGlossaryEntry: (entryId: string) => call<{ deleted: true }>("DELETE", `/api/v1/glossary/${enc(entryId)}`),
    importGlossary: (projectId: string, form: FormData) =>
      upload<Out<typeof GlossaryImportReport>>(`${glossary(projectId)}/import`, form),
    attachGlossary: (projectId: string, body: In<typeof AttachGlossaryRequest>) =>
      call<Out<typeof AttachedGlossaries>>("POST", `${glossary(projectId)}/attached`, body),
    detachGlossary: (projectId: string, fromProjectId: string) =>
      call<Out<typeof AttachedGlossaries>>("DELETE", `${glossary(projectId)}/attached/${enc(fromProjectId)}`),
    segmentTerms: (segmentId: string, target: string) =>
      call<Out<typeof SegmentTerms>>("GET", `/api/v1/segments/${enc(segmentId)}/terms?target=${enc(target)}`),
    documentGlossary: (documentId: string, stamp: string) =>
      call<Out<typeof DocumentGlossary>>("GET", `/api/v1/documents/${enc(documentId)}/glossary?stamp=${enc(stamp)}`),
    /** The paragraphs of a document sent back to the asker (only theirs), for "Sent back to you". */
    sentBack: (documentId: string, lang?: string) =>
      call<Out<typeof SentBackList>>(
        "GET",
        `/api/v1/documents/${enc(documentId)}/sent-back${lang ? `?target=${enc(lang)}` : ""}`,
      ),
    inbox: () => call<Out<typeof Inbox>>("GET", "/api/v1/me/inbox"),
    unread: () => call<Out<typeof UnreadCount>>("GET", "/api/v1/me/inbox/unread"),
    /** Marks mentions or send-backs as opened (the top bar's count goes down). */
    markRead: (body: In<typeof MarkReadRequest>) =>
      call<Out<typeof MarkReadAnswer>>("POST", "/api/v1/me/inbox/read", body),
    qaCheck: (body: In<typeof QaCheckRequest>) => call<Out<typeof QaCheckAnswer>>("POST", "/api/v1/qa/check", body),
    documentQa: (documentId: string, lang: string, query = "") =>
      call<Out<typeof DocumentQaAnswer>>(
        "GET",
        `/api/v1/documents/${enc(documentId)}/qa?target=${enc(lang)}${query ? `&${query}` : ""}`,
      ),
    qaIgnore: (segmentId: string, lang: string, body: In<typeof QaIgnoreRequest>) =>
      call<Out<typeof QaIgnoreAnswer>>("POST", `${translation(segmentId, lang)}/qa/ignores`, body),
    qaUnignore: (ignoreId: string) => call<Out<typeof QaIgnoreAnswer>>("DELETE", `/api/v1/qa/ignores/${enc(ignoreId)}`),
    qaIgnoreHistory: (segmentId: string, lang: string) =>
      call<Out<typeof QaIgnoreHistory>>("GET", `${translation(segmentId, lang)}/qa/ignores`),
    addDictionaryWord: (projectId: string, body: In<typeof DictionaryWordRequest>) =>
      call<Out<typeof QaSettingsAnswer>>("POST", `/api/v1/projects/${enc(projectId)}/qa-settings/dictionary`, body),
    paragraph: (segmentId: string) => call<Out<typeof ParagraphAnswer>>("GET", `/api/v1/segments/${enc(segmentId)}`),
    paragraphs: (documentId: string, segmentIds: readonly string[]) =>
      call<Out<typeof ParagraphsAnswer>>(
        "GET",
        `/api/v1/documents/${enc(documentId)}/paragraphs?ids=${segmentIds.map(enc).join(",")}`,
      ),
    editSource: (segmentId: string, body: In<typeof EditSourceRequest>) =>
      call<Out<typeof SourceAnswer>>("PATCH", `/api/v1/segments/${enc(segmentId)}`, body),
    split: (segmentId: string, body: In<typeof SplitRequest>) =>
      call<Out<typeof SplitAnswer>>("POST", `/api/v1/segments/${enc(segmentId)}/split`, body),
    merge: (segmentId: string) => call<Out<typeof MergeAnswer>>("POST", `/api/v1/segments/${enc(segmentId)}/merge`),
    matches: (segmentId: string, lang: string) =>
      call<Out<typeof MatchList>>("GET", `/api/v1/segments/${enc(segmentId)}/matches?target=${enc(lang)}`),
    searchMemories: (query: {
      q: string;
      target: string;
      side: "source" | "target";
      project?: string;
      memory?: string;
      offset?: number;
    }) =>
      call<Out<typeof ConcordanceAnswer>>(
        "GET",
        `/api/v1/memories/search?${new URLSearchParams(
          Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
        )}`,
      ),
    memoryUnits: (memoryId: string, query: { target?: string; before?: number }) =>
      call<Out<typeof MemoryUnitList>>(
        "GET",
        `/api/v1/memories/${enc(memoryId)}/units?${new URLSearchParams(
          Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
        )}`,
      ),
    editMemoryUnit: (memoryId: string, unitId: number, body: { source?: string; target?: string }) =>
      call<Out<typeof MemoryUnitAnswer>>("PATCH", `/api/v1/memories/${enc(memoryId)}/units/${unitId}`, body),
    deleteMemoryUnit: (memoryId: string, unitId: number) =>
      call<{ ok: true }>("DELETE", `/api/v1/memories/${enc(memoryId)}/units/${unitId}`),
    pretranslate: (documentId: string, body: In<typeof PretranslateRequest>) =>
      call<Out<typeof PretranslateAnswer>>("POST", `/api/v1/documents/${enc(documentId)}/pretranslate`, body),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** The page's client, on the browser's own fetch. */
export const api = apiClient();
