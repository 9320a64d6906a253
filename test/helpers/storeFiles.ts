import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptingCodec, unlockDataKey } from '../../electron/services/store/encryption';

/**
 * A test data directory's files as the store reads and writes them: sealed under its data key
 * (issue 3), unlocked with the tests' passphrase. For tests that damage or rewrite files by hand.
 */
export async function storeFiles(dataDir: string) {
  const codec = encryptingCodec(await unlockDataKey(dataDir, { kind: 'passphrase', passphrase: process.env.PUSIAUKELE_PASSPHRASE ?? '' }));
  return {
    read: (...path: string[]): unknown => codec.decode(readFileSync(join(dataDir, ...path))),
    write: (path: string[], value: unknown): void => writeFileSync(join(dataDir, ...path), codec.encode(value)),
    /** A line of index/journal.log as the store appends it. */
    line: (entry: unknown): string => `${codec.encode(entry).toString('base64')}\n`,
  };
}
