import type { AuditEntryView } from '../../shared/contract/audit';
import type { MethodInput, MethodOutput } from '../../shared/contract/methods';
import { isIsoDate } from '../../shared/domain/calendar';
import type { FieldErrors } from '../forms/issues';
import { translate, type Lang } from '../i18n/translate';

/** At most this many entries are shown at once (the newest); filters narrow the rest down. */
export const AUDIT_LIMIT = 1000;

export interface AuditFilterValues {
  /** The case (or other subject) id. */
  subjectId: string;
  /** '' for every user. */
  userId: string;
  from: string;
  to: string;
}

export const NO_FILTER: AuditFilterValues = { subjectId: '', userId: '', from: '', to: '' };

/** The audit.list input for the filters, or the fields to correct (dates as YYYY-MM-DD). */
export function auditQuery(values: AuditFilterValues): { input: MethodInput<'audit.list'> | null; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const subjectId = values.subjectId.trim();
  const from = values.from.trim();
  const to = values.to.trim();
  if (from !== '' && !isIsoDate(from)) errors.from = 'date';
  if (to !== '' && !isIsoDate(to)) errors.to = 'date';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      ...(subjectId !== '' ? { subjectId } : {}),
      ...(values.userId !== '' ? { userId: values.userId } : {}),
      ...(from !== '' ? { from } : {}),
      ...(to !== '' ? { to } : {}),
      limit: AUDIT_LIMIT,
    },
    errors,
  };
}

export type Verification = MethodOutput<'audit.verify'>;

/** "Žurnalas vientisas (N įrašų)." or the first bad entry and what is wrong with it. */
export function verificationText(result: Verification, lang: Lang): string {
  if (result.ok) return translate(lang, 'audit.intact', { count: result.count });
  return translate(lang, 'audit.broken', {
    seq: result.firstBadSeq,
    problem: translate(lang, `audit.problem.${result.problem}`),
    count: result.count,
  });
}

/** What an entry is about: "byla 1234…", "nustatymai". */
export function subjectText(entry: Pick<AuditEntryView, 'subject'>, lang: Lang): string {
  if (!entry.subject) return '';
  const kind = translate(lang, `audit.kind.${entry.subject.kind}`);
  return entry.subject.id ? `${kind} ${entry.subject.id}` : kind;
}
