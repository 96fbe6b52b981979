// Whether a SQLite commit that SQLite reported successful is really on disk (issue 18, read-only).
// The writer runs `synchronous = FULL`: a commit returns only after fsync() of the WAL said yes.
// But while ext4 turns itself read-only after an error (errors=remount-ro: a failing disk), fsync()
// can say yes for a write it then drops. The kernel aborts the journal first and marks the
// filesystem read-only only after writing its superblock, a few milliseconds later; a commit in
// between was written, its fsync() answered 0, and after the repair the WAL ended one frame short
// of it: the WAL's new length was in the aborted journal transaction (tests/reliability/flip.test.ts,
// docs/reliability-bugs.md). A journaled change of our own, made after the commit returned, tells
// the two cases apart: ext4 refuses to start any journal transaction once its journal is aborted
// ("Detected aborted journal"), so if the change is accepted, the journal was still whole when the
// commit's fsync() returned, and that fsync() did its work.
// The change is the length of a file next to the database (`<file>-fs-check`, a hole of at most
// 1 MiB that holds no data): a size change always goes through the journal, needs no free space (a
// full disk is not a failing one), writes no data and costs two system calls; it reaches the disk
// with the journal's next commit, which nobody waits for.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync } from "node:fs";

const BLOCK = 4096;
const MAX_LENGTH = 256 * BLOCK;

export class FilesystemCheck {
  private fd: number | null = null;
  readonly path: string;

  constructor(databaseFile: string) {
    this.path = `${databaseFile}-fs-check`;
  }

  /** Throws what the filesystem says (EROFS, EIO, …) when it no longer accepts a change. */
  run(): void {
    this.fd ??= openSync(this.path, "a");
    // One block longer each time (a hole: no data, no space), back to empty after 256 of them. A
    // shrink costs ext4 more (its orphan list) and a length within a block makes it zero that block's
    // tail under the journal, so lengths stay whole blocks and shrinks rare (bench/commit-check.ts).
    // From the length as it is now: another process checking the same file (the command line) does
    // not make ours, but for a race of microseconds, a change to the length it already has, which
    // the kernel would not journal.
    const { size } = fstatSync(this.fd);
    ftruncateSync(this.fd, size >= MAX_LENGTH ? 0 : size - (size % BLOCK) + BLOCK);
  }

  /**
   * Puts on disk what the page cache holds of the database (its WAL and file), then checks again:
   * for a commit that was never confirmed, before it may be vouched for (sqlite-adapter.ts).
   */
  syncDatabase(databaseFile: string): void {
    for (const name of [`${databaseFile}-wal`, databaseFile]) {
      let fd: number;
      try {
        fd = openSync(name, "r+");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    this.run();
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
