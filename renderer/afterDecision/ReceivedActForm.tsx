import type { FormEvent } from 'react';
import type { IsoDate } from '../../shared/domain/calendar';
import { FormFooter } from '../components/FormFooter';
import { RadioGroupField, TextAreaField, TextField } from '../components/fields';
import { DateField } from '../components/DateField';
import { useCheckedForm } from '../forms/useCheckedForm';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { checkReceivedAct, emptyReceivedAct, type ReceivedActFields, type ReceivedActValues } from './afterDecisionModel';
import { FilePicker } from './FilePicker';

export type ReceivedActPurpose = 'otherOutcome' | 'departmentAct' | 'p47Notice';

interface ReceivedActFormProps {
  purpose: ReceivedActPurpose;
  caseId: string;
  maxBytes: number;
  today: IsoDate;
  /** The case's latest step: the act is not dated earlier. */
  notBefore: IsoDate;
  /** Who issues such a document, as prefilled (the other institution, the Prison Department). */
  issuer: string;
  onSubmit(input: ReceivedActFields): Promise<void>;
  onCancel(): void;
}

const TITLES = {
  otherOutcome: 'after.act.otherOutcome.title',
  departmentAct: 'after.act.department.title',
  p47Notice: 'after.act.p47.title',
} as const;

const SUBMITS = {
  otherOutcome: 'after.act.otherOutcome.submit',
  departmentAct: 'after.act.department.submit',
  p47Notice: 'after.act.p47.submit',
} as const;

/**
 * A document received from elsewhere, recorded with its copy (V-77 p. 49): the other institution's
 * outcome of our convict's request (p. 8), the Prison Department director's resolution or refusal
 * (p. 17–18, which move the case), or the other institution's p. 47 notice (which takes the convict
 * off our list).
 */
export function ReceivedActForm({ purpose, caseId, maxBytes, today, notBefore, issuer, onSubmit, onCancel }: ReceivedActFormProps) {
  const { lang, t } = useI18n();
  const fixedKind = purpose === 'departmentAct' ? '' : purpose;
  const form = useCheckedForm<ReceivedActValues, ReceivedActFields>(emptyReceivedAct(fixedKind, issuer, today), (v) => checkReceivedAct(v, { today, notBefore }));
  const { values } = form;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };

  return (
    <form className="panel after-form" data-form={purpose} onSubmit={submit} noValidate aria-labelledby="act-form-title">
      <h4 id="act-form-title">{t(TITLES[purpose])}</h4>
      <p className="field-hint">{t(`after.act.${purpose}.hint`)}</p>
      {purpose === 'departmentAct' ? (
        <RadioGroupField
          id="act-kind"
          legend={t('after.act.kind')}
          required
          value={values.kind}
          options={[
            { value: 'departmentResolution', label: t('after.act.kind.departmentResolution') },
            { value: 'departmentRefusal', label: t('after.act.kind.departmentRefusal') },
          ]}
          onChange={(v) => form.set('kind', v as ReceivedActValues['kind'])}
          error={form.errorOf('kind')}
        />
      ) : null}
      {purpose === 'otherOutcome' ? (
        <RadioGroupField
          id="act-granted"
          legend={t('after.act.granted')}
          required
          value={values.granted}
          options={[
            { value: 'yes', label: t('after.act.granted.yes') },
            { value: 'no', label: t('after.act.granted.no') },
          ]}
          onChange={(v) => form.set('granted', v as ReceivedActValues['granted'])}
          error={form.errorOf('granted')}
        />
      ) : null}
      <div className="field-row">
        <TextField id="act-number" label={t('after.act.number')} required {...form.field('number')} />
        <DateField id="act-date" label={t('after.act.date')} hint={t('step.dateHint', { date: formatDate(notBefore, lang) })} required {...form.field('date')} />
        <DateField id="act-received" label={t('after.act.receivedOn')} hint={t('after.dateHint')} required {...form.field('receivedOn')} />
      </div>
      <TextField id="act-issuer" label={t('after.act.issuer')} required {...form.field('issuer')} />
      <TextAreaField
        id="act-note"
        label={purpose === 'p47Notice' ? t('after.act.p47.reason') : t('after.act.note')}
        hint={purpose === 'p47Notice' ? t('after.act.p47.reasonHint') : undefined}
        required={purpose === 'p47Notice'}
        value={values.note}
        onChange={(v) => form.set('note', v)}
        error={form.errorOf('note')}
      />
      <FilePicker id="act-file" caseId={caseId} maxBytes={maxBytes} label={t('after.file.label')} hint={t('after.file.hint')} error={form.errorOf('stagedId')} onStaged={(id) => form.set('stagedId', id)} />
      <FormFooter form={form} label={t(SUBMITS[purpose])} onCancel={onCancel} />
    </form>
  );
}
