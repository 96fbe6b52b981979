// An ext4 filesystem of the test's own, on a loop device, that the test can make fail as a disk does
// (issue 18, read-only). A tmpfs cannot be remounted read-only while SQLite holds its files open for
// writing (`mount -o remount,ro` answers EBUSY), so the filesystem is ext4 mounted errors=remount-ro,
// and the test reports an error to it (/sys/fs/ext4/<dev>/trigger_fs_error): the kernel turns it
// read-only at once, open files included. That state is not lifted by `remount,rw` (ext4's emergency
// read-only): it takes an unmount, e2fsck and a fresh mount, as an administrator would do. The loop
// device is the mount's own (`-o loop`): unmounting it frees it. Needs root and loop devices.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const sh = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { stdio: "pipe" }).toString().trim();

export class Ext4Mount {
  readonly image: string;

  constructor(
    readonly dir: string,
    private readonly sizeMb = 64,
  ) {
    this.image = `${dir}.img`;
  }

  /** Makes and mounts a fresh filesystem at `dir`; the reason it cannot, or null. */
  create(): string | null {
    if (process.getuid?.() !== 0) return "needs root (mount)";
    try {
      mkdirSync(this.dir, { recursive: true });
      sh("truncate", "-s", `${this.sizeMb}M`, this.image);
      sh("mkfs.ext4", "-q", "-F", this.image);
      this.mount();
    } catch (error) {
      this.remove();
      return `cannot mount an ext4 loop device here: ${(error as Error).message.split("\n")[0]}`;
    }
    if (existsSync(this.errorSwitch())) return null;
    this.remove();
    return "no trigger_fs_error in /sys/fs/ext4 (ext4 without its sysfs error switch)";
  }

  /** The kernel's switch that reports an error to this filesystem. */
  errorSwitch(): string {
    const device = path.basename(sh("findmnt", "-no", "SOURCE", this.dir));
    return `/sys/fs/ext4/${device}/trigger_fs_error`;
  }

  /** Reports an error: ext4 turns read-only at once, as when its disk fails. */
  fail(why = "issue 18 read-only test") {
    writeFileSync(this.errorSwitch(), `${why}\n`);
  }

  /** The repair: unmounted, checked (the reported error corrected), mounted again. */
  repair() {
    this.unmount();
    try {
      sh("e2fsck", "-fy", this.image);
    } catch (error) {
      // 1: errors were corrected (the reported one); anything above is a damaged filesystem.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    this.mount();
  }

  unmount() {
    try {
      sh("umount", this.dir);
    } catch {
      // not mounted
    }
  }

  /** Unmounts (lazily if something still holds it) and deletes the folder and the image. */
  remove() {
    if (existsSync(this.dir)) {
      try {
        sh("umount", this.dir);
      } catch {
        try {
          sh("umount", "-l", this.dir);
        } catch {
          // not mounted
        }
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.image, { force: true });
  }

  private mount() {
    sh("mount", "-o", "loop,errors=remount-ro", this.image, this.dir);
  }
}
