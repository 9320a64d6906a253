import { DomainError } from '../../../shared/domain/errors';

/** Turn a file-system failure into an error the user can act on; nothing half-written remains. */
export function storageError(e: unknown, what: { lt: string; en: string }): DomainError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DomainError(
      'DISK_FULL',
      `Diske nebėra vietos, todėl neįrašyta: ${what.lt}. Ankstesni duomenys nepakeisti. Atlaisvinkite vietos ir pakartokite.`,
      `The disk is full: ${what.en} was not saved. Earlier data is unchanged. Free some space and try again.`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DomainError(
      'STORAGE_NO_ACCESS',
      `Nėra teisės rašyti į duomenų katalogą, todėl neįrašyta: ${what.lt}. Ankstesni duomenys nepakeisti.`,
      `No permission to write to the data directory: ${what.en} was not saved. Earlier data is unchanged.`,
    );
  }
  return new DomainError(
    'STORAGE_WRITE_FAILED',
    `Nepavyko įrašyti (${code ?? 'nežinoma priežastis'}): ${what.lt}. Ankstesni duomenys nepakeisti.`,
    `Could not save (${code ?? 'unknown reason'}): ${what.en} was not saved. Earlier data is unchanged.`,
  );
}
