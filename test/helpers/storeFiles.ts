import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptingCodec, unlockDataKey } from '../../electron/services/store/encryption';

/**
 * A test data directory's files as the store reads and writes them: sealed under its data key
 * (issue 3), unlocked with the tests' passphrase. For tests that damage or rewrite files by hand.
 * Whole-file records are sealed for their path (issue 16) with a generation newer than any the
 * store has written, as a write of the app itself that its manifest has not yet seen would be (a
 * crash between the two): what these tests change is the content, not the version.
 */
export async function storeFiles(dataDir: string) {
  const codec = encryptingCodec(await unlockDataKey(dataDir, { kind: 'passphrase', passphrase: process.env.PUSIAUKELE_PASSPHRASE ?? '' }));
  let generation = Date.now() * 1000;
  const bound = codec.bind(dataDir, { nextGeneration: () => ++generation, checkRead: () => undefined });
  const file = (path: string[]) => join(dataDir, ...path);
  return {
    read: (...path: string[]): unknown => bound.at(file(path)).decode(readFileSync(file(path))),
    write: (path: string[], value: unknown): void => writeFileSync(file(path), bound.at(file(path)).encode(value)),
    /** A line of index/journal.log (or of the audit trail) as the store appends it. */
    line: (entry: unknown): string => `${codec.encode(entry).toString('base64')}\n`,
  };
}

/**
 * The codec a test that opens a store by hand seals with (issue 16): bound to the data directory's
 * paths, with generations newer than any the app wrote, as a write of the app itself whose manifest
 * line a crash cut off would be; reads check no versions.
 */
export function handCodec(dataDir: string, key: Buffer) {
  let generation = Date.now() * 1000;
  return encryptingCodec(key).bind(dataDir, { nextGeneration: () => ++generation, checkRead: () => undefined });
}
