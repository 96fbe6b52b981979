// The browser end of a document's live stream: an EventSource that, when it fails, is closed and
// opened again after a growing pause (retryDelay), asking from the last event it got
// (?lastEventId=, since a new EventSource cannot send the header), so a reconnection catches up from
// the server's log. It says "live" once the server greeted it and "reconnecting" while it waits.
// A stream that looks open but has stopped delivering (a proxy holding a dead connection) is
// noticed by the presence pings, whose answer names the document's newest event: behind it twice
// in a row, and the stream is opened again.
import type { LiveEvent, PresentPerson } from "../live/events";
import { type LiveStatus, retryDelay } from "./live-model";

/** The logged event types the stream sends (lib/live/events.ts). */
const EVENT_TYPES = [
  "translation.saved",
  "decision",
  "note.added",
  "note.changed",
  "note.resolved",
  "document.changed",
  "memory.changed",
];

export interface LiveConnectionOptions {
  documentId: string;
  /** The newest event when the page was rendered: everything after it is news. */
  startAfter: number;
  /** The browser's EventSource (a stand-in in tests). */
  EventSource: new (
    url: string,
  ) => EventSource;
  onStatus(status: LiveStatus): void;
  onHello(connection: string): void;
  onEvent(event: LiveEvent): void;
  onPresence(people: PresentPerson[]): void;
  /** The log could not give everything missed: read what is on screen again. */
  onResync(): void;
}

export class LiveConnection {
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private behind = 0;
  private stopped = false;
  private last: number;

  constructor(private readonly options: LiveConnectionOptions) {
    this.last = options.startAfter;
  }

  /** The last event this tab has. */
  get lastEventId() {
    return this.last;
  }

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    this.clearRetry();
    this.source?.close();
    this.source = null;
  }

  /** Opens the stream again now (the network came back, or it went stale). */
  reconnectNow() {
    if (this.stopped) return;
    this.clearRetry();
    this.attempt = 0;
    this.open();
  }

  /**
   * The browser says the network is gone: the stream may look open for minutes before TCP notices,
   * so it is closed now and the person told; it comes back with the network (reconnectNow).
   */
  lost() {
    if (this.stopped || !this.source) return;
    this.failed();
  }

  /** A presence ping's answer: the document's newest event. Behind it twice running, the stream is stale. */
  serverHas(newest: number) {
    this.behind = newest > this.last ? this.behind + 1 : 0;
    if (this.behind >= 2) {
      this.behind = 0;
      this.reconnectNow();
    }
  }

  private open() {
    this.source?.close();
    const url = `/api/v1/documents/${encodeURIComponent(this.options.documentId)}/events?lastEventId=${this.last}`;
    const source = new this.options.EventSource(url);
    this.source = source;
    const mine = (handler: (e: MessageEvent<string>) => void) => (e: Event) => {
      // A stream replaced meanwhile says nothing any more.
      if (this.source === source) handler(e as MessageEvent<string>);
    };
    source.addEventListener(
      "hello",
      mine((e) => {
        this.attempt = 0;
        this.options.onStatus("live");
        this.options.onHello((JSON.parse(e.data) as { connection: string }).connection);
      }),
    );
    source.addEventListener(
      "resync",
      mine((e) => {
        this.last = (JSON.parse(e.data) as { lastEventId: number }).lastEventId;
        this.options.onResync();
      }),
    );
    source.addEventListener(
      "presence",
      mine((e) => this.options.onPresence((JSON.parse(e.data) as { people: PresentPerson[] }).people)),
    );
    for (const type of EVENT_TYPES) {
      source.addEventListener(
        type,
        mine((e) => {
          const event = JSON.parse(e.data) as LiveEvent;
          if (event.id <= this.last) return;
          this.last = event.id;
          this.options.onEvent(event);
        }),
      );
    }
    source.onerror = mine(() => this.failed());
  }

  private failed() {
    // EventSource would retry on its own at a fixed pace; ours backs off instead.
    this.source?.close();
    this.source = null;
    if (this.stopped) return;
    this.options.onStatus("reconnecting");
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, retryDelay(this.attempt));
    this.attempt += 1;
  }

  private clearRetry() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
