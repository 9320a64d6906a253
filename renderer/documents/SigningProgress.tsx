import type { ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useI18n } from '../i18n/I18nProvider';
import { advisedRefusal, notReached, signedCount, type SigningRun } from './signingModel';

interface SigningProgressProps {
  run: SigningRun<ApiError>;
  /** The registration number of each document of the run (the queue drops them as they are signed). */
  numbers: ReadonlyMap<string, string>;
}

/** How far a signing run is, and what became of each document; a refusal that stopped it, with its code. */
export function SigningProgress({ run, numbers }: SigningProgressProps) {
  const { lang, t } = useI18n();
  const total = run.ids.length;
  const done = run.results.length;
  const signed = signedCount(run);
  const numberOf = (id: string) => numbers.get(id) ?? id;

  return (
    <section className="panel signing-progress" aria-labelledby="signing-progress-title" data-finished={run.finished}>
      <h2 id="signing-progress-title">{t('signing.results')}</h2>
      <div className="progress-line">
        <label htmlFor="signing-progress-bar">{t('signing.progressLabel')}</label>
        <progress id="signing-progress-bar" value={done} max={total} />
        <span className="progress-count">{t('signing.progress', { done, total })}</span>
      </div>
      <p role="status">
        {!run.finished ? t('signing.running') : run.stoppedBy ? t('signing.stopped', { signed, total }) : t('signing.finished', { signed, total })}
      </p>
      {run.stoppedBy ? (
        <ErrorNotice error={run.stoppedBy}>
          <Advice code={run.stoppedBy.code} />
        </ErrorNotice>
      ) : null}
      <ul className="signing-results">
        {run.results.map((result) => (
          <li key={result.id} data-result={result.outcome}>
            {result.outcome === 'signed' ? (
              t('signing.result.signed', { number: numberOf(result.id) })
            ) : (
              <>
                {t('signing.result.refused', { number: numberOf(result.id) })}:{' '}
                <span className="error-code">({t('error.code', { code: result.error.code })})</span> {result.error.text(lang)}
                <Advice code={result.error.code} />
              </>
            )}
          </li>
        ))}
        {notReached(run).map((id) => (
          <li key={id} data-result="notReached">
            {t('signing.result.notReached', { number: numberOf(id) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What to do about a refusal: of who signs (issue 12: CERT_NOT_SIGNER, CITED_NOT_SIGNED, …), or of an
 * act that would pass over a convict listed since (issue 14, V-77 p. 12: re-issue it as a correction
 * with the reason).
 */
function Advice({ code }: { code: string }) {
  const { t } = useI18n();
  const refusal = advisedRefusal(code);
  return refusal ? <p className="signing-advice">{t(`signing.advice.${refusal}`)}</p> : null;
}
