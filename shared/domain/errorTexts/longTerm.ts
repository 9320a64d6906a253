/** The texts of the errors of issue 18's long-term signatures (PAdES B-LT, B-LTA). */
import { entry } from './entry';

export const LONG_TERM_ERROR_TEXTS = {};
