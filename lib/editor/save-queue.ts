// The browser side of "no lost work". Every edit is written to local storage at once (the outbox),
// then sent to the server after a short pause, on leaving the paragraph, or right away on confirm.
// Each save names the version it started from; a refused save (409) becomes a conflict for the
// person to resolve, never an overwrite. With no connection, edits wait and are retried; on the
// next visit the outbox is restored and sent. A save whose answer never came may have been written
// all the same (the server died or restarted after its commit), and so may one answered 503 because
// the server's disk failed during its commit: the next try, based on the same
// version, then meets its own earlier text one version on, which is taken as saved, not as a
// conflict with oneself. The outbox is the signed-in account's (outbox.ts).
import type { TranslationStatus } from "../segments/status";
import { type ApiClient, apiClient, type ConflictInfo } from "./api-client";
import { outboxKey } from "./outbox";

export type { ConflictInfo };

export interface OutboxEntry {
  segmentId: string;
  lang: string;
  text: string;
  /** Set by confirm (Ctrl+Enter) or a decision; undefined lets the server infer (draft / new). */
  status?: TranslationStatus;
  baseVersion: number;
  at: number;
  /** Texts sent on baseVersion whose answer never came: any one of them may be saved as the next version. */
  unanswered?: { text: string; status?: TranslationStatus }[];
}

export type SaveEvent =
  | { kind: "sending"; key: string }
  | { kind: "saved"; key: string; text: string; status: TranslationStatus; version: number; stillDirty: boolean }
  | { kind: "conflict"; key: string; mine: OutboxEntry; current: ConflictInfo }
  | { kind: "error"; key: string; code: string }
  /** `reason`: the server's error code when it answered but could not save (e.g. "unavailable": its disk). */
  | { kind: "network"; online: boolean; waiting: number; reason?: string };

export interface SaveQueueOptions {
  documentId: string;
  /** The signed-in account: its outbox is kept apart from anyone else's on the same browser. */
  userId: string;
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  /** What the API client sends with (the browser's fetch). */
  fetch: typeof fetch;
  onEvent: (event: SaveEvent) => void;
  debounceMs?: number;
  retryMs?: number;
}

export const keyOf = (segmentId: string, lang: string) => `${segmentId}|${lang}`;

/** As the server stores a text (lib/translations/validation.ts): LF line ends, NFC. */
const stored = (text: string) => text.replace(/\r\n?/g, "\n").normalize("NFC");

/** A few unanswered tries are enough to remember: only one of them can have been written. */
const MAX_UNANSWERED = 5;

export class SaveQueue {
  private entries = new Map<string, OutboxEntry>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private inFlight = new Set<string>();
  private conflicted = new Set<string>();
  /**
   * The version each translation's last save made, until the page shows it: an edit made before the
   * page has drawn that answer (a confirm whose quality check came back just after the save) would
   * otherwise build on the version before and be refused as a conflict with this person's own save.
   */
  private savedVersions = new Map<string, number>();
  private online = true;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly storageKey: string;
  private readonly api: ApiClient;

  constructor(private readonly options: SaveQueueOptions) {
    this.storageKey = outboxKey(options.userId, options.documentId);
    this.api = apiClient(options.fetch);
  }

  /**
   * Signing out: nothing more is sent or kept, and the outbox leaves the browser. (Without this, a
   * save failing after the session ended would write the edits back.)
   */
  forget() {
    this.closed = true;
    for (const key of [...this.timers.keys()]) this.clearTimer(key);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.entries.clear();
    this.options.storage.removeItem(this.storageKey);
  }

  /** Unsent edits left by an earlier visit (a reload, a crash, a closed tab). */
  restore(): OutboxEntry[] {
    try {
      const stored = JSON.parse(this.options.storage.getItem(this.storageKey) ?? "[]") as OutboxEntry[];
      for (const entry of stored) this.entries.set(keyOf(entry.segmentId, entry.lang), entry);
      return stored;
    } catch {
      return [];
    }
  }

