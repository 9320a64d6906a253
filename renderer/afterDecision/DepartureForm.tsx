import type { FormEvent } from 'react';
import type { IsoDate } from '../../shared/domain/calendar';
import { FormFooter } from '../components/FormFooter';
import { RadioGroupField, TextAreaField } from '../components/fields';
import { DateField } from '../components/DateField';
import { useCheckedForm } from '../forms/useCheckedForm';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { checkDeparture, emptyDeparture, type DepartureFields, type DepartureValues } from './afterDecisionModel';

interface DepartureFormProps {
  today: IsoDate;
  /** The arrival (the latest step): the departure cannot be dated earlier. */
  notBefore: IsoDate;
  onSubmit(input: DepartureFields): Promise<void>;
  onCancel(): void;
}

/**
 * V-77 p. 4: the convict left the halfway house, on parole, at the end of the sentence or by a
 * transfer elsewhere; the place frees that day and the p. 20 term starts. (A return, p. 44–46, is
 * the director's signed decision, under "Dokumentai".)
 */
export function DepartureForm({ today, notBefore, onSubmit, onCancel }: DepartureFormProps) {
  const { lang, t } = useI18n();
  const form = useCheckedForm<DepartureValues, DepartureFields>(emptyDeparture(today), (v) => checkDeparture(v, { today, notBefore }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };
  return (
    <form className="panel after-form" data-form="departure" onSubmit={submit} noValidate aria-labelledby="departure-form-title">
      <h4 id="departure-form-title">{t('after.departure.title')}</h4>
      <p className="field-hint">{t('after.departure.hint')}</p>
      <RadioGroupField
        id="departure-how"
        legend={t('after.departure.how')}
        required
        value={form.values.how}
        options={[
          { value: 'parole', label: t('after.departure.how.parole') },
          { value: 'sentence_end', label: t('after.departure.how.sentence_end') },
          { value: 'transfer_elsewhere', label: t('after.departure.how.transfer_elsewhere') },
        ]}
        onChange={(v) => form.set('how', v as DepartureValues['how'])}
        error={form.errorOf('how')}
      />
      <DateField id="departure-on" label={t('after.departure.on')} hint={t('step.dateHint', { date: formatDate(notBefore, lang) })} required {...form.field('on')} />
      <TextAreaField id="departure-note" label={t('after.note')} value={form.values.note} onChange={(v) => form.set('note', v)} error={form.errorOf('note')} />
      <FormFooter form={form} label={t('after.departure.submit')} onCancel={onCancel} />
    </form>
  );
}
