import type { CapacityChange } from '../../shared/contract/schemas';
import { todayIso, type IsoDate } from '../../shared/domain/calendar';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { capacityHistory } from './placesModel';
import './places.css';

/** The halfway house's capacity over time (V-77 p. 4): each dated change, newest first, the one in force marked. */
export function CapacityHistory({ changes, today = todayIso() }: { changes: readonly CapacityChange[]; today?: IsoDate }) {
  const { lang, t } = useI18n();
  const history = capacityHistory(changes, today);
  if (history.length === 0) return <p>{t('places.capacity.noChanges')}</p>;
  return (
    <table className="data-table capacity-history">
      <caption className="visually-hidden">{t('places.capacity.history')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('places.capacity.from')}</th>
          <th scope="col">{t('places.capacity.places')}</th>
          <th scope="col">{t('places.capacity.note')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((c, i) => (
          <tr key={`${c.from}-${i}`} className={c.current ? 'is-current' : undefined} data-from={c.from}>
            <th scope="row">
              {formatDate(c.from, lang)}
              {c.current ? <span className="muted"> {t('places.capacity.current')}</span> : c.future ? <span className="muted"> {t('places.capacity.future')}</span> : null}
            </th>
            <td>{c.places}</td>
            <td>{c.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
