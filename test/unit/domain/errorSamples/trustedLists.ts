// Parameters for every code of shared/domain/errorTexts/trustedLists.ts (issue 18), each variant its texts have.
import type { TRUSTED_LIST_ERROR_TEXTS } from '../../../../shared/domain/errorTexts/trustedLists';
import type { ErrorParams } from '../../../../shared/domain/errorTexts';

export const TRUSTED_LIST_SAMPLES: { readonly [C in keyof typeof TRUSTED_LIST_ERROR_TEXTS]: readonly ErrorParams<C>[] } = {};
