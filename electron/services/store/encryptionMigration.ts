import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DataDirectory } from './dataDirectory';
import { readFileIfExists, writeFileDurable } from './durableFile';
import type { Codec } from './jsonFile';

/** A temporary file of writeFileDurable left behind by a crash: `.<name>.<12 hex digits>.tmp`. */
const ORPHANED_TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** Files that are not the store's records: the descriptor, the wrapped keys, the lock. */
const NOT_RECORDS = new Set(['pusiaukele.json', 'keys.json']);

/**
 * Issue 3, migration of an unencrypted data directory: rewrite every file of the store through
 * `codec`, which reads plain and sealed records alike and writes sealed ones, each file by an atomic
 * replace, so that a run interrupted anywhere is finished by running it again. `*.json` files hold
 * one record; `*.log` files one base64 record per line (the index journal, the audit log). Sealed
 * records are left as they are; so is anything that cannot be read, which stays exactly as it was
 * (a damaged file stays damaged, a torn last line stays torn) for the stores to handle as before.
 */
export function encryptDataFiles(dir: DataDirectory, codec: Codec, isSealed: (bytes: Buffer) => boolean): void {
  const reseal = (bytes: Buffer): Buffer | undefined => {
    if (isSealed(bytes)) return undefined;
    try {
      return codec.encode(codec.decode(bytes));
    } catch {
      return undefined;
    }
  };
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      // We hold the lock: a temporary file is a crashed write, and may hold plain personal data.
      else if (ORPHANED_TEMPORARY.test(entry.name)) rmSync(path, { force: true });
      else if (folder === dir.root && NOT_RECORDS.has(entry.name)) continue;
      else if (entry.name.endsWith('.json')) {
        const sealed = reseal(readFileIfExists(path) ?? Buffer.alloc(0));
        if (sealed !== undefined) writeFileDurable(path, sealed);
      } else if (entry.name.endsWith('.log')) sealLines(path, reseal);
    }
  };
  visit(dir.root);
}

/** Reseal each line of a base64-per-line file, keeping every separator and unreadable fragment. */
function sealLines(path: string, reseal: (bytes: Buffer) => Buffer | undefined): void {
  const text = readFileIfExists(path)?.toString('utf8') ?? '';
  const lines = text.split('\n').map((line) => (line === '' ? line : (reseal(Buffer.from(line, 'base64'))?.toString('base64') ?? line)));
  const sealed = lines.join('\n');
  if (sealed !== text) writeFileDurable(path, sealed);
}
