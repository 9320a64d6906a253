/**
 * The texts of the errors of the archivist's desk (issue 15): exporting, sending, importing cases, backups, the command line.
 */
import { entry } from './entry';

export const ARCHIVE_ERROR_TEXTS = {
  ARCHIVE_PLACEHOLDER: entry(
    () => 'Vidinė klaida.',
    () => 'Internal error.',
  ),
};
