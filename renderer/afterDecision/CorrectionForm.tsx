import type { FormEvent } from 'react';
import { CASE_STATE_LABELS, type CaseState } from '../../shared/domain/caseStates';
import { FormFooter } from '../components/FormFooter';
import { TextAreaField } from '../components/fields';
import { useCheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';
import { checkCorrection, type CorrectionFields, type CorrectionValues } from './afterDecisionModel';

interface CorrectionFormProps {
  /** The step to undo: the case goes back from `to` to `from`. */
  step: { from: CaseState; to: CaseState };
  onSubmit(input: CorrectionFields): Promise<void>;
  onCancel(): void;
}

/**
 * A step recorded by mistake is undone by a recorded correction (who, when, why), never a silent
 * edit: the timeline keeps the step and shows the correction beside it.
 */
export function CorrectionForm({ step, onSubmit, onCancel }: CorrectionFormProps) {
  const { lang, t } = useI18n();
  const form = useCheckedForm<CorrectionValues, CorrectionFields>({ reason: '' }, checkCorrection);
  const from = CASE_STATE_LABELS[step.from][lang];
  const to = CASE_STATE_LABELS[step.to][lang];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };
  return (
    <form className="step-form correction-form" data-form="correction" onSubmit={submit} noValidate aria-labelledby="correction-form-title">
      <h3 id="correction-form-title">{t('after.correct.title')}</h3>
      <p className="notice notice-warning" role="status" data-step={`${step.from}>${step.to}`}>
        {t('after.correct.confirm', { from, to })}
      </p>
      <TextAreaField
        id="correction-reason"
        label={t('after.correct.reason')}
        hint={t('after.correct.reasonHint')}
        required
        value={form.values.reason}
        onChange={(v) => form.set('reason', v)}
        error={form.errorOf('reason')}
      />
      <FormFooter form={form} label={t('after.correct.submit')} onCancel={onCancel} />
    </form>
  );
}
