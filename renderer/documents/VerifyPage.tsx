import { useRef, useState, type ChangeEvent } from 'react';
import type { VerificationReport } from '../../shared/contract/verificationSchemas';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { kindAndSize } from '../dossier/upload';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { fileBytes } from './documentFiles';
import { documentVerdictOf, pdfLtView, problemKey, signatureFindings, verdictOf, type SignatureCheck } from './verificationModel';
import './documents.css';

type Check = { phase: 'idle' } | { phase: 'checking' } | { phase: 'done'; report: VerificationReport } | { phase: 'failed'; error: ApiError };

/** One signature: the verdict and why first, then who, when, intact, certificate, trust, revocation and what came after. */
function SignatureResult({ n, check }: { n: number; check: SignatureCheck }) {
  const { lang, t } = useI18n();
  const verdict = verdictOf(check);
  const titleId = `signature-${n}-title`;
  const findings = signatureFindings(check, (iso) => formatMoment(iso, lang), t);
  return (
    <article className="panel signature-check" data-valid={check.valid} data-indication={check.indication} aria-labelledby={titleId}>
      <h3 id={titleId}>{t(check.type === 'documentTimestamp' ? 'verify.timestampTitle' : 'verify.signatureTitle', { n })}</h3>
      <p className="signature-verdict" data-tone={verdict.tone}>
        <strong>{t(verdict.key)}</strong>
        {verdict.reason ? <span className="signature-reason"> {t(verdict.reason)}</span> : null}
      </p>
      <p className="muted signature-code">{t(verdict.code.key, verdict.code.params)}</p>
      <dl className="data-list signature-findings">
        {findings.map((finding) => (
          <div key={finding.id} data-finding={finding.id} data-tone={finding.tone}>
            <dt>{t(finding.label)}</dt>
            <dd>{'value' in finding.text ? finding.text.value : t(finding.text.key, finding.text.params)}</dd>
          </div>
        ))}
      </dl>
      {check.problems.length > 0 ? (
        <>
          <h4>{t('verify.problems')}</h4>
          <ul className="signature-problems">
            {check.problems.map((code) => {
              const key = problemKey(code);
              return (
                <li key={code}>
                  {key ? `${t(key)} ` : null}
                  <span className="error-code">({t('error.code', { code })})</span>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {check.subFilter ? <p className="muted">{t('verify.format', { format: check.subFilter })}</p> : null}
    </article>
  );
}

/** The file's PDF-LT-V1.0 check (issue 18): the level it reaches, then each requirement it does not meet, then what the level does not say. */
function PdfLtResult({ report }: { report: VerificationReport['pdfLt'] }) {
  const { t } = useI18n();
  const view = pdfLtView(report);
  return (
    <section className="panel pdf-lt-check" data-level={view.level} aria-labelledby="pdf-lt-title">
      <h3 id="pdf-lt-title">{t('verify.pdfLt.title')}</h3>
      <p className="muted">{t('verify.pdfLt.intro')}</p>
      <p className="signature-verdict pdf-lt-level" data-tone={view.tone}>
        <strong>{t(view.key)}</strong>
      </p>
      {view.claimedButShort ? <p className="pdf-lt-claimed">{t('verify.pdfLt.claimed')}</p> : null}
      {view.unmet.length > 0 ? (
        <>
          <h4 id="pdf-lt-unmet-title">{t('verify.pdfLt.unmet')}</h4>
          <ul className="pdf-lt-unmet" aria-labelledby="pdf-lt-unmet-title">
            {view.unmet.map((u) => (
              <li key={u.code} data-code={u.code} data-level={u.level}>
                {t(u.key)} <span className="muted">({[t('verify.pdfLt.requirementLevel', { level: u.level }), u.detail].filter(Boolean).join('; ')})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.remarks.length > 0 ? (
        <>
          <h4 id="pdf-lt-remarks-title">{t('verify.pdfLt.remarks')}</h4>
          <ul className="pdf-lt-remarks" aria-labelledby="pdf-lt-remarks-title">
            {view.remarks.map((r) => (
              <li key={r.code} data-remark={r.code}>
                {t(r.key)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** What the check found in a file: the verdict on the document, its identity, the app's own record of it, each signature, and its PDF-LT level. */
function VerificationResult({ report }: { report: VerificationReport }) {
  const { lang, t } = useI18n();
  const verdict = documentVerdictOf(report);
  return (
    <section className="verify-report" aria-labelledby="verify-report-title">
      <h2 id="verify-report-title">{t('verify.fileTitle', { name: report.name })}</h2>
      {report.signatures.length > 0 ? (
        <p className="document-verdict" data-tone={verdict.tone} data-indication={report.indication}>
          <strong>{t(verdict.key)}</strong> <span className="muted">{t('verify.code', { indication: report.indication })}</span>
        </p>
      ) : null}
      {report.changedOtherwise ? <p className="notice notice-error">{t('verify.changedOtherwise')}</p> : null}
      {!report.trustConfigured && report.signatures.length > 0 ? <p className="notice notice-warning">{t('verify.noTrust')}</p> : null}
      <dl className="data-list">
        <div>
          <dt>{t('verify.size')}</dt>
          <dd>{kindAndSize('pdf', report.size, lang)}</dd>
        </div>
        <div>
          <dt>{t('verify.sha256')}</dt>
          <dd>
            <code className="checksum">{report.sha256}</code>
          </dd>
        </div>
      </dl>
      {report.known ? (
        <p className="notice notice-ok">{t('verify.known', { number: report.known.registrationNumber, title: report.known.title, version: report.known.version })}</p>
      ) : (
        <p className="notice notice-warning">{t('verify.unknown')}</p>
      )}
      {report.signatures.length === 0 ? <p className="notice notice-warning">{t('verify.noSignatures')}</p> : null}
      {report.signatures.map((check, i) => (
        <SignatureResult key={i} n={i + 1} check={check} />
      ))}
      <PdfLtResult report={report.pdfLt} />
    </section>
  );
}

/** Checks the signatures of any PDF the user chooses (documents.verify; everyone signed in). */
export function VerifyPage() {
  const { t } = useI18n();
  const [check, setCheck] = useState<Check>({ phase: 'idle' });
  /** Only the latest file's answer counts when files are chosen quickly one after another. */
  const latest = useRef(0);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const attempt = ++latest.current;
    setCheck({ phase: 'checking' });
    fileBytes(file)
      .then((bytes) => call('documents.verify', { name: file.name.slice(0, 255), bytes }))
      .then(
        (report) => attempt === latest.current && setCheck({ phase: 'done', report }),
        (e: unknown) => attempt === latest.current && setCheck({ phase: 'failed', error: toApiError(e) }),
      );
  };

  return (
    <section className="page verify-page">
      <PageTitle title={t('verify.title')} />
      <p className="lead">{t('verify.intro')}</p>
      <div className="field">
        <span className="field-label">
          <label htmlFor="verify-file">{t('verify.file')}</label>
        </span>
        <input id="verify-file" type="file" accept=".pdf,application/pdf" onChange={choose} />
      </div>
      <p role="status">{check.phase === 'checking' ? t('verify.checking') : ''}</p>
      {check.phase === 'failed' ? <ErrorNotice error={check.error} /> : null}
      {check.phase === 'done' ? <VerificationResult report={check.report} /> : null}
    </section>
  );
}
