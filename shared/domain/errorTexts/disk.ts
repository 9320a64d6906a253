/** The texts of the errors of issue 16 (disk). */
import { entry } from './entry';

export const DISK_ERROR_TEXTS = {
  // codes are added here: CODE: entry<Params>((p) => 'lietuviškai', (p) => 'in English'),
};
void entry;
