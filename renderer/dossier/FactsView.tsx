import { FIELD_LABELS } from '../../shared/contract/validationMessages';
import { isIsoDate } from '../../shared/domain/calendar';
import type { ItemFacts } from '../../shared/domain/dossier';
import type { DossierItemId } from '../../shared/domain/dossierItems';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { FACTS_FIELDS, type FactsField } from './factsFields';

/** An item's facts as the members and the chair read them (the secretary edits them in FactsForm). */
export function FactsView({ item, facts }: { item: DossierItemId; facts: ItemFacts | undefined }) {
  const { lang, t } = useI18n();
  if (!facts) return <p className="field-hint">{t('dossier.factsMissing')}</p>;
  const label = (name: string) => FIELD_LABELS[name]?.[lang] ?? name;

  const value = (field: FactsField, v: unknown) => {
    if (v === undefined || v === '') return t('common.none');
    switch (field.kind) {
      case 'yesno':
        return v ? t('dossier.yes') : t('dossier.no');
      case 'select':
        return t(`dossier.option.${String(v)}` as MessageKey);
      case 'date':
        return typeof v === 'string' && isIsoDate(v) ? formatDate(v, lang) : String(v);
      case 'amount':
        return `${Number(v).toLocaleString(lang === 'lt' ? 'lt-LT' : 'en-GB', { minimumFractionDigits: 2 })} EUR`;
      case 'lines':
        return (v as string[]).length === 0 ? t('common.none') : (v as string[]).join('; ');
      case 'rows':
        return (v as Record<string, unknown>[]).length === 0 ? (
          t('common.none')
        ) : (
          <ul>
            {(v as Record<string, unknown>[]).map((row, i) => (
              <li key={i}>{field.fields.map((f) => `${label(f.name)}: ${String(value(f, row[f.name]))}`).join(', ')}</li>
            ))}
          </ul>
        );
      default:
        return String(v);
    }
  };

  const record = facts as Record<string, unknown>;
  return (
    <dl className="data-list facts-view">
      {FACTS_FIELDS[item].map((f) => (
        <div key={f.name}>
          <dt>{label(f.name)}</dt>
          <dd>{value(f, record[f.name])}</dd>
        </div>
      ))}
    </dl>
  );
}