  /** Edits not yet confirmed by the server. */
  pending(): OutboxEntry[] {
    return [...this.entries.values()];
  }

  get waiting(): number {
    return this.entries.size;
  }

  has(segmentId: string, lang: string) {
    return this.entries.has(keyOf(segmentId, lang));
  }

  /** Records an edit. knownVersion is the version the page last saw for this translation. */
  edit(segmentId: string, lang: string, text: string, knownVersion: number, status?: TranslationStatus) {
    const key = keyOf(segmentId, lang);
    const previous = this.entries.get(key);
    const saved = this.savedVersions.get(key);
    if (saved !== undefined && saved <= knownVersion) this.savedVersions.delete(key);
    this.entries.set(key, {
      segmentId,
      lang,
      text,
      status,
      baseVersion: previous?.baseVersion ?? Math.max(knownVersion, saved ?? 0),
      at: Date.now(),
      ...(previous?.unanswered ? { unanswered: previous.unanswered } : {}),
    });
    this.persist();
    if (status) this.sendSoon(key, 0);
    else this.sendSoon(key, this.options.debounceMs ?? 800);
  }

  /** Drops an unsent edit (revert to the saved text). */
  discard(segmentId: string, lang: string) {
    const key = keyOf(segmentId, lang);
    this.entries.delete(key);
    this.conflicted.delete(key);
    this.clearTimer(key);
    this.persist();
  }

  /**
   * Someone else saved a newer version while this edit waited (the live stream said so): it is not
   * sent, since it would be refused, until the person keeps, merges (resolve) or drops it (discard).
   */
  hold(segmentId: string, lang: string) {
    const key = keyOf(segmentId, lang);
    this.conflicted.add(key);
    this.clearTimer(key);
  }

  /** Whether this edit's request is on its way now (not waiting to be sent again). */
  sending(segmentId: string, lang: string) {
    return this.inFlight.has(keyOf(segmentId, lang));
  }

  /** Sends now, e.g. when the person leaves the paragraph. */
  flush(segmentId: string, lang: string) {
    const key = keyOf(segmentId, lang);
    if (this.entries.has(key)) this.sendSoon(key, 0);
  }

