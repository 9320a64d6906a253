// The audit head's second place (issue 16). The manifest (manifest.ts) catches a file, the trail or
// the manifest put back on its own; all of them put back together from one older copy of the whole
// directory agree with one another. What does not agree is this workstation's memory of how far the
// directory had come when it last held it: a witness kept outside the data directory, in the user's
// own application-data folder, sealed under the data key. A directory found behind its witness was
// put back from an older copy while this workstation was away. Each workstation keeps its own: the
// directory moving ahead under another workstation is no finding, only its going back.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { readFileIfExists, removeFile, writeFileDurable } from './durableFile';
import type { SealingCodec } from './encryption';
import type { AuditHead } from './manifest';

const witnessShape = z.object({
  audit: z.object({ seq: z.number().int().min(0), hash: z.string() }),
  /** The users file's generation on disk (an old users file is what lets a deactivated account in). */
  users: z.number().int().min(0).optional(),
  at: z.string(),
});
export type WitnessState = z.infer<typeof witnessShape>;

/**
 * The witness file of the directory at `root` opened with `codec`: named by a keyed hash of the
 * directory's path, so that the name tells nothing, and a new directory made at the same path (a
 * new data key) has a witness of its own.
 */
export function witnessPath(witnessDir: string, root: string, codec: SealingCodec): string {
  return join(witnessDir, `${codec.blobs.blobName(`witness ${resolve(root)}`).slice(0, 40)}.json`);
}

/** What the witness says, or undefined when there is none (a first open here) or it cannot be read (said as such by the caller). */
export function readWitness(path: string, codec: SealingCodec): WitnessState | 'unreadable' | undefined {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileIfExists(path);
  } catch {
    return 'unreadable';
  }
  if (bytes === undefined) return undefined;
  try {
    return witnessShape.parse(codec.at(path).decode(bytes));
  } catch {
    return 'unreadable';
  }
}

/** Record how far the directory has come. Never fails the caller: a witness that cannot be written only weakens the next check. */
export function writeWitness(path: string, codec: SealingCodec, state: { audit: AuditHead; users?: number }, now: Date): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileDurable(path, codec.at(path).encode({ ...state, at: now.toISOString() }));
  } catch (e) {
    console.error(`The workstation's integrity witness could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}); the next start checks less.`);
  }
}

/** Forget the witness (the restore command, which puts an older state back on purpose). */
export function forgetWitness(path: string): void {
  try {
    removeFile(path);
  } catch {
    // nothing to forget
  }
}
