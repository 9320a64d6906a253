import { useState, type FormEvent } from 'react';
import { validationMessage } from '../../shared/contract/validationMessages';
import type { IsoDate } from '../../shared/domain/calendar';
import { CASE_STATE_LABELS, REASON_REQUIRED_STATES, type CaseState } from '../../shared/domain/caseStates';
import { ApiError, toApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextAreaField, TextField } from '../components/fields';
import { fieldErrorsFromServer, type FieldErrors } from '../forms/issues';
import { useTouched } from '../forms/useTouched';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { missingOf, type MissingItem } from '../afterDecision/afterDecisionModel';
import { stepInput, validateStep, type StepInput, type StepValues } from './caseSteps';

interface StepFormProps {
  to: CaseState;
  today: IsoDate;
  /** The date of the case's latest step: the new one cannot be dated earlier. */
  notBefore: IsoDate;
  /** Throws (an ApiError) to have the form show why the step was refused. */
  onSubmit(input: StepInput): Promise<void>;
  onCancel(): void;
}

/**
 * One step of the procedure: its date (today unless it happened earlier) and a note or reason. The
 * agenda and the commission's decision are not offered here: a meeting takes them (V-77 p. 9–10).
 */
export function StepForm({ to, today, notBefore, onSubmit, onCancel }: StepFormProps) {
  const { lang, t } = useI18n();
  const [values, setValues] = useState<StepValues>({ on: today, note: '' });
  const touched = useTouched<keyof StepValues>();
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** Issue 14: the dossier is to be marked received while items are missing: what is missing, for the user to confirm. */
  const [missing, setMissing] = useState<MissingItem[] | null>(null);

  const errors = validateStep(values, to, { today, notBefore });
  const valid = Object.keys(errors).length === 0;
  const reasonRequired = REASON_REQUIRED_STATES.includes(to);
  const state = CASE_STATE_LABELS[to];
  const notBeforeText = formatDate(notBefore, lang);

  const change = <F extends keyof StepValues>(field: F, value: StepValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    touched.markChanged(field);
    setServerErrors(({ [field]: _dropped, ...rest }) => rest);
  };
  const errorOf = (field: keyof StepValues) => {
    const key = serverErrors[field] ?? (touched.isTouched(field) ? errors[field] : undefined);
    if (!key) return undefined;
    // The date of the previous step tells the user how far back the step may go.
    return key === 'dateOrder' ? t('step.dateOrder', { date: notBeforeText }) : validationMessage(key, lang);
  };

  const send = async (confirmMissing: boolean) => {
    if (!valid) return;
    setSubmitting(true);
    setError(null);
    setMissing(null);
    try {
      await onSubmit({ ...stepInput(values), ...(confirmMissing ? { confirmMissing: true as const } : {}) });
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code === 'DOSSIER_MISSING_CONFIRM' && !confirmMissing) {
        setMissing(missingOf(apiError.params));
        return;
      }
      setError(apiError);
      setServerErrors(fieldErrorsFromServer(apiError.fields));
    } finally {
      setSubmitting(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  let reasonHint: string | undefined;
  if (reasonRequired) reasonHint = state.point === '' ? t('step.reasonHint') : t('step.reasonHintPoint', { point: state.point });

  return (
    <form className="step-form" onSubmit={submit} noValidate aria-labelledby="step-form-title">
      <h3 id="step-form-title">{t('step.title', { state: state[lang] })}</h3>
      <TextField
        id="step-on"
        label={t('step.date')}
        hint={t('step.dateHint', { date: notBeforeText })}
        required
        value={values.on}
        onChange={(on) => change('on', on)}
        onBlur={() => touched.leave('on')}
        error={errorOf('on')}
      />
      <TextAreaField
        id="step-note"
        label={reasonRequired ? t('step.reason') : t('step.note')}
        hint={reasonHint}
        required={reasonRequired}
        value={values.note}
        onChange={(note) => change('note', note)}
        onBlur={() => touched.leave('note')}
        error={errorOf('note')}
      />
      {error ? <ErrorNotice error={error} /> : null}
      {missing ? (
        <div className="notice notice-warning missing-confirm" role="alert" data-confirm="missing">
          <p className="notice-title">{t('step.missing.title')}</p>
          <ul>
            {missing.map((m) => (
              <li key={m.item} data-item={m.item}>
                {m.item}. {m[lang]}
              </li>
            ))}
          </ul>
          <p>{t('step.missing.question')}</p>
          <div className="form-actions">
            <button type="button" className="button-primary" disabled={submitting} onClick={() => void send(true)}>
              {t('step.missing.confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setMissing(null)}>
              {t('step.missing.back')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={!valid || submitting || missing !== null}>
          {t('step.submit')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
