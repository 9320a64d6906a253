import { DomainError } from '../../../shared/domain/errors';
import type { StorageSubject } from '../../../shared/domain/errorTexts';

/**
 * Turn a file-system failure into an error the user can act on; nothing half-written remains.
 * `subject`: what was not saved, as the error's text names it.
 */
export function storageError(e: unknown, subject: StorageSubject): DomainError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new DomainError('DISK_FULL', { subject });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new DomainError('STORAGE_NO_ACCESS', { subject });
  return new DomainError('STORAGE_WRITE_FAILED', code === undefined ? { subject } : { subject, code });
}
