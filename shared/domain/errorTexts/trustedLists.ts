/** The texts of the errors of issue 18's trusted lists (ETSI TS 119 612). */
import { entry } from './entry';

export const TRUSTED_LIST_ERROR_TEXTS = {};
