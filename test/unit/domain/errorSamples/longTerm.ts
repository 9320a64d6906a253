// Parameters for every code of shared/domain/errorTexts/longTerm.ts (issue 18), each variant its texts have.
import type { LONG_TERM_ERROR_TEXTS } from '../../../../shared/domain/errorTexts/longTerm';
import type { ErrorParams } from '../../../../shared/domain/errorTexts';

export const LONG_TERM_SAMPLES: { readonly [C in keyof typeof LONG_TERM_ERROR_TEXTS]: readonly ErrorParams<C>[] } = {};
