import { useDeferredValue, useMemo } from 'react';
import { CASE_STATES, CASE_STATE_LABELS } from '../../shared/domain/caseStates';
import { SelectField, TextField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/I18nProvider';
import { filterCases, prepareCases, sortCases, toggleSort, type ListQuery, type StateFilter } from './caseListModel';
import { CaseTable } from './CaseTable';
import type { CaseList } from './useCaseList';
import { RetryNotice } from '../components/RetryNotice';
import './caseList.css';

interface CaseListPageProps {
  list: CaseList;
  query: ListQuery;
  onQueryChange(query: ListQuery): void;
  /** The secretary registers requests: the empty list points them to the form. */
  canRegister: boolean;
}

export function CaseListPage({ list, query, onQueryChange, canRegister }: CaseListPageProps) {
  const { lang, t } = useI18n();
  const search = useDeferredValue(query.search);

  const prepared = useMemo(() => prepareCases(list.cases), [list.cases]);
  const sorted = useMemo(() => sortCases(prepared, query.sort), [prepared, query.sort]);
  const rows = useMemo(
    () => filterCases(sorted, { search, state: query.state, overdueOnly: query.overdueOnly }),
    [sorted, search, query.state, query.overdueOnly],
  );

  const stateOptions = [
    { value: 'all', label: t('cases.allStates') },
    ...CASE_STATES.map((s) => ({ value: s, label: CASE_STATE_LABELS[s][lang] })),
    { value: 'damaged', label: t('cases.damagedFilter') },
  ];

  return (
    <section className="page page-list">
      <PageTitle title={t('cases.title')} />
      <RetryNotice error={list.error} onRetry={list.reload} />
      <div className="list-filters">
        <TextField
          id="cases-search"
          type="search"
          label={t('cases.search')}
          hint={t('cases.searchHint')}
          value={query.search}
          onChange={(value) => onQueryChange({ ...query, search: value })}
        />
        <SelectField
          id="cases-state"
          label={t('cases.stateFilter')}
          value={query.state}
          options={stateOptions}
          onChange={(value) => onQueryChange({ ...query, state: value as StateFilter })}
        />
        <div className="check">
          <input
            id="cases-overdue"
            type="checkbox"
            checked={query.overdueOnly}
            onChange={(e) => onQueryChange({ ...query, overdueOnly: e.target.checked })}
          />
          <label htmlFor="cases-overdue">{t('cases.overdueOnly')}</label>
        </div>
        <p className="list-count" aria-live="polite">
          {list.loading ? t('common.loading') : t('cases.count', { shown: rows.length, total: list.cases.length })}
        </p>
      </div>
      {!list.loading && list.cases.length === 0 && !list.error ? (
        <p className="empty">
          {canRegister ? (
            <>
              {t('cases.empty')} <a href="#/new">{t('nav.new')}</a>
            </>
          ) : (
            t('cases.emptyReadOnly')
          )}
        </p>
      ) : null}
      {!list.loading && list.cases.length > 0 && rows.length === 0 ? <p className="empty">{t('cases.noMatch')}</p> : null}
      {rows.length > 0 ? (
        <CaseTable
          rows={rows}
          sort={query.sort}
          onSort={(key) => onQueryChange({ ...query, sort: toggleSort(query.sort, key) })}
          resetKey={`${search}|${query.state}|${query.overdueOnly}|${query.sort.key}|${query.sort.direction}`}
        />
      ) : null}
    </section>
  );
}
