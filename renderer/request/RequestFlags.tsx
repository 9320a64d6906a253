import type { CaseView } from '../../shared/contract/schemas';
import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';

type RequestFlag = CaseView['flags'][number];
type TermFlag = Extract<RequestFlag, { rule: 'p5' | 'p19' }>;
type DuplicateFlag = Extract<RequestFlag, { rule: 'duplicate' }>;

export function isTermFlag(flag: RequestFlag): flag is TermFlag {
  return flag.rule !== 'duplicate';
}

/** V-77 p. 5 and p. 19: the rules the request breaks, each with its earliest allowed date. */
export function RequestFlags({ flags }: { flags: readonly RequestFlag[] }) {
  const { lang, t } = useI18n();
  const terms = flags.filter(isTermFlag);
  if (terms.length === 0) return null;
  return (
    <div className="notice notice-warning">
      <p className="notice-title">{t('request.flagsTitle')}</p>
      <ul>
        {terms.map((flag) => (
          <li key={flag.rule} data-rule={flag.rule}>
            <strong>{t('request.flagRule', { point: flag.point })}</strong> {flag[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Issue 17: the open case of the same convict, said while the request is typed, with a link to it. */
export function DuplicateNotice({ flag }: { flag: DuplicateFlag }) {
  const { lang, t } = useI18n();
  return (
    <div className="notice notice-warning" data-rule="duplicate">
      <p className="notice-title">{t('request.duplicateTitle')}</p>
      <p>{flag[lang]}</p>
      <p>
        <a href={routeHref({ name: 'case', id: flag.caseId })}>{t('request.duplicateOpen', { name: `${flag.lastName} ${flag.firstName}` })}</a>
      </p>
    </div>
  );
}
