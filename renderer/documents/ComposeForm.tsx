import { useEffect, useId, useState, type FormEvent } from 'react';
import { DOCUMENT_REASON_MAX, type DocumentItem } from '../../shared/contract/documentSchemas';
import type { ReturnGround } from '../../shared/contract/schemas';
import { validationMessage } from '../../shared/contract/validationMessages';
import type { DocumentKind } from '../../shared/domain/documents/documentModel';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField, TextAreaField, TextField } from '../components/fields';
import { DateField } from '../components/DateField';
import type { ViewedDocument } from '../dossier/DocumentViewer';
import { useTouched } from '../forms/useTouched';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { earlierOf, type EarlierOnList } from './passOver';
import {
  basisText,
  directorSigns,
  draftProblems,
  groundsProblem,
  nonComplianceAnnexes,
  withAnnexLine,
  withGround,
  initialDraft,
  needsReason,
  reasonIsCircumstances,
  requestOf,
  signerChoices,
  takesAnnexes,
  takesDeparture,
  takesMunicipality,
  takesPlace,
  type ComposeDraft,
  type DocumentTarget,
  type SignerChoice,
} from './documentsModel';

/** Issue 12: the director and the deputies the register names, for a document the director signs. */
function useSignerChoices(kind: DocumentKind): SignerChoice[] {
  const [choices, setChoices] = useState<SignerChoice[]>([]);
  const wanted = directorSigns(kind);
  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    call('settings.get', {}).then(
      (settings) => {
        if (live) setChoices(signerChoices(settings?.register));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return wanted ? choices : [];
}

/**
 * V-77 p. 44–45: what the return submission's form offers: the grounds' catalogue from the settings
 * (null until read) and the case's non-compliance notes (p. 35) as annex lines.
 */
function useReturnAids(kind: DocumentKind, target: DocumentTarget): { grounds: ReturnGround[] | null; annexes: string[] } {
  const [aids, setAids] = useState<{ grounds: ReturnGround[] | null; annexes: string[] }>({ grounds: null, annexes: [] });
  const caseId = target.kind === 'case' ? target.caseId : null;
  const wanted = kind === 'returnSubmission' && caseId !== null;
  useEffect(() => {
    if (!wanted || caseId === null) return undefined;
    let live = true;
    call('settings.get', {}).then(
      (settings) => {
        if (live) setAids((a) => ({ ...a, grounds: settings?.returnGrounds ?? [] }));
      },
      () => undefined,
    );
    call('cases.get', { id: caseId }).then(
      (view) => {
        if (live) setAids((a) => ({ ...a, annexes: nonComplianceAnnexes(view.record.life) }));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, caseId]);
  return aids;
}

interface ComposeFormProps {
  target: DocumentTarget;
  kind: DocumentKind;
  /** The document in force that the new one corrects (it stays as it was, marked as replaced). */
  replaces?: DocumentItem | undefined;
  /** A document this one cites by number and that is not issued yet: it can be previewed, not issued. */
  waitsFor: DocumentKind | null;
  onPreview(document: ViewedDocument): void;
  onIssued(item: DocumentItem): void;
  onCancel(): void;
}

type Field = keyof ComposeDraft;

/**
 * Preparing one document: the reasons where the signer writes them (V-77 p. 15, 45, 46), the
 * circumstances of the p. 47 notice, the municipality and the institution's social worker of the
 * notice of the release (seed 001), a preview (numbered "Nr. ____", nothing stored), and the issue
 * that registers it under the next number.
 */
export function ComposeForm({ target, kind, replaces, waitsFor, onPreview, onIssued, onCancel }: ComposeFormProps) {
  const { lang, t } = useI18n();
  const ids = useId();
  const [draft, setDraft] = useState<ComposeDraft>(() => initialDraft(kind));
  const touched = useTouched<Field>();
  const signers = useSignerChoices(kind);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  /** Issue 14: the convicts earlier on the list (V-77 p. 12) the act would pass over: a reason is then asked for. */
  const [earlier, setEarlier] = useState<EarlierOnList[] | null>(null);
  const aids = useReturnAids(kind, target);
  const groundsNeeded = kind === 'returnSubmission' && aids.grounds !== null ? groundsProblem(aids.grounds, draft.grounds) : undefined;

  const problems: Readonly<Record<string, string>> = {
    ...draftProblems(target, kind, draft),
    ...(earlier !== null && draft.passOverReason.trim() === '' ? { passOverReason: 'required' } : {}),
    ...(groundsNeeded !== undefined ? { grounds: groundsNeeded } : {}),
  };
  const valid = Object.keys(problems).length === 0;
  const errorOf = (field: Field): string | undefined => {
    const key = submitted || touched.isTouched(field) ? problems[field] : undefined;
    return key ? validationMessage(key, lang) : undefined;
  };
  const change = (field: Field, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    touched.markChanged(field);
  };

  /** Run a call once the draft is valid; a refusal stays on the form. */
  const run = <T,>(task: () => Promise<T>, done: (value: T) => void) => {
    setSubmitted(true);
    if (!valid) return;
    setBusy(true);
    setError(null);
    task()
      .then(done, (e: unknown) => {
        const refused = toApiError(e);
        if (refused.code === 'PASS_OVER_REASON_REQUIRED' && takesPlace(kind)) {
          // Not an error to show as such: the form asks for the reason and names whom it passes over.
          setEarlier(earlierOf(refused.params));
          setError(null);
          setSubmitted(false);
          return;
        }
        setError(refused);
      })
      .finally(() => setBusy(false));
  };

  const preview = () =>
    run(
      () => call('documents.preview', requestOf(target, kind, draft)),
      (result) => onPreview({ name: t('documents.preview.name', { title: result.title }), kind: 'pdf', bytes: result.bytes }),
    );

  const issue = (e: FormEvent) => {
    e.preventDefault();
    run(() => call('documents.issue', { ...requestOf(target, kind, draft), ...(replaces ? { replaces: replaces.id } : {}) }), onIssued);
  };

  const headingId = `${ids}-title`;
  return (
    <form className="panel compose-form" data-kind={kind} onSubmit={issue} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{t('documents.compose.title', { kind: t(`documents.kind.${kind}`), point: basisText(kind, t) })}</h3>
      {replaces ? <p className="notice notice-warning">{t('documents.compose.correcting', { number: replaces.registrationNumber })}</p> : null}
      <p className="field-hint">{t('documents.compose.hint')}</p>
      {waitsFor !== null ? <p className="notice notice-warning">{t('documents.compose.waitsFor', { kind: t(`documents.kind.${waitsFor}`) })}</p> : null}
      {signers.length > 1 ? (
        <SelectField
          id={`${ids}-signer`}
          label={t('documents.compose.signer')}
          hint={t('documents.compose.signerHint')}
          value={draft.signedBy}
          options={signers.map((s, i) => ({
            value: s.value,
            label: i === 0 ? t('documents.compose.signerDirector', { name: s.name, position: s.position }) : t('documents.compose.signerDeputy', { name: s.name, position: s.position }),
          }))}
          onChange={(v) => change('signedBy', v)}
        />
      ) : null}
      {needsReason(kind) ? (
        <TextAreaField
          id={`${ids}-reason`}
          label={t(reasonIsCircumstances(kind) ? 'documents.compose.circumstances' : 'documents.compose.reason')}
          hint={t(reasonIsCircumstances(kind) ? 'documents.compose.circumstancesHint' : 'documents.compose.reasonHint', { max: DOCUMENT_REASON_MAX })}
          required
          rows={6}
          maxLength={DOCUMENT_REASON_MAX}
          value={draft.reason}
          onChange={(v) => change('reason', v)}
          onBlur={() => touched.leave('reason')}
          error={errorOf('reason')}
        />
      ) : null}
      {takesMunicipality(kind) ? (
        <>
          <TextField
            id={`${ids}-municipality`}
            label={t('documents.compose.municipality')}
            hint={t('documents.compose.municipalityHint')}
            required
            value={draft.municipality}
            onChange={(v) => change('municipality', v)}
            onBlur={() => touched.leave('municipality')}
            error={errorOf('municipality')}
          />
          <fieldset className="social-worker">
            <legend>{t('documents.compose.socialWorker')}</legend>
            <p className="field-hint">{t('documents.compose.socialWorkerHint')}</p>
            <TextField
              id={`${ids}-social-worker-name`}
              label={t('documents.compose.socialWorkerName')}
              required
              autoComplete="name"
              value={draft.socialWorkerName}
              onChange={(v) => change('socialWorkerName', v)}
              onBlur={() => touched.leave('socialWorkerName')}
              error={errorOf('socialWorkerName')}
            />
            <div className="field-row">
              <TextField
                id={`${ids}-social-worker-phone`}
                label={t('documents.compose.socialWorkerPhone')}
                autoComplete="tel"
                value={draft.socialWorkerPhone}
                onChange={(v) => change('socialWorkerPhone', v)}
                onBlur={() => touched.leave('socialWorkerPhone')}
                error={errorOf('socialWorkerPhone')}
              />
              <TextField
                id={`${ids}-social-worker-email`}
                label={t('documents.compose.socialWorkerEmail')}
                autoComplete="email"
                value={draft.socialWorkerEmail}
                onChange={(v) => change('socialWorkerEmail', v)}
                onBlur={() => touched.leave('socialWorkerEmail')}
                error={errorOf('socialWorkerEmail')}
              />
            </div>
          </fieldset>
        </>
      ) : null}
      {takesDeparture(kind) ? (
        <DateField
          id={`${ids}-departure`}
          label={t('documents.compose.departureOn')}
          hint={t('documents.compose.departureOnHint')}
          required
          value={draft.departureOn}
          onChange={(v) => change('departureOn', v)}
          onBlur={() => touched.leave('departureOn')}
          error={errorOf('departureOn')}
        />
      ) : null}
      {kind === 'returnSubmission' && aids.grounds !== null ? (
        aids.grounds.length === 0 ? (
          <p className="notice notice-warning" data-grounds="none">
            {t('documents.compose.groundsNone')}
          </p>
        ) : (
          <fieldset className="return-grounds" aria-describedby={`${ids}-grounds-hint`}>
            <legend>
              {t('documents.compose.grounds')}
              <span className="required-mark" aria-hidden="true">
                {' '}*
              </span>
            </legend>
            <p id={`${ids}-grounds-hint`} className="field-hint">
              {t('documents.compose.groundsHint')}
            </p>
            {aids.grounds.map((g) => (
              <div key={g.id} className="check" data-ground={g.id}>
                <input
                  id={`${ids}-ground-${g.id}`}
                  type="checkbox"
                  checked={draft.grounds.includes(g.id)}
                  onChange={(e) => {
                    const grounds = withGround(aids.grounds ?? [], draft.grounds, g.id, e.target.checked);
                    setDraft((d) => ({ ...d, grounds }));
                    touched.markChanged('grounds');
                  }}
                />
                <label htmlFor={`${ids}-ground-${g.id}`}>
                  {g.text} ({g.citation})
                </label>
              </div>
            ))}
            {errorOf('grounds') ? (
              <p className="field-error" role="alert">
                {errorOf('grounds')}
              </p>
            ) : null}
          </fieldset>
        )
      ) : null}
      {takesAnnexes(kind) ? (
        <TextAreaField
          id={`${ids}-annexes`}
          label={t('documents.compose.annexes')}
          hint={t('documents.compose.annexesHint')}
          rows={3}
          value={draft.annexes}
          onChange={(v) => change('annexes', v)}
          onBlur={() => touched.leave('annexes')}
          error={errorOf('annexes')}
        />
      ) : null}
      {kind === 'returnSubmission' && aids.annexes.length > 0 ? (
        <div className="suggested-annexes" data-suggested={aids.annexes.length}>
          <p className="field-hint">{t('documents.compose.suggestedAnnexes')}</p>
          <ul>
            {aids.annexes.map((line) => (
              <li key={line}>
                <span>{line}</span>{' '}
                <button type="button" className="button-secondary" disabled={draft.annexes.split('\n').map((l) => l.trim()).includes(line)} onClick={() => change('annexes', withAnnexLine(draft.annexes, line))}>
                  {t('documents.compose.addAnnex')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {earlier !== null ? (
        <div className="notice notice-warning pass-over-notice" role="alert" data-pass-over={earlier.length}>
          <p className="notice-title">{t('documents.passOver.title')}</p>
          <ul>
            {earlier.map((e) => (
              <li key={e.caseId} data-case={e.caseId}>
                {t('documents.passOver.person', { name: `${e.lastName} ${e.firstName}`, date: formatDate(e.requestDate, lang) })}
              </li>
            ))}
          </ul>
          <p>{t('documents.passOver.hint')}</p>
        </div>
      ) : null}
      {earlier !== null ? (
        <TextAreaField
          id={`${ids}-pass-over`}
          label={t('documents.passOver.reason')}
          hint={t('documents.passOver.reasonHint', { max: DOCUMENT_REASON_MAX })}
          required
          rows={4}
          maxLength={DOCUMENT_REASON_MAX}
          value={draft.passOverReason}
          onChange={(v) => change('passOverReason', v)}
          onBlur={() => touched.leave('passOverReason')}
          error={errorOf('passOverReason')}
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {submitted && !valid ? (
        <p className="form-summary" role="alert">
          {t('auth.fixFields')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button-secondary" disabled={busy} onClick={preview}>
          {t('documents.compose.preview')}
        </button>
        <button type="submit" className="button-primary" disabled={busy || waitsFor !== null}>
          {t('documents.compose.issue')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
