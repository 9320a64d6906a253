import type { ReactNode } from 'react';
import type { PackageInspection } from '../../shared/contract/archiveSchemas';
import { bytesText } from '../../shared/domain/errorTexts/packages';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { problemText } from './archiveModel';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const PROOF_KEYS: Readonly<Record<PackageInspection['auditProof'], MessageKey>> = {
  valid: 'archive.report.auditProof.valid',
  broken: 'archive.report.auditProof.broken',
  absent: 'archive.report.auditProof.absent',
};

const TRAIL_KEYS: Readonly<Record<PackageInspection['auditTrail'], MessageKey>> = {
  confirmed: 'archive.report.auditTrail.confirmed',
  differs: 'archive.report.auditTrail.differs',
  notChecked: 'archive.report.auditTrail.notChecked',
};

/**
 * What a package check found (archive.stagePackage), before anything is written: whether it is
 * intact, importable and its case already here; what it holds and who exported it; each signed
 * document's verdict and each signature's; the proof of its audit entries; every problem as a line
 * made from its code by the error catalogue.
 */
export function PackageReport({ inspection }: { inspection: PackageInspection }) {
  const { lang, t } = useI18n();
  const i = inspection;
  const unknown = t('archive.report.unknown');
  return (
    <section className="package-report" aria-labelledby="report-title" data-intact={i.intact} data-importable={i.importable} data-exists={i.exists}>
      <h3 id="report-title">{t('archive.report.title', { name: i.fileName })}</h3>
      <ul className="report-verdict">
        <li className={i.intact ? 'notice notice-ok' : 'notice notice-error'} data-verdict="intact">
          {t(i.intact ? 'archive.report.intact' : 'archive.report.notIntact')}
        </li>
        {i.caseId !== undefined ? (
          <li className={i.exists ? 'notice notice-warning' : 'notice'} data-verdict="exists">
            {t(i.exists ? 'archive.report.exists' : 'archive.report.new')}
          </li>
        ) : null}
        <li className={i.importable ? 'notice notice-ok' : 'notice notice-error'} data-verdict="importable">
          {t(i.importable ? 'archive.report.importable' : 'archive.report.notImportable')}
        </li>
      </ul>

      <h4>{t('archive.report.contents')}</h4>
      <dl className="data-list">
        <Row label={t('archive.report.file')}>{i.fileName}</Row>
        <Row label={t('archive.report.size')}>{bytesText(i.bytes, lang)}</Row>
        <Row label={t('archive.report.sha256')}>
          <code className="written-sha256">{i.sha256}</code>
        </Row>
        <Row label={t('archive.report.kind')}>{i.kind ? t(i.kind === 'case' ? 'archive.report.kind.case' : 'archive.report.kind.dossier') : unknown}</Row>
        <Row label={t('archive.report.schema')}>{i.schemaVersion ?? unknown}</Row>
        <Row label={t('archive.report.case')}>{i.caseId ?? unknown}</Row>
        <Row label={t('archive.report.convict')}>
          {i.convict ? t('archive.report.convictLine', { lastName: i.convict.lastName, firstName: i.convict.firstName, fileNo: i.convict.personalFileNo }) : unknown}
        </Row>
        <Row label={t('archive.report.institution')}>{i.institution ?? unknown}</Row>
        <Row label={t('archive.report.exportedAt')}>{i.exportedAt ? formatMoment(i.exportedAt, lang) : unknown}</Row>
        <Row label={t('archive.report.exportedBy')}>{i.exportedBy || unknown}</Row>
      </dl>

      <h4>{t('archive.report.counts')}</h4>
      <dl className="data-list report-counts">
        <Row label={t('archive.report.count.dossier')}>{i.counts.dossierDocuments}</Row>
        <Row label={t('archive.report.count.generated')}>{i.counts.generatedDocuments}</Row>
        <Row label={t('archive.report.count.acts')}>{i.counts.acts}</Row>
        <Row label={t('archive.report.count.payload')}>{i.counts.payloadFiles}</Row>
        <Row label={t('archive.report.count.bytes')}>{bytesText(i.counts.payloadBytes, lang)}</Row>
      </dl>

      <h4>{t('archive.report.signatures')}</h4>
      {i.signatures.length === 0 ? (
        <p>{t('archive.report.noSignatures')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table report-signatures">
            <caption className="visually-hidden">{t('archive.report.signaturesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('archive.report.sig.document')}</th>
                <th scope="col">{t('archive.report.sig.result')}</th>
                <th scope="col">{t('archive.report.sig.signatures')}</th>
              </tr>
            </thead>
            <tbody>
              {i.signatures.map((s) => (
                <tr key={s.path} data-indication={s.indication}>
                  <th scope="row">
                    {s.title}
                    <br />
                    <span className="field-hint">{s.path}</span>
                  </th>
                  <td>{t(`verify.document.${s.indication}`)}</td>
                  <td>
                    {s.signatures.length === 0 ? (
                      t('archive.report.sig.none')
                    ) : (
                      <ul className="report-signers">
                        {s.signatures.map((sig, n) => (
                          <li key={n} data-indication={sig.indication}>
                            {sig.signer ?? t('archive.report.sig.unknownSigner')}: {t(`verify.indication.${sig.indication}`)}
                            {sig.subIndication ? <span className="field-hint"> {t(`verify.sub.${sig.subIndication}`)}</span> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h4>{t('archive.report.audit')}</h4>
      <dl className="data-list report-audit" data-proof={i.auditProof} data-trail={i.auditTrail}>
        <Row label={t('archive.report.auditProof')}>{t(PROOF_KEYS[i.auditProof])}</Row>
        <Row label={t('archive.report.auditTrail')}>{t(TRAIL_KEYS[i.auditTrail])}</Row>
      </dl>

      <h4>{t('archive.report.problems')}</h4>
      {i.problems.length === 0 ? (
        <p>{t('archive.report.noProblems')}</p>
      ) : (
        <ul className="report-problems">
          {i.problems.map((p, n) => (
            <li key={`${p.code}-${p.path ?? ''}-${n}`} data-code={p.code}>
              {problemText(p, lang)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
