/**
 * The texts of the errors of reading and checking case packages (issue 15): zip safety, BagIt 1.0 (RFC 8493) structure and checksums.
 */
import { entry } from './entry';

export const PACKAGE_ERROR_TEXTS = {
  PACKAGE_PLACEHOLDER: entry(
    () => 'Vidinė klaida.',
    () => 'Internal error.',
  ),
};
