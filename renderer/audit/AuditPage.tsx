import { useEffect, useState, type FormEvent } from 'react';
import type { AuditEntryView } from '../../shared/contract/audit';
import type { UserView } from '../../shared/contract/users';
import { validationMessage } from '../../shared/contract/validationMessages';
import { ApiError, call, toApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField, TextField } from '../components/fields';
import { DateField } from '../components/DateField';
import { PageTitle } from '../components/PageTitle';
import type { FieldErrors } from '../forms/issues';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { IntegrityPanel } from './IntegrityPanel';
import { AUDIT_LIMIT, auditQuery, NO_FILTER, subjectText, verificationText, type AuditFilterValues, type Verification } from './auditModel';

/**
 * The audit trail for administrators: every change to a case, a user or the settings, filtered by
 * subject, user and dates, and a check that the chained log is intact.
 */
export function AuditPage() {
  const { lang, t } = useI18n();
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTER);
  const [applied, setApplied] = useState<AuditFilterValues>(NO_FILTER);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [entries, setEntries] = useState<readonly AuditEntryView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [users, setUsers] = useState<readonly UserView[]>([]);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    let current = true;
    // Only for naming the users in the filter: the log itself carries the user names.
    call('users.list', {}).then(
      (list) => current && setUsers([...list].sort((a, b) => a.username.localeCompare(b.username))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    const { input } = auditQuery(applied);
    if (!input) return;
    let current = true;
    call('audit.list', input).then(
      (list) => {
        if (!current) return;
        setEntries(list);
        setError(null);
      },
      (e: unknown) => current && setError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [applied, loads]);

  const show = (e: FormEvent) => {
    e.preventDefault();
    const checked = auditQuery(values);
    setErrors(checked.errors);
    if (!checked.input) return;
    setApplied(values);
    setLoads((n) => n + 1);
  };

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    setVerification(null);
    try {
      setVerification(await call('audit.verify', {}));
    } catch (e) {
      setVerifyError(toApiError(e));
    } finally {
      setVerifying(false);
    }
  };

  const change = (field: keyof AuditFilterValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
  };
  const errorOf = (field: keyof AuditFilterValues) => (errors[field] ? validationMessage(errors[field], lang) : undefined);

  return (
    <section className="page">
      <PageTitle title={t('audit.title')} />
      <p className="lead">{t('audit.intro')}</p>
      <IntegrityPanel />

      <div className="audit-verify">
        <button type="button" className="button-secondary" disabled={verifying} onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
        <div aria-live="polite">
          {verification ? (
            <p className={verification.ok ? 'notice notice-ok' : 'notice notice-error'} role="status" data-intact={verification.ok}>
              {verificationText(verification, lang)}
            </p>
          ) : null}
        </div>
        {verifyError ? <ErrorNotice error={verifyError} /> : null}
      </div>

      <form className="list-filters" onSubmit={show} noValidate aria-label={t('audit.filters')}>
        <TextField id="audit-subject" label={t('audit.subject')} value={values.subjectId} onChange={(v) => change('subjectId', v)} />
        <SelectField
          id="audit-user"
          label={t('audit.user')}
          value={values.userId}
          placeholder={t('audit.allUsers')}
          options={users.map((u) => ({ value: u.id, label: `${u.username} (${u.displayName})` }))}
          onChange={(v) => change('userId', v)}
        />
        <DateField id="audit-from" label={t('audit.from')} hint={t('audit.dateHint')} value={values.from} onChange={(v) => change('from', v)} error={errorOf('from')} />
        <DateField id="audit-to" label={t('audit.to')} hint={t('audit.dateHint')} value={values.to} onChange={(v) => change('to', v)} error={errorOf('to')} />
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {t('audit.show')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setValues(NO_FILTER);
              setErrors({});
              setApplied(NO_FILTER);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>

      {error ? <ErrorNotice error={error} /> : null}
      {entries === null && !error ? <p>{t('common.loading')}</p> : null}
      {entries ? (
        <>
          <p className="list-count" aria-live="polite">
            {entries.length >= AUDIT_LIMIT ? t('audit.limited', { limit: AUDIT_LIMIT }) : t('audit.count', { count: entries.length })}
          </p>
          {entries.length === 0 ? (
            <p className="empty">{t('audit.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table audit-table">
                <caption className="visually-hidden">{t('audit.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.col.seq')}</th>
                    <th scope="col">{t('audit.col.at')}</th>
                    <th scope="col">{t('audit.col.actor')}</th>
                    <th scope="col">{t('audit.col.method')}</th>
                    <th scope="col">{t('audit.col.subject')}</th>
                    <th scope="col">{t('audit.col.summary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.seq} data-seq={entry.seq}>
                      <td>{entry.seq}</td>
                      <td>{formatMoment(entry.at, lang)}</td>
                      <td>{entry.actor ? entry.actor.username : t('audit.nobody')}</td>
                      <td>
                        <code>{entry.method}</code>
                      </td>
                      <td className="audit-subject">{subjectText(entry, lang)}</td>
                      <td>{entry.summary ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
