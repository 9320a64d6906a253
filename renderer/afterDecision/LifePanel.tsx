import type { FormEvent } from 'react';
import { LIFE_ENTRY_KINDS, type LifeEntry } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { FormFooter } from '../components/FormFooter';
import { RadioGroupField, TextAreaField } from '../components/fields';
import { DateField } from '../components/DateField';
import { useCheckedForm } from '../forms/useCheckedForm';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { checkLife, emptyLife, LIFE_NOTE_REQUIRED, type LifeFields, type LifeValues } from './afterDecisionModel';

/** The kinds of records, as the form and the list name them. */
const KIND_LABELS = {
  rehabilitationPlan: 'timeline.life.rehabilitationPlan',
  intensivePlan: 'timeline.life.intensivePlan',
  review: 'timeline.life.review',
  nonCompliance: 'timeline.life.nonCompliance',
  socialWorker: 'timeline.life.socialWorker',
  municipalityNotice: 'timeline.life.municipalityNotice',
  probationList: 'timeline.life.probationList',
} as const satisfies Record<LifeEntry['kind'], string>;

interface LifeFormProps {
  today: IsoDate;
  arrivedOn: IsoDate;
  onSubmit(input: LifeFields): Promise<void>;
  onCancel(): void;
}

/**
 * V-77 p. 28–35 and seed 001: a plan drawn up (the intensive one approved by the director, p. 31), a
 * monthly review (p. 32), a non-compliance note (p. 35: the evidence a return submission cites), the
 * notice to the municipality or the list sent to the probation service.
 */
export function LifeForm({ today, arrivedOn, onSubmit, onCancel }: LifeFormProps) {
  const { lang, t } = useI18n();
  const form = useCheckedForm<LifeValues, LifeFields>(emptyLife(today), (v) => checkLife(v, { today, arrivedOn }));
  const { values } = form;
  const noteRequired = values.kind !== '' && LIFE_NOTE_REQUIRED.includes(values.kind);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };
  return (
    <form className="panel after-form" data-form="life" onSubmit={submit} noValidate aria-labelledby="life-form-title">
      <h4 id="life-form-title">{t('after.life.title')}</h4>
      <RadioGroupField
        id="life-kind"
        legend={t('after.life.kind')}
        required
        value={values.kind}
        options={LIFE_ENTRY_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
        onChange={(v) => form.set('kind', v as LifeValues['kind'])}
        error={form.errorOf('kind')}
      />
      <div className="field-row">
        <DateField id="life-on" label={t('after.life.on')} hint={t('step.dateHint', { date: formatDate(arrivedOn, lang) })} required {...form.field('on')} />
        {values.kind === 'intensivePlan' ? (
          <DateField id="life-approved" label={t('after.life.approvedOn')} hint={t('after.life.approvedHint')} required {...form.field('approvedOn')} />
        ) : null}
      </div>
      <TextAreaField
        id="life-note"
        label={noteRequired ? t('after.life.found') : t('after.note')}
        required={noteRequired}
        value={values.note}
        onChange={(v) => form.set('note', v)}
        error={form.errorOf('note')}
      />
      <FormFooter form={form} label={t('after.life.submit')} onCancel={onCancel} />
    </form>
  );
}

/** The records of life in the halfway house, oldest first. */
export function LifeTable({ life }: { life: readonly LifeEntry[] | undefined }) {
  const { lang, t } = useI18n();
  if (!life || life.length === 0) return null;
  return (
    <table className="data-table life-table">
      <caption>{t('after.life.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('after.life.kind')}</th>
          <th scope="col">{t('after.life.on')}</th>
          <th scope="col">{t('after.life.approvedOn')}</th>
          <th scope="col">{t('after.note')}</th>
        </tr>
      </thead>
      <tbody>
        {life.map((l) => (
          <tr key={l.id} data-kind={l.kind}>
            <th scope="row">{t(KIND_LABELS[l.kind])}</th>
            <td>{formatDate(l.on, lang)}</td>
            <td>{l.approvedOn ? formatDate(l.approvedOn, lang) : t('common.none')}</td>
            <td>{l.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
