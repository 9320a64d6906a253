import { useEffect, useState, type FormEvent } from 'react';
import type { PlacesView } from '../../shared/contract/afterDecisionSchemas';
import { todayIso, type IsoDate } from '../../shared/domain/calendar';
import { call, toApiError, type ApiError } from '../api/client';
import { FormFooter } from '../components/FormFooter';
import { TextAreaField, TextField } from '../components/fields';
import { DateField } from '../components/DateField';
import { useCheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { StaleNotice } from '../users/StaleNotice';
import { isStaleRevision } from '../users/staleRevision';
import { checkCapacity, emptyCapacity, staleCapacityFields, type CapacityFields, type CapacityValues } from './placesModel';

interface CapacityFormProps {
  /** The settings' revision the page shows: the change is based on it (STALE_REVISION otherwise). */
  revision: number;
  /** The back end's today (the date field starts at it); this machine's when not given. */
  today?: IsoDate;
  onSaved(view: PlacesView): void;
  /** Read the latest settings' revision again (after a stale refusal); the form keeps what was typed. */
  onReload(): void;
}

const STALE_LABELS: Readonly<Record<'places' | 'history' | 'other', MessageKey>> = {
  places: 'settings.places',
  history: 'places.capacity.history',
  other: 'places.capacity.otherSettings',
};

/**
 * V-77 p. 4: a dated change of the halfway house's number of places, for the administrator (the
 * settings keep the history). Based on the settings' revision shown: while the user has typed
 * nothing the form follows a newer one; a change saved meanwhile by someone else is refused
 * (STALE_REVISION) and said, what was typed stays, and the latest version may be loaded.
 */
export function CapacityForm({ revision, today = todayIso(), onSaved, onReload }: CapacityFormProps) {
  const { lang, t } = useI18n();
  const [base, setBase] = useState(revision);
  const [formKey, setFormKey] = useState(0);
  const [stale, setStale] = useState<ApiError | null>(null);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setBase(revision);
  }, [revision, dirty]);

  const save = async (input: CapacityFields) => {
    setStale(null);
    try {
      const view = await call('places.changeCapacity', { revision: base, ...input });
      setDirty(false);
      setBase(view.settingsRevision);
      setFormKey((k) => k + 1);
      onSaved(view);
    } catch (e) {
      const error = toApiError(e);
      if (!isStaleRevision(error)) throw error;
      setStale(error);
    }
  };

  return (
    <>
      {stale ? (
        <StaleNotice
          message={stale.text(lang)}
          fields={staleCapacityFields(stale.params).map((f) => t(STALE_LABELS[f]))}
          loading={false}
          onLoad={() => {
            setStale(null);
            setDirty(false);
            onReload();
          }}
        />
      ) : null}
      <CapacityFields key={formKey} today={today} onTyped={() => setDirty(true)} onSubmit={save} />
    </>
  );
}

function CapacityFields({ today, onTyped, onSubmit }: { today: IsoDate; onTyped(): void; onSubmit(input: CapacityFields): Promise<void> }) {
  const { t } = useI18n();
  const form = useCheckedForm<CapacityValues, CapacityFields>(emptyCapacity(today), checkCapacity);
  const set = <K extends keyof CapacityValues>(field: K, value: CapacityValues[K]) => {
    form.set(field, value);
    onTyped();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(onSubmit);
  };
  const field = (name: 'from' | 'places') => ({ ...form.field(name), onChange: (v: string) => set(name, v) });
  return (
    <form className="capacity-form" data-form="capacity" onSubmit={submit} noValidate aria-labelledby="capacity-form-title">
      <h3 id="capacity-form-title">{t('places.capacity.formTitle')}</h3>
      <div className="field-row">
        <DateField id="capacity-from" label={t('places.capacity.from')} hint={t('places.capacity.fromHint')} required {...field('from')} />
        <TextField id="capacity-places" label={t('places.capacity.places')} required inputMode="numeric" {...field('places')} />
      </div>
      <TextAreaField id="capacity-note" label={t('places.capacity.note')} hint={t('places.capacity.noteHint')} value={form.values.note} onChange={(v) => set('note', v)} error={form.errorOf('note')} />
      <FormFooter form={form} label={t('places.capacity.submit')} />
    </form>
  );
}
