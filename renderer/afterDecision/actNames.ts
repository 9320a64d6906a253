import { ACT_NAMES } from '../../shared/domain/errorTexts/afterDecision';
import type { MessageKey } from '../i18n/messages';
import type { Lang, Translate } from '../i18n/translate';

/** The acts a case records or contests, as the case page names them (V-77 p. 8, 13–18, 46, 47, 51). */
const ACT_LABELS: Readonly<Record<string, MessageKey>> = {
  order: 'after.actKind.order',
  declineDecision: 'after.actKind.declineDecision',
  submission: 'after.actKind.submission',
  letter: 'after.actKind.letter',
  returnDecision: 'after.actKind.returnDecision',
  departmentResolution: 'after.actKind.departmentResolution',
  departmentRefusal: 'after.actKind.departmentRefusal',
  otherOutcome: 'after.actKind.otherOutcome',
  p47Notice: 'after.actKind.p47Notice',
  appealOutcome: 'after.actKind.appealOutcome',
};

/** An act's kind as a label; a kind the UI does not know is named as the error texts name it, or as it is. */
export function actKindLabel(kind: string, t: Translate, lang: Lang): string {
  const key = ACT_LABELS[kind];
  if (key) return t(key);
  return ACT_NAMES[kind]?.[lang] ?? kind;
}
