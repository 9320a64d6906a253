import type { CaseView } from '../../shared/contract/schemas';
import { useI18n } from '../i18n/I18nProvider';

type RequestFlag = CaseView['flags'][number];

/** V-77 p. 5 and p. 19: the rules the request breaks, each with its earliest allowed date. */
export function RequestFlags({ flags }: { flags: readonly RequestFlag[] }) {
  const { lang, t } = useI18n();
  if (flags.length === 0) return null;
  return (
    <div className="notice notice-warning">
      <p className="notice-title">{t('request.flagsTitle')}</p>
      <ul>
        {flags.map((flag) => (
          <li key={flag.rule} data-rule={flag.rule}>
            <strong>{t('request.flagRule', { point: flag.point })}</strong> {flag[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}
