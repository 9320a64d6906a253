import { statfsSync } from 'node:fs';
import { DomainError } from '../../../shared/domain/errors';
import type { StorageSubject } from '../../../shared/domain/errorTexts';

/** The system's codes of a write refused for want of space: a full disk, or the user's quota used up. */
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

/**
 * Turn a file-system failure into an error the user can act on; nothing half-written remains.
 * `subject`: what was not saved, as the error's text names it.
 */
export function storageError(e: unknown, subject: StorageSubject): DomainError {
  if (e instanceof DomainError) return e; // already told (a store below said it in its own words)
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code !== undefined && NO_SPACE.has(code)) return new DomainError('DISK_FULL', { subject });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new DomainError('STORAGE_NO_ACCESS', { subject });
  return new DomainError('STORAGE_WRITE_FAILED', code === undefined ? { subject } : { subject, code });
}

/** Whether a failure is the disk's being full, as the system said it or as a store already told it. */
export function isDiskFull(e: unknown): boolean {
  if (e instanceof DomainError) return e.code === 'DISK_FULL';
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && NO_SPACE.has(code);
}

/**
 * Issue 16: the space a change needs at the least before it begins. Under it the change is refused
 * before anything is written, so a full disk leaves the data directory exactly as it was, the audit
 * trail included (a change that began would leave its entry and the note that it was not written).
 */
export const CHANGE_RESERVE_BYTES = 1024 * 1024;

/** Issue 16: under this much free space every signed-in user is warned (PUSIAUKELE_LOW_SPACE_MB changes it). */
export const LOW_SPACE_BYTES = 500 * 1024 * 1024;

/** The level of the low-space warning, in bytes: LOW_SPACE_BYTES unless PUSIAUKELE_LOW_SPACE_MB says otherwise. */
export function lowSpaceBytes(): number {
  const mb = Number(process.env.PUSIAUKELE_LOW_SPACE_MB);
  return process.env.PUSIAUKELE_LOW_SPACE_MB !== undefined && process.env.PUSIAUKELE_LOW_SPACE_MB !== '' && Number.isFinite(mb) && mb >= 0
    ? Math.round(mb * 1024 * 1024)
    : LOW_SPACE_BYTES;
}

/** The bytes this user may still write on the disk that holds `path`; null when the system cannot tell. */
export function freeBytes(path: string): number | null {
  try {
    const s = statfsSync(path);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/**
 * A data directory as the refusal of a change looks at it: opened read-only because its disk was
 * full (dataDirectory.ts sets `readOnly`), or not.
 */
export interface WritableCheck {
  readonly root: string;
  readonly readOnly?: 'diskFull' | undefined;
}

/** Whether the data directory takes no change now: opened read-only on a full disk, or under CHANGE_RESERVE_BYTES free. */
export function diskFullNow(dir: { readonly root: string }): boolean {
  if ((dir as WritableCheck).readOnly === 'diskFull') return true;
  const free = freeBytes(dir.root);
  return free !== null && free < CHANGE_RESERVE_BYTES; // a disk that cannot be asked is written and its error told
}

/** What the refusal of a change names, by the audit subject it is about. */
const SUBJECT_OF_KIND: Readonly<Record<string, StorageSubject>> = {
  case: 'caseStep',
  meeting: 'meeting',
  document: 'document',
  user: 'userData',
  commission: 'commission',
  settings: 'settings',
  package: 'auditEntry', // a package's change in the data directory is its audit entry
};

/**
 * Issue 16: refuse a change before anything of it is written when the disk is full (DISK_FULL:
 * nothing was changed; free some space and try again). Reads go on as ever.
 */
export function refuseWhenDiskFull(dir: { readonly root: string }, kind: string): void {
  if (diskFullNow(dir)) throw new DomainError('DISK_FULL', { subject: SUBJECT_OF_KIND[kind] ?? 'auditEntry' });
}

/** A failure as the log names it when closing: the system's code and message, no stack (issue 16). */
export function closeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const message = e instanceof Error ? e.message : String(e);
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}
