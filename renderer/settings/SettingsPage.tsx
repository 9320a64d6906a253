import { useState, type FormEvent } from 'react';
import type { SavedSettings, Settings } from '../../shared/contract/schemas';
import { ApiError, call, toApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { fieldErrorsFromServer, type FieldErrors } from '../forms/issues';
import { useTouched } from '../forms/useTouched';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from '../../shared/domain/errorTexts';
import { DocumentSettingsFields } from './DocumentSettingsFields';
import { StaleNotice } from '../users/StaleNotice';
import { isStaleRevision, rebase } from '../users/staleRevision';
import { RevocationPanel } from './RevocationPanel';
import { TrustedListPanel } from './TrustedListPanel';
import { KeySlotsPanel } from '../keys/KeySlotsPanel';
import { documentSettingsToSave, documentSettingsValues, validateDocumentSettings, type DocumentSettingsValues } from './documentSettingsForm';
import { randomSuffix, settingsFormValues, settingsToSave, validateSettings, withKeptSections, type InstitutionRow, type SettingsFormValues } from './settingsForm';
import { settingsChangeLabels } from './staleSettings';
import { fieldMessage } from '../auth/authForms';
import { returnGroundsToSave, returnGroundsValues, type ReturnGroundRow } from './returnGroundsForm';
import { APPEAL_BODIES, appealTermsToSave, appealTermsValues, type AppealBody, type AppealTermValues, type AppealTermsValues } from './appealTermsForm';
import { SelectField, TextAreaField } from '../components/fields';
import { CapacityForm } from '../places/CapacityForm';
import { CapacityHistory } from '../places/CapacityHistory';

/** The settings as settings.get gave them, with their revision (issue 13); typed loosely where they are passed on. */
type LoadedSettings = Settings & { revision?: number };

interface SettingsPageProps {
  /** null on the first run (or when the settings file is damaged): the page is then the set-up screen. */
  current: LoadedSettings | null;
  /** Why the settings could not be read, shown above the form until they are saved again. */
  problem?: ApiError | null;
  onSaved(settings: SavedSettings): void;
}

export function SettingsPage({ current, problem = null, onSaved }: SettingsPageProps) {
  const { lang, t } = useI18n();
  const [values, setValues] = useState<SettingsFormValues>(() => settingsFormValues(current));
  const [documentValues, setDocumentValues] = useState<DocumentSettingsValues>(() => documentSettingsValues(current));
  /** Issue 14: the appeals' terms (V-77 p. 51), a legal parameter. */
  const [appealValues, setAppealValues] = useState<AppealTermsValues>(() => appealTermsValues(current));
  /** Issue 14: the return grounds (V-77 p. 44, BVK art. 69 part 3), a legal parameter. */
  const [groundRows, setGroundRows] = useState<ReturnGroundRow[]>(() => returnGroundsValues(current));
  const [capacitySaved, setCapacitySaved] = useState(false);
  const touched = useTouched<string>();
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  /** Issue 13: the version the form is based on, whose revision a save sends. */
  const [base, setBase] = useState<LoadedSettings | null>(current);
  /** Someone saved the settings since `base` (STALE_REVISION): the latest version, kept beside the typed values. */
  const [stale, setStale] = useState<SavedSettings | null | undefined>(undefined);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const [rebased, setRebased] = useState(false);

  const institution = validateSettings(values);
  const documentSections = validateDocumentSettings(documentValues);
  const appealTerms = appealTermsToSave(appealValues);
  const returnGrounds = returnGroundsToSave(groundRows);
  const valid = institution.valid && documentSections.valid && appealTerms.appealTerms !== null && returnGrounds.returnGrounds !== null;
  const errors = { ...institution.errors, ...documentSections.errors, ...appealTerms.errors, ...returnGrounds.errors };
  const setup = current === null;

  /** `touchKey` follows a row when rows above it are removed; the schema's path names it by position. */
  const errorOf = (path: string, touchKey = path): string | undefined => {
    const key = serverErrors[path] ?? ((submitted || touched.isTouched(touchKey)) && errors[path]);
    return key ? fieldMessage(key, lang) : undefined;
  };
  /** `path` names the field in the schema; `touchKey`, when given, names it for showing its error. */
  const update = (patch: Partial<SettingsFormValues>, path?: string, touchKey = path) => {
    setValues((v) => ({ ...v, ...patch }));
    setSaved(false);
    setRebased(false);
    if (touchKey) touched.markChanged(touchKey);
    if (path) setServerErrors(({ [path]: _dropped, ...rest }) => rest);
  };
  const updateDocuments = (patch: Partial<DocumentSettingsValues>, path: string) => {
    setDocumentValues((v) => ({ ...v, ...patch }));
    setSaved(false);
    setRebased(false);
    touched.markChanged(path);
    setServerErrors(({ [path]: _dropped, ...rest }) => rest);
  };
  const updateAppeal = (body: AppealBody, patch: Partial<AppealTermValues>, field: keyof AppealTermValues) => {
    setAppealValues((v) => ({ ...v, [body]: { ...v[body], ...patch } }));
    setSaved(false);
    setRebased(false);
    const path = `appealTerms.${body}.${field === 'unit' ? 'amount' : field}`;
    touched.markChanged(path);
    setServerErrors(({ [path]: _dropped, ...rest }) => rest);
  };
  const updateGround = (index: number, patch: Partial<ReturnGroundRow>, field: 'text' | 'citation') => {
    setGroundRows((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    setSaved(false);
    setRebased(false);
    const path = `returnGrounds.${index}.${field}`;
    touched.markChanged(path);
    setServerErrors(({ [path]: _dropped, ...rest }) => rest);
  };
  /** The settings after a capacity change made below (V-77 p. 4): the form's base moves on, what was typed stays. */
  const refreshBase = async () => {
    try {
      const latest = await call('settings.get', {});
      if (latest) {
        setBase(latest);
        onSaved(latest);
      }
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const updateRow = (index: number, patch: Partial<InstitutionRow>, path: string, touchKey: string) =>
    update({ others: values.others.map((r, i) => (i === index ? { ...r, ...patch } : r)) }, path, touchKey);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const settings = settingsToSave(values);
    const sections = documentSettingsToSave(documentValues);
    const terms = appealTermsToSave(appealValues).appealTerms;
    const grounds = returnGroundsToSave(groundRows).returnGrounds;
    if (!settings || !sections || terms === null || grounds === null) return;
    setSaving(true);
    setError(null);
    setRebased(false);
    try {
      // The document size limit has no field here: what is set stays as it is.
      // Issue 14: the capacity's dated changes are made below (places.changeCapacity) and kept here as they are.
      const stored = await call('settings.save', {
        ...withKeptSections(settings, base, terms),
        ...sections,
        ...(base?.documents ? { documents: base.documents } : {}),
        // The set-up screen shows no grounds: what is stored stays.
        ...(setup ? (base?.returnGrounds ? { returnGrounds: base.returnGrounds } : {}) : grounds !== undefined ? { returnGrounds: grounds } : {}),
        revision: base?.revision ?? 0,
      });
      setValues(settingsFormValues(stored));
      setDocumentValues(documentSettingsValues(stored));
      setAppealValues(appealTermsValues(stored));
      setGroundRows(returnGroundsValues(stored));
      setBase(stored);
      setStale(undefined);
      setSaved(true);
      onSaved(stored);
    } catch (err) {
      const apiError = toApiError(err);
      if (isStaleRevision(apiError)) {
        // What the user typed stays in the form; the latest version is fetched to say what changed.
        try {
          setStale(await call('settings.get', {}));
          return;
        } catch (again) {
          setError(toApiError(again));
          return;
        }
      }
      setError(apiError);
      setServerErrors(fieldErrorsFromServer(apiError.fields));
    } finally {
      setSaving(false);
    }
  };

  /** Move the typed values onto the latest version: the fields the other user changed take their values. */
  const loadLatest = async () => {
    setLoadingLatest(true);
    try {
      const latest = await call('settings.get', {});
      setValues((v) => rebase(v, settingsFormValues(base), settingsFormValues(latest)));
      setDocumentValues((v) => rebase(v, documentSettingsValues(base), documentSettingsValues(latest)));
      setAppealValues((v) => rebase(v, appealTermsValues(base), appealTermsValues(latest)));
      // The grounds are a list: another user's saved list is taken unless this form changed it.
      setGroundRows((rows) => (JSON.stringify(rows) === JSON.stringify(returnGroundsValues(base)) ? returnGroundsValues(latest) : rows));
      setBase(latest);
      setStale(undefined);
      setServerErrors({});
      setRebased(true);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setLoadingLatest(false);
    }
  };

  return (
    <section className="page page-narrow">
      <PageTitle title={setup ? t('setup.title') : t('settings.title')} />
      {setup ? <p className="lead">{problem ? t('setup.repairIntro') : t('setup.intro')}</p> : null}
      {problem ? <ErrorNotice error={problem} /> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('settings.institution')}</legend>
          <TextField
            id="settings-name"
            label={t('settings.name')}
            required
            value={values.name}
            onChange={(name) => update({ name }, 'institution.name')}
            onBlur={() => touched.leave('institution.name')}
            error={errorOf('institution.name')}
            autoComplete="organization"
          />
          <div className="check">
            <input
              id="settings-runs"
              type="checkbox"
              checked={values.runsHalfwayHouse}
              onChange={(e) => update({ runsHalfwayHouse: e.target.checked })}
            />
            <label htmlFor="settings-runs">{t('settings.runsHalfwayHouse')}</label>
          </div>
          {values.runsHalfwayHouse ? (
            <div className="field-row">
              <TextField
                id="settings-house"
                label={t('settings.halfwayHouseName')}
                required
                value={values.halfwayHouseName}
                onChange={(halfwayHouseName) => update({ halfwayHouseName }, 'institution.halfwayHouseName')}
                onBlur={() => touched.leave('institution.halfwayHouseName')}
                error={errorOf('institution.halfwayHouseName')}
              />
              <TextField
                id="settings-places"
                label={t('settings.places')}
                required
                type="number"
                inputMode="numeric"
                min={1}
                max={1000}
                hint={(base?.institution.capacityChanges?.length ?? 0) > 0 ? t('settings.placesBaseHint') : undefined}
                value={values.places}
                onChange={(places) => update({ places }, 'institution.places')}
                onBlur={() => touched.leave('institution.places')}
                error={errorOf('institution.places')}
              />
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('settings.others')}</legend>
          <p className="field-hint">{t('settings.othersHint')}</p>
          {values.others.length === 0 ? <p>{t('settings.noOthers')}</p> : null}
          <ol className="institution-rows">
            {values.others.map((row, i) => {
              const n = i + 1;
              const namePath = `otherInstitutions.${i}.name`;
              const housePath = `otherInstitutions.${i}.halfwayHouseName`;
              return (
                <li key={row.key} className="institution-row">
                  <TextField
                    id={`other-${row.key}-name`}
                    label={t('settings.otherName', { n })}
                    required
                    value={row.name}
                    onChange={(name) => updateRow(i, { name }, namePath, `${row.key}.name`)}
                    onBlur={() => touched.leave(`${row.key}.name`)}
                    error={errorOf(namePath, `${row.key}.name`)}
                  />
                  <TextField
                    id={`other-${row.key}-house`}
                    label={t('settings.otherHalfwayHouse', { n })}
                    value={row.halfwayHouseName}
                    onChange={(halfwayHouseName) => updateRow(i, { halfwayHouseName }, housePath, `${row.key}.house`)}
                    onBlur={() => touched.leave(`${row.key}.house`)}
                    error={errorOf(housePath, `${row.key}.house`)}
                  />
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => update({ others: values.others.filter((_, j) => j !== i) })}
                  >
                    {t('settings.removeOther', { n })}
                  </button>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              update({ others: [...values.others, { key: `row-${randomSuffix()}`, id: null, name: '', halfwayHouseName: '' }] })
            }
          >
            {t('settings.addOther')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('settings.security')}</legend>
          <TextField
            id="settings-idle"
            label={t('settings.idleMinutes')}
            hint={t('settings.idleHint')}
            required
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            value={values.idleMinutes}
            onChange={(idleMinutes) => update({ idleMinutes }, 'security.idleMinutes')}
            onBlur={() => touched.leave('security.idleMinutes')}
            error={errorOf('security.idleMinutes')}
          />
        </fieldset>

        {setup ? null : (
          <fieldset className="appeal-terms">
            <legend>{t('settings.appeal.title')}</legend>
            <p className="field-hint">{t('settings.appeal.hint')}</p>
            {APPEAL_BODIES.map((body) => (
              <div key={body} className="field-row" data-body={body}>
                <TextField
                  id={`appeal-${body}-amount`}
                  label={t(`settings.appeal.${body}.amount`)}
                  inputMode="numeric"
                  value={appealValues[body].amount}
                  onChange={(amount) => updateAppeal(body, { amount }, 'amount')}
                  onBlur={() => touched.leave(`appealTerms.${body}.amount`)}
                  error={errorOf(`appealTerms.${body}.amount`)}
                />
                <SelectField
                  id={`appeal-${body}-unit`}
                  label={t(`settings.appeal.${body}.unit`)}
                  value={appealValues[body].unit}
                  options={[
                    { value: 'days', label: t('settings.appeal.days') },
                    { value: 'months', label: t('settings.appeal.months') },
                  ]}
                  onChange={(unit) => updateAppeal(body, { unit: unit === 'months' ? 'months' : 'days' }, 'unit')}
                />
                <TextField
                  id={`appeal-${body}-citation`}
                  label={t(`settings.appeal.${body}.citation`)}
                  value={appealValues[body].citation}
                  onChange={(citation) => updateAppeal(body, { citation }, 'citation')}
                  onBlur={() => touched.leave(`appealTerms.${body}.citation`)}
                  error={errorOf(`appealTerms.${body}.citation`)}
                />
              </div>
            ))}
          </fieldset>
        )}

        {setup ? null : (
          <fieldset className="return-grounds-settings">
            <legend>{t('settings.returnGrounds.title')}</legend>
            <p className="field-hint">{t('settings.returnGrounds.hint')}</p>
            {groundRows.length === 0 ? <p className="notice notice-warning">{t('settings.returnGrounds.none')}</p> : null}
            {groundRows.map((row, i) => (
              <div key={row.id === '' ? `new-${i}` : row.id} className="field-row" data-ground={row.id}>
                <TextAreaField
                  id={`return-ground-${i}-text`}
                  label={t('settings.returnGrounds.text', { n: i + 1 })}
                  required
                  rows={2}
                  maxLength={1000}
                  value={row.text}
                  onChange={(text) => updateGround(i, { text }, 'text')}
                  onBlur={() => touched.leave(`returnGrounds.${i}.text`)}
                  error={errorOf(`returnGrounds.${i}.text`)}
                />
                <TextField
                  id={`return-ground-${i}-citation`}
                  label={t('settings.returnGrounds.citation')}
                  required
                  value={row.citation}
                  onChange={(citation) => updateGround(i, { citation }, 'citation')}
                  onBlur={() => touched.leave(`returnGrounds.${i}.citation`)}
                  error={errorOf(`returnGrounds.${i}.citation`)}
                />
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => {
                    setGroundRows((rows) => rows.filter((_, j) => j !== i));
                    setSaved(false);
                  }}
                >
                  {t('settings.returnGrounds.remove', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setGroundRows((rows) => [...rows, { id: '', text: '', citation: '' }]);
                setSaved(false);
              }}
            >
              {t('settings.returnGrounds.add')}
            </button>
          </fieldset>
        )}

        <DocumentSettingsFields values={documentValues} onChange={updateDocuments} onLeave={(path) => touched.leave(path)} errorOf={(path) => errorOf(path)} />

        {error ? <ErrorNotice error={error} /> : null}
        {stale !== undefined ? (
          <StaleNotice
            message={errorText('STALE_REVISION', { kind: 'settings', revision: stale?.revision ?? 0, changed: [] }, lang)}
            fields={settingsChangeLabels(base, stale, t)}
            loading={loadingLatest}
            onLoad={() => void loadLatest()}
          />
        ) : null}
        {submitted && !valid ? (
          <p className="form-summary" role="alert">
            {t('settings.fixFields')}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={saving}>
            {t('settings.save')}
          </button>
          {saved && !setup ? (
            <p className="status-ok" role="status">
              {t('settings.saved')}
            </p>
          ) : null}
          {rebased ? (
            <p className="status-ok" role="status">
              {t('stale.loaded')}
            </p>
          ) : null}
        </div>
      </form>
      {!setup && base?.institution.runsHalfwayHouse ? (
        <section className="panel capacity-panel" aria-labelledby="capacity-title">
          <h2 id="capacity-title">{t('places.capacity.title')}</h2>
          <p className="field-hint">{t('settings.capacityHint')}</p>
          <CapacityHistory changes={base.institution.capacityChanges ?? []} />
          <CapacityForm
            revision={base.revision ?? 0}
            onSaved={() => {
              setCapacitySaved(true);
              void refreshBase();
            }}
            onReload={() => void refreshBase()}
          />
          {/* Issue 17: "saved" under the form's button, not above the form. */}
          {capacitySaved ? (
            <p className="status-ok" role="status">
              {t('places.capacity.saved')}
            </p>
          ) : null}
        </section>
      ) : null}
      {setup ? null : <RevocationPanel />}
      {setup ? null : <TrustedListPanel />}
      {setup ? null : <KeySlotsPanel />}
    </section>
  );
}
