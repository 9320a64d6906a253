import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CaseListItem } from '../../shared/contract/schemas';
import { CASE_STATE_LABELS } from '../../shared/domain/caseStates';
import { daysLeftText } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import type { Lang, Translate } from '../i18n/translate';
import { routeHref } from '../router/routes';
import { navigate } from '../router/useRoute';
import type { SortKey, SortSpec } from './caseListModel';
import { rowWindow } from './virtualWindow';

/**
 * Must match `--row-height` in styles.css: the height of a one-line row, which the window assumes
 * for every row until it is measured (a wrapped state or institution makes it taller, issue 17).
 */
export const ROW_HEIGHT = 40;
const OVERSCAN = 10;

const COLUMNS: readonly { key: SortKey; label: MessageKey }[] = [
  { key: 'name', label: 'cases.col.name' },
  { key: 'personalFileNo', label: 'cases.col.fileNo' },
  { key: 'institution', label: 'cases.col.institution' },
  { key: 'requestDate', label: 'cases.col.requestDate' },
  { key: 'state', label: 'cases.col.state' },
  { key: 'nextDeadline', label: 'cases.col.deadline' },
  { key: 'flags', label: 'cases.col.flag' },
];

interface CaseTableProps {
  rows: readonly CaseListItem[];
  sort: SortSpec;
  onSort(key: SortKey): void;
  /** Changes when the search, filters or sorting change: the list then starts from its top again. */
  resetKey: string;
}

/** The rendered rows' heights where they differ from what `known` says; null when none does. */
function measuredRows(body: HTMLTableSectionElement, known: ReadonlyMap<string, number>): Map<string, number> | null {
  let next: Map<string, number> | null = null;
  for (const row of body.querySelectorAll<HTMLTableRowElement>('tr[data-id]')) {
    const id = row.dataset.id ?? '';
    const height = row.getBoundingClientRect().height;
    if (Math.abs((known.get(id) ?? ROW_HEIGHT) - height) > 0.5) (next ??= new Map(known)).set(id, height);
  }
  return next;
}

/**
 * The case list as one table whose body renders only the rows in view (plus a margin): thousands of
 * cases cost what forty do. Issue 17: the cells wrap rather than cut the state or the institution
 * short, so a row may be taller than one line; each rendered row is measured and the window counts
 * with its height.
 */
export function CaseTable({ rows, sort, onSort, resetKey }: CaseTableProps) {
  const { lang, t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState({ height: 600, width: 0 });
  /** Measured row heights by case id, for the width and language they were measured in. */
  const [heights, setHeights] = useState<{ layout: string; byId: ReadonlyMap<string, number> }>({ layout: '', byId: new Map() });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () =>
      setViewport((v) => (v.height === element.clientHeight && v.width === element.clientWidth ? v : { height: element.clientHeight, width: element.clientWidth }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const { start, end, padTop, padBottom } = rowWindow({
    scrollTop,
    viewportHeight: viewport.height,
    rowHeight: ROW_HEIGHT,
    rowCount: rows.length,
    overscan: OVERSCAN,
    heightOf: (i) => heights.byId.get(rows[i]?.id ?? ''),
  });

  // The rows in the window, measured once rendered (in another width or language every height is
  // new). Stops once every rendered row's height is known.
  const layout = `${viewport.width} ${lang}`;
  useLayoutEffect(() => {
    if (!body.current) return;
    const known = heights.layout === layout ? heights.byId : new Map<string, number>();
    const next = measuredRows(body.current, known);
    if (next !== null || known !== heights.byId) setHeights({ layout, byId: next ?? known });
  }, [heights, layout, rows, start, end]);

  return (
    <div
      ref={scroller}
      className="table-scroll"
      role="region"
      aria-label={t('cases.caption')}
      tabIndex={0}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <table className="case-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{t('cases.caption')}</caption>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} className={`col-${c.key}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const sorted = sort.key === c.key;
              return (
                <th key={c.key} scope="col" aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                    {t(c.label)}
                    <span className="sort-mark" aria-hidden="true">
                      {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={body}>
          {padTop > 0 ? (
            <tr className="spacer" aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          ) : null}
          {rows.slice(start, end).map((item, i) => (
            <CaseRow key={item.id} item={item} rowIndex={start + i + 2} lang={lang} t={t} />
          ))}
          {padBottom > 0 ? (
            <tr className="spacer" aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

interface CaseRowProps {
  item: CaseListItem;
  rowIndex: number;
  lang: Lang;
  t: Translate;
}

function CaseRow({ item, rowIndex, lang, t }: CaseRowProps) {
  const name = `${item.lastName} ${item.firstName}`.trim() || t('common.none');
  const common = (
    <>
      <td>{item.personalFileNo || t('common.none')}</td>
      <td>{item.servingInstitution || t('common.none')}</td>
      <td>{item.requestDate ?? t('common.none')}</td>
    </>
  );

  if (item.damaged !== undefined) {
    const reason = t('cases.damaged', { reason: item.damaged[lang] });
    return (
      <tr data-row="" data-id={item.id} data-damaged="" aria-rowindex={rowIndex} className="row-damaged">
        <td>{name}</td>
        {common}
        <td colSpan={3} className="damaged">
          {reason}
        </td>
      </tr>
    );
  }

  const deadline = item.nextDeadline;
  const href = routeHref({ name: 'case', id: item.id });
  return (
    <tr
      data-row=""
      data-id={item.id}
      aria-rowindex={rowIndex}
      className={deadline?.overdue ? 'row-overdue' : undefined}
      onClick={(e) => {
        if (!(e.target instanceof HTMLAnchorElement)) navigate({ name: 'case', id: item.id });
      }}
    >
      <td>
        <a href={href}>{name}</a>
      </td>
      {common}
      <td>{item.state ? CASE_STATE_LABELS[item.state][lang] : t('common.none')}</td>
      <td className={deadline?.overdue ? 'overdue' : undefined}>
        {deadline ? (
          <>
            {deadline.date} <span className="days-left">({daysLeftText(deadline, lang)})</span>
          </>
        ) : (
          t('common.none')
        )}
      </td>
      <td>
        {item.flags.map((rule) => {
          const point = rule.slice(1);
          return (
            <span key={rule} className="flag-marker" title={t('cases.flagTitle', { point })}>
              {t('cases.flagMarker', { point })}
              <span className="visually-hidden"> {t('cases.flagTitle', { point })}</span>
            </span>
          );
        })}
      </td>
    </tr>
  );
}
