import type { FormEvent } from 'react';
import type { IsoDate } from '../../shared/domain/calendar';
import { FormFooter } from '../components/FormFooter';
import { TextAreaField } from '../components/fields';
import { DateField } from '../components/DateField';
import { useCheckedForm } from '../forms/useCheckedForm';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { checkTransferOut, emptyTransferOut, transferOutRemarks, type TransferOutFields, type TransferOutValues } from './afterDecisionModel';

interface TransferOutFormProps {
  today: IsoDate;
  /** The other institution's decision (or the latest step): neither date is earlier. */
  notBefore: IsoDate;
  onSubmit(input: TransferOutFields): Promise<void>;
  onCancel(): void;
}

/**
 * V-77 p. 21–23: our convict, whose request the other institution granted, set off on his own to its
 * halfway house (to arrive the same working day by 15:00), and the personal file was sent, the same
 * day. A day off or the file sent another day is recorded all the same, with a note the form shows first.
 */
export function TransferOutForm({ today, notBefore, onSubmit, onCancel }: TransferOutFormProps) {
  const { lang, t } = useI18n();
  const form = useCheckedForm<TransferOutValues, TransferOutFields>(emptyTransferOut(today), (v) => checkTransferOut(v, { today, notBefore }));
  const remarks = transferOutRemarks(form.values);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };
  const dateHint = t('step.dateHint', { date: formatDate(notBefore, lang) });
  return (
    <form className="panel after-form" data-form="transferOut" onSubmit={submit} noValidate aria-labelledby="transfer-out-form-title">
      <h4 id="transfer-out-form-title">{t('after.transferOut.title')}</h4>
      <p className="field-hint">{t('after.transferOut.hint')}</p>
      <DateField id="transfer-out-departed" label={t('after.transferOut.departedOn')} hint={dateHint} required {...form.field('departedOn')} />
      <DateField id="transfer-out-file" label={t('after.transferOut.personalFileSentOn')} hint={t('after.transferOut.personalFileHint')} required {...form.field('personalFileSentOn')} />
      {remarks.length > 0 ? (
        <ul className="notice notice-warning" data-remarks={remarks.join(' ')}>
          {remarks.map((r) => (
            <li key={r}>{t(r === 'dayOff' ? 'after.transferOut.dayOff' : 'after.transferOut.fileOtherDay')}</li>
          ))}
        </ul>
      ) : null}
      <TextAreaField id="transfer-out-note" label={t('after.note')} value={form.values.note} onChange={(v) => form.set('note', v)} error={form.errorOf('note')} />
      <FormFooter form={form} label={t('after.transferOut.submit')} onCancel={onCancel} />
    </form>
  );
}
