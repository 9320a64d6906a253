import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { exportClosedOutput } from '../../shared/contract/archiveSchemas';
import { bytesText } from '../../shared/domain/errorTexts/packages';
import { call, subscribe, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormFooter } from '../components/FormFooter';
import { TextField } from '../components/fields';
import { useCheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';
import { checkClosed, emptyProtection, newJobId, type ClosedInput, type ClosedValues } from './archiveModel';
import { ProtectionFields } from './ProtectionFields';

type ClosedOutput = z.infer<typeof exportClosedOutput>;

/** A run under way: its id (the page chose it), what the progress events said so far, a cancel asked for. */
interface Job {
  id: string;
  done: number | null;
  total: number | null;
  cancelling: boolean;
}

/** The bar of a run: determinate once the first archive.progress event said how many cases there are. */
function JobProgress({ job, onCancel }: { job: Job; onCancel(): void }) {
  const { t } = useI18n();
  const known = job.done !== null && job.total !== null;
  const text = known ? t('archive.closed.progress', { done: job.done ?? 0, total: job.total ?? 0 }) : t('archive.closed.starting');
  return (
    <div className="archive-progress" data-done={job.done ?? undefined} data-total={job.total ?? undefined}>
      <label htmlFor="closed-progress">{t('archive.closed.progressLabel')}</label>
      <progress
        id="closed-progress"
        max={known ? Math.max(job.total ?? 0, 1) : undefined}
        value={known ? (job.done ?? 0) : undefined}
        aria-valuemin={0}
        aria-valuemax={known ? (job.total ?? 0) : undefined}
        aria-valuenow={known ? (job.done ?? 0) : undefined}
        aria-valuetext={text}
      />
      <p className="archive-progress-text" role="status" aria-live="polite">
        {job.cancelling ? t('archive.closed.cancelling') : text}
      </p>
      <button type="button" className="button-secondary" disabled={job.cancelling} onClick={onCancel}>
        {t('archive.closed.cancel')}
      </button>
    </div>
  );
}

/** The packages written, and the cases that failed with the code of their reason. */
function ClosedResult({ result }: { result: ClosedOutput }) {
  const { lang, t } = useI18n();
  const count = result.packages.length;
  const summary = result.cancelled ? t('archive.closed.cancelled', { count }) : count === 0 && result.failed.length === 0 ? t('archive.closed.none') : t('archive.closed.done', { count });
  return (
    <div className="archive-result" data-cancelled={result.cancelled} data-packages={count}>
      <p className={result.cancelled ? 'notice notice-warning' : 'notice notice-ok'}>{summary}</p>
      <dl className="data-list">
        <div>
          <dt>{t('archive.closed.folder')}</dt>
          <dd>
            <code className="written-path">{result.folder}</code>
          </dd>
        </div>
      </dl>
      {count > 0 ? (
        <>
          <h3>{t('archive.closed.packages')}</h3>
          <div className="table-scroll">
            <table className="data-table archive-packages">
              <caption className="visually-hidden">{t('archive.closed.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('archive.closed.col.name')}</th>
                  <th scope="col">{t('archive.closed.col.case')}</th>
                  <th scope="col">{t('archive.closed.col.size')}</th>
                  <th scope="col">{t('archive.closed.col.sha256')}</th>
                </tr>
              </thead>
              <tbody>
                {result.packages.map((p) => (
                  <tr key={p.path}>
                    <th scope="row">{p.name}</th>
                    <td>{p.caseId ? <a href={routeHref({ name: 'case', id: p.caseId })}>{p.caseId}</a> : null}</td>
                    <td>{bytesText(p.bytes, lang)}</td>
                    <td>
                      <code className="written-sha256">{p.sha256}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {result.failed.length > 0 ? (
        <>
          <h3>{t('archive.closed.failed')}</h3>
          <table className="data-table archive-failed">
            <caption className="visually-hidden">{t('archive.closed.failedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('archive.closed.col.case')}</th>
                <th scope="col">{t('archive.closed.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.failed.map((f) => (
                <tr key={f.caseId} data-code={f.code}>
                  <th scope="row">
                    <a href={routeHref({ name: 'case', id: f.caseId })}>{f.caseId}</a>
                  </th>
                  <td>{t('archive.closed.reason', { code: f.code })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

/**
 * Every case closed in a year, one package each, into a new folder of the exports folder (the
 * archivist's): the personal-data warning ticked, an optional password; a progress bar fed by the
 * archive.progress events of the run this page started, and a cancel that keeps what was written.
 */
export function ClosedExportPanel({ defaultYear }: { defaultYear: string }) {
  const { t } = useI18n();
  const form = useCheckedForm<ClosedValues, ClosedInput>({ ...emptyProtection, year: defaultYear }, checkClosed);
  const [job, setJob] = useState<Job | null>(null);
  const [result, setResult] = useState<ClosedOutput | null>(null);
  const [cancelError, setCancelError] = useState<ApiError | null>(null);
  const stopListening = useRef<(() => void) | null>(null);
  useEffect(() => () => stopListening.current?.(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async (input) => {
      const id = newJobId();
      setResult(null);
      setCancelError(null);
      setJob({ id, done: null, total: null, cancelling: false });
      // Listening before the call: the run's first event (0 of N) comes as soon as it starts.
      stopListening.current = subscribe((event) => {
        if (event.type !== 'archive.progress' || event.payload.jobId !== id) return;
        const { done, total } = event.payload;
        setJob((j) => (j?.id === id ? { ...j, done, total } : j));
      });
      try {
        setResult(await call('archive.exportClosed', { ...input, jobId: id }));
      } finally {
        stopListening.current?.();
        stopListening.current = null;
        setJob(null);
      }
    });
  };

  const cancel = () => {
    if (!job) return;
    setJob({ ...job, cancelling: true });
    call('archive.cancel', { jobId: job.id }).catch((e: unknown) => {
      setCancelError(toApiError(e));
      setJob((j) => (j ? { ...j, cancelling: false } : j));
    });
  };

  return (
    <section className="panel archive-closed" aria-labelledby="closed-title">
      <h2 id="closed-title">{t('archive.closed.title')}</h2>
      <p className="field-hint">{t('archive.closed.hint')}</p>
      <form onSubmit={submit} noValidate aria-labelledby="closed-title">
        <TextField id="closed-year" label={t('archive.closed.year')} required inputMode="numeric" {...form.field('year')} />
        <ProtectionFields
          idPrefix="closed"
          confirmed={form.values.personalData}
          onConfirmed={(v) => form.set('personalData', v)}
          confirmError={form.errorOf('personalData')}
          password={form.field('password')}
          repeat={form.field('repeat')}
        />
        <FormFooter form={form} label={t('archive.closed.start')} disabled={job !== null} />
      </form>
      {job ? <JobProgress job={job} onCancel={cancel} /> : null}
      {cancelError ? <ErrorNotice error={cancelError} /> : null}
      <div aria-live="polite">{result ? <ClosedResult result={result} /> : null}</div>
    </section>
  );
}
