import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { MAX_STAGED_PACKAGE_MEGABYTES, type importPackageOutput, type PackageInspection } from '../../shared/contract/archiveSchemas';
import { errorText } from '../../shared/domain/errorTexts';
import { ApiError, call, toApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';
import { importChoices } from './archiveModel';
import { PackageReport } from './PackageReport';

type Imported = z.infer<typeof importPackageOutput>;

/** Where the check of a package stands: nothing yet, being checked, refused, reported, being imported, imported, discarded. */
type Phase =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'report'; inspection: PackageInspection; busy: boolean; error: ApiError | null }
  | { kind: 'imported'; inspection: PackageInspection; result: Imported }
  | { kind: 'discarded' };

const MAX_BYTES = MAX_STAGED_PACKAGE_MEGABYTES * 1024 * 1024;

/** A package over the upload limit, refused here without sending it (the same text the back end gives). */
function tooLarge(bytes: number): ApiError {
  const params = { bytes, max: MAX_BYTES };
  return new ApiError({ code: 'PACKAGE_TOO_LARGE', params, message: errorText('PACKAGE_TOO_LARGE', params, 'lt'), messageEn: errorText('PACKAGE_TOO_LARGE', params, 'en') });
}

/**
 * Check a package and, if the user says so, import it (the archivist a case from the archive, the
 * secretary a dossier another institution sent, V-77 p. 7). The back end checks everything and
 * keeps the file for the decision (archive.stagePackage); nothing is written until the user
 * imports. A case that exists here is never overwritten: it may be imported as a new case. A
 * package left without a decision (another file picked, the page left) is discarded.
 */
export function PackageCheckPanel() {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  // The password of a protected package (AES-256 entries), given before the file is picked.
  const [password, setPassword] = useState('');
  const held = useRef<string | null>(null);

  const letGo = () => {
    const stageId = held.current;
    held.current = null;
    if (stageId) void call('archive.discardPackage', { stageId }).catch(() => undefined);
  };
  useEffect(() => letGo, []);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    letGo();
    if (file.size > MAX_BYTES) {
      setPhase({ kind: 'refused', error: tooLarge(file.size) });
      return;
    }
    setPhase({ kind: 'checking', name: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const inspection = await call('archive.stagePackage', { name: file.name, bytes, ...(password !== '' ? { password } : {}) });
      held.current = inspection.stageId ?? null;
      setPhase({ kind: 'report', inspection, busy: false, error: null });
    } catch (e) {
      setPhase({ kind: 'refused', error: toApiError(e) });
    }
  };

  const importIt = async (inspection: PackageInspection, asNewCase: boolean) => {
    const stageId = inspection.stageId;
    if (!stageId) return;
    setPhase({ kind: 'report', inspection, busy: true, error: null });
    try {
      const result = await call('archive.importPackage', { stageId, asNewCase });
      held.current = null;
      setPhase({ kind: 'imported', inspection, result });
    } catch (e) {
      // The back end lets the staged package go whatever the outcome: it must be loaded again.
      held.current = null;
      setPhase({ kind: 'report', inspection: { ...inspection, importable: false }, busy: false, error: toApiError(e) });
    }
  };

  const discard = () => {
    letGo();
    setPhase({ kind: 'discarded' });
  };

  const busy = phase.kind === 'checking' || (phase.kind === 'report' && phase.busy);
  return (
    <section className="panel archive-check" aria-labelledby="check-title">
      <h2 id="check-title">{t('archive.check.title')}</h2>
      <p id="check-hint" className="field-hint">
        {t('archive.check.hint')}
      </p>
      <div className="field">
        <label htmlFor="check-password">{t('archive.check.password')}</label>
        <input id="check-password" type="password" autoComplete="off" value={password} disabled={busy} aria-describedby="check-password-hint" onChange={(e) => setPassword(e.target.value)} />
        <p id="check-password-hint" className="field-hint">
          {t('archive.check.passwordHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="check-file">{t('archive.check.file')}</label>
        <input
          id="check-file"
          type="file"
          accept=".zip,application/zip"
          aria-describedby="check-hint"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void pick(file);
          }}
        />
      </div>
      <div aria-live="polite" className="archive-check-result">
        {phase.kind === 'checking' ? <p role="status">{t('archive.check.checking', { name: phase.name })}</p> : null}
        {phase.kind === 'refused' ? <ErrorNotice error={phase.error} /> : null}
        {phase.kind === 'report' && !phase.busy && phase.error === null ? (
          // The verdict in a few words for a screen reader; the report below holds the detail.
          <p className="visually-hidden" role="status">
            {t(phase.inspection.intact ? 'archive.report.intact' : 'archive.report.notIntact')} {t(phase.inspection.importable ? 'archive.report.importable' : 'archive.report.notImportable')}
          </p>
        ) : null}
        {phase.kind === 'discarded' ? (
          <p className="notice" role="status">
            {t('archive.discarded')}
          </p>
        ) : null}
        {phase.kind === 'imported' ? (
          <div className="notice notice-ok" role="status" data-imported={phase.result.caseId}>
            <p>{t(phase.result.asNewCase ? 'archive.importedNew' : 'archive.imported', { documents: phase.result.documents })}</p>
            <p>
              <a href={routeHref({ name: 'case', id: phase.result.caseId })}>{t('archive.openCase')}</a>
            </p>
          </div>
        ) : null}
      </div>
      {phase.kind === 'report' ? <ReportActions phase={phase} onImport={(asNew) => void importIt(phase.inspection, asNew)} onDiscard={discard} /> : null}
      {phase.kind === 'report' || phase.kind === 'imported' ? <PackageReport inspection={phase.inspection} /> : null}
    </section>
  );
}

/** Import, import as a new case, or discard: what the check allows. */
function ReportActions({ phase, onImport, onDiscard }: { phase: Extract<Phase, { kind: 'report' }>; onImport(asNewCase: boolean): void; onDiscard(): void }) {
  const { t } = useI18n();
  const choices = importChoices(phase.inspection);
  const staged = phase.inspection.stageId !== undefined && phase.error === null;
  return (
    <div className="archive-actions">
      {phase.error ? <ErrorNotice error={phase.error} /> : null}
      {phase.busy ? <p role="status">{t('archive.importing')}</p> : null}
      {staged ? (
        <div className="form-actions">
          {choices.asIs ? (
            <button type="button" className="button-primary" disabled={phase.busy} onClick={() => onImport(false)}>
              {t('archive.import')}
            </button>
          ) : null}
          {choices.asNew ? (
            <button type="button" className="button-primary" disabled={phase.busy} onClick={() => onImport(true)}>
              {t('archive.importNew')}
            </button>
          ) : null}
          <button type="button" className="button-secondary" disabled={phase.busy} onClick={onDiscard}>
            {t('archive.discard')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
