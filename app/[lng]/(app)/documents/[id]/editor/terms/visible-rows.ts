// Which source paragraphs are on screen: only those are recognised ("lighter, in every visible
// paragraph"), each batch of newly shown ones in one measured go (TermsStore.prime), so the visible
// rows' recognition stays within a frame however long the document is.
import type { TermsStore } from "@/lib/editor/terms-store";

interface Watched {
  text: string;
  setVisible: (visible: boolean) => void;
}

export class VisibleRows {
  private watched = new Map<Element, Watched>();
  private shown = new Set<Element>();
  private observer: IntersectionObserver | null = null;

  constructor(private readonly store: TermsStore) {}

  private ensure() {
    if (this.observer || typeof IntersectionObserver === "undefined") return this.observer;
    // A margin: paragraphs about to scroll in are ready when they arrive.
    this.observer = new IntersectionObserver((entries) => this.seen(entries), { rootMargin: "300px 0px" });
    return this.observer;
  }

  private seen(entries: IntersectionObserverEntry[]) {
    const appeared: Watched[] = [];
    for (const entry of entries) {
      const watched = this.watched.get(entry.target);
      if (!watched) continue;
      if (entry.isIntersecting) {
        this.shown.add(entry.target);
        appeared.push(watched);
      } else {
        this.shown.delete(entry.target);
        watched.setVisible(false);
      }
    }
    this.store.prime(appeared.map((w) => w.text));
    for (const w of appeared) w.setVisible(true);
  }

  /** Watches a paragraph; the returned function stops watching it. */
  register(el: Element, text: string, setVisible: (visible: boolean) => void): () => void {
    const observer = this.ensure();
    this.watched.set(el, { text, setVisible });
    if (!observer) setVisible(true);
    else observer.observe(el);
    return () => {
      observer?.unobserve(el);
      this.watched.delete(el);
      this.shown.delete(el);
    };
  }

  /** The texts on screen now (recognised again in one batch when the glossary changes). */
  texts(): string[] {
    return [...this.shown].map((el) => this.watched.get(el)?.text ?? "").filter(Boolean);
  }

  disconnect() {
    this.observer?.disconnect();
    this.observer = null;
  }
}
