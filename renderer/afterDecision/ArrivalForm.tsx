import type { FormEvent } from 'react';
import type { CaseRecord } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { FormFooter } from '../components/FormFooter';
import { TextField } from '../components/fields';
import { DateField } from '../components/DateField';
import { useCheckedForm } from '../forms/useCheckedForm';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { ARRIVAL_LATEST, arrivalAdvice, checkArrival, emptyArrival, type ArrivalFields, type ArrivalValues } from './afterDecisionModel';

interface ArrivalFormProps {
  today: IsoDate;
  /** The date of the latest step: the arrival cannot be dated earlier. */
  notBefore: IsoDate;
  onSubmit(input: ArrivalFields): Promise<void>;
  onCancel(): void;
}

/** V-77 p. 25: the four things the employee who receives the convict does, in the order's words. */
const CHECKS = [
  { field: 'checkIdentity', label: 'after.arrival.check.identity' },
  { field: 'checkSearch', label: 'after.arrival.check.search' },
  { field: 'checkRules', label: 'after.arrival.check.rules' },
  { field: 'checkRoom', label: 'after.arrival.check.room' },
] as const;

/**
 * V-77 p. 22–25: the convict arrived in the halfway house. The day and the time (p. 22 wants the
 * arrival by 15:00 on a working day: said, not enforced, since the record is what happened), the
 * four checks of p. 25, the room and the bed. From this day the convict occupies a place.
 */
export function ArrivalForm({ today, notBefore, onSubmit, onCancel }: ArrivalFormProps) {
  const { lang, t } = useI18n();
  const form = useCheckedForm<ArrivalValues, ArrivalFields>(emptyArrival(today), (v) => checkArrival(v, { today, notBefore }));
  const { values } = form;
  const advice = arrivalAdvice(values.on.trim(), values.time.trim());
  const checksError = form.errorOf('checks');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };

  return (
    <form className="panel after-form" data-form="arrival" onSubmit={submit} noValidate aria-labelledby="arrival-form-title">
      <h4 id="arrival-form-title">{t('after.arrival.title')}</h4>
      <div className="field-row">
        <DateField id="arrival-on" label={t('after.arrival.on')} hint={t('step.dateHint', { date: formatDate(notBefore, lang) })} required {...form.field('on')} />
        <TextField id="arrival-time" label={t('after.arrival.time')} hint={t('after.arrival.timeHint', { latest: ARRIVAL_LATEST })} required placeholder="VV:MM" {...form.field('time')} />
      </div>
      {advice.afterHours || advice.notWorkingDay ? (
        <p className="notice notice-warning" role="status" data-advice="p22">
          {advice.notWorkingDay ? t('after.arrival.notWorkingDay', { date: formatDate(values.on.trim(), lang) }) : null}
          {advice.notWorkingDay && advice.afterHours ? ' ' : null}
          {advice.afterHours ? t('after.arrival.afterHours', { time: values.time.trim(), latest: ARRIVAL_LATEST }) : null}
        </p>
      ) : null}
      <fieldset className={checksError ? 'field arrival-checks field-invalid' : 'field arrival-checks'} aria-describedby={checksError ? 'arrival-checks-error' : undefined}>
        <legend>
          {t('after.arrival.checks')}
          <span className="required-mark" aria-hidden="true">
            {' '}*
          </span>
        </legend>
        {CHECKS.map((c) => (
          <label key={c.field} className="check">
            <input type="checkbox" checked={values[c.field]} onChange={(e) => form.set(c.field, e.target.checked)} />
            {t(c.label)}
          </label>
        ))}
        {checksError ? (
          <p id="arrival-checks-error" className="field-error" role="alert">
            {checksError}
          </p>
        ) : null}
      </fieldset>
      <div className="field-row">
        <TextField id="arrival-room" label={t('after.arrival.room')} required {...form.field('room')} />
        <TextField id="arrival-bed" label={t('after.arrival.bed')} required {...form.field('bed')} />
      </div>
      <FormFooter form={form} label={t('after.arrival.submit')} onCancel={onCancel} />
    </form>
  );
}

/** The arrival as recorded (V-77 p. 24–25). */
export function ArrivalDetails({ arrival }: { arrival: NonNullable<CaseRecord['facts']['arrival']> }) {
  const { lang, t } = useI18n();
  return (
    <dl className="data-list arrival-details">
      <div>
        <dt>{t('after.arrival.on')}</dt>
        <dd>
          {formatDate(arrival.on, lang)}, {arrival.time}
        </dd>
      </div>
      <div>
        <dt>{t('after.arrival.room')}</dt>
        <dd>{arrival.room}</dd>
      </div>
      <div>
        <dt>{t('after.arrival.bed')}</dt>
        <dd>{arrival.bed}</dd>
      </div>
      <div>
        <dt>{t('after.arrival.checks')}</dt>
        <dd>{t('after.arrival.checksDone')}</dd>
      </div>
    </dl>
  );
}
