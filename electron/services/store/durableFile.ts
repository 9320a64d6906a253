import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** fsync a directory so that a rename or a new file in it survives a power cut. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform !== 'win32') throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Replace `path` atomically and durably: write a temporary file beside it, fsync it, rename it over
 * the target, fsync the directory. A crash at any moment leaves either the old or the new content.
 */
export function writeFileDurable(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    // Large content (a 50 MB document) comes in chunks, written one after another without a copy.
    const chunks = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
    for (const buf of chunks) {
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    }
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
  fsyncDir(dirname(path));
}

/**
 * Remove the temporary files a crash left behind in `dir` (never read as data; only the owner of
 * the data directory's lock may call this, so nobody is writing them meanwhile).
 */
export function removeLeftoverTemps(dir: string): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (/^\..+\.[0-9a-f]{12}\.tmp$/.test(name)) {
      unlinkSync(join(dir, name));
      removed++;
    }
  }
  return removed;
}

/** The file's bytes, or undefined if it does not exist. Other errors propagate. */
export function readFileIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
