// One writer at a time on a connection, in arrival order. SQLite has one write lock per database,
// and better-sqlite3 waits for it synchronously (busy_timeout blocks the whole event loop), so a
// second connection in the same process could never wait for a transaction of ours that is paused
// between two awaits: the process serialises its own writers here, asynchronously, and SQLite's lock
// with busy_timeout serialises it against other processes (the command line).

export type Release = () => void;

export class WriteGate {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  /** Resolves when the caller may write; it must call the release it gets exactly once. */
  acquire(): Promise<Release> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  /** Runs `work` as the only writer. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Writers waiting now (for tests and diagnostics). */
  get queued(): number {
    return this.waiting.length;
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // Handed straight to the next writer: nobody can slip in between.
      if (next) next();
      else this.held = false;
    };
  }
}