  async flushAll(): Promise<void> {
    for (const key of this.entries.keys()) this.sendSoon(key, 0);
    const deadline = Date.now() + 10_000;
    while ((this.inFlight.size > 0 || this.timers.size > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** After a conflict: save `text` on top of the version now on the server. */
  resolve(segmentId: string, lang: string, text: string, serverVersion: number, status?: TranslationStatus) {
    const key = keyOf(segmentId, lang);
    this.conflicted.delete(key);
    this.entries.set(key, { segmentId, lang, text, status, baseVersion: serverVersion, at: Date.now() });
    this.persist();
    this.sendSoon(key, 0);
  }

  /** Called when the browser says the network is back. */
  retryAll() {
    for (const key of this.entries.keys()) if (!this.conflicted.has(key)) this.sendSoon(key, 0);
  }

  private persist() {
    if (this.closed) return;
    const all = [...this.entries.values()];
    try {
      if (all.length === 0) this.options.storage.removeItem(this.storageKey);
      else this.options.storage.setItem(this.storageKey, JSON.stringify(all));
    } catch {
      // Storage full or disabled: the edit still goes to the server; nothing else to do.
    }
  }

  private clearTimer(key: string) {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  private sendSoon(key: string, delay: number) {
    if (this.closed || this.conflicted.has(key)) return;
    this.clearTimer(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.send(key);
      }, delay),
    );
  }

  /** The server holds `saved`: the edit leaves the outbox, or, if it still differs, goes again on top of it. */
  private accepted(
    key: string,
    saved: { text: string; status: TranslationStatus; version: number },
    stillDirty: boolean,
    resendAfter: number,
  ) {
    const current = this.entries.get(key);
    this.savedVersions.set(key, saved.version);
    if (current && stillDirty) {
      current.baseVersion = saved.version;
      delete current.unanswered;
      this.sendSoon(key, resendAfter);
    } else {
      this.entries.delete(key);
    }
    this.persist();
    const { text, status, version } = saved;
    this.options.onEvent({ kind: "saved", key, text, status, version, stillDirty });
    if (this.entries.size === 0) this.options.onEvent({ kind: "network", online: true, waiting: 0 });
  }

  /** Remembers a try that got no answer, on the edit as it is now if it still builds on the same version. */
  private unanswered(key: string, sent: OutboxEntry) {
    const current = this.entries.get(key);
    if (!current || current.baseVersion !== sent.baseVersion) return;
    const tries = (current.unanswered ?? []).filter((t) => t.text !== sent.text || t.status !== sent.status);
    current.unanswered = [...tries, { text: sent.text, status: sent.status }].slice(-MAX_UNANSWERED);
    this.persist();
  }

  /**
   * Whether a conflict's current translation is this person's own earlier try of the same edit: the
   * version right after the one the edit builds on, saved by them, with the text (and the status,
   * if one was asked for) of a try whose answer never came.
   */
  private ownEarlierSave(current: OutboxEntry | undefined, sent: OutboxEntry, saved: ConflictInfo) {
    if (saved.version !== sent.baseVersion + 1 || saved.updatedBy?.id !== this.options.userId) return false;
    const tries = [...(current?.unanswered ?? []), ...(sent.unanswered ?? [])];
    return tries.some((t) => stored(t.text) === saved.text && (!t.status || t.status === saved.status));
  }

  private setOnline(online: boolean, reason?: string) {
    if (this.online !== online || !online) {
      this.online = online;
      this.options.onEvent({ kind: "network", online, waiting: this.entries.size, ...(reason ? { reason } : {}) });
    }
    if (!online && !this.retryTimer) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.retryAll();
      }, this.options.retryMs ?? 3000);
    }
  }

  private async send(key: string) {
    const entry = this.entries.get(key);
    if (this.closed || !entry || this.inFlight.has(key) || this.conflicted.has(key)) return;
    this.inFlight.add(key);
    this.options.onEvent({ kind: "sending", key });
    const sent = { ...entry };
    const res = await this.api.saveTranslation(sent.segmentId, sent.lang, {
      text: sent.text,
      status: sent.status,
      baseVersion: sent.baseVersion,
    });
    this.inFlight.delete(key);
    // No answer from the app (no connection, or a proxy's 5xx): it may have been written all the same.
    // So may a 503 `unavailable`: the disk failed during the commit, which it may or may not have kept.
    if (res.status === 0 || res.status >= 500) this.unanswered(key, sent);
    if (res.status === 0) {
      this.setOnline(false);
      return;
    }
    if (res.status >= 500 || res.status === 429 || res.status === 408) {
      // The server is there but not answering well: keep the edit and try again shortly.
      this.setOnline(false, res.ok ? undefined : res.error.code);
      return;
    }
    if (!this.online) this.setOnline(true);
    const current = this.entries.get(key);
    if (res.ok && res.data?.translation) {
      const changedMeanwhile = Boolean(current && (current.text !== sent.text || current.status !== sent.status));
      this.accepted(key, res.data.translation, changedMeanwhile, this.options.debounceMs ?? 800);
      return;
    }
    if (!res.ok && res.status === 409 && res.error.current && this.ownEarlierSave(current, sent, res.error.current)) {
      // An earlier try of this edit was written after all: what is typed now goes on top of it.
      const saved = res.error.current;
      const differs = Boolean(
        current && (stored(current.text) !== saved.text || (current.status && current.status !== saved.status)),
      );
      this.accepted(key, saved, differs, 0);
      return;
    }
    if (!res.ok && res.status === 409 && res.error.current) {
      this.conflicted.add(key);
      this.options.onEvent({ kind: "conflict", key, mine: current ?? sent, current: res.error.current });
      return;
    }
    // A refusal (bad input, no permission): keep the text locally so nothing is lost, and say why.
    this.conflicted.add(key);
    this.options.onEvent({ kind: "error", key, code: res.ok ? "internal" : res.error.code });
  }
}
