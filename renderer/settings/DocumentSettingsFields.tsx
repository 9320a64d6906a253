import { DOCUMENT_KINDS } from '../../shared/domain/documents/documentModel';
import type { Gender } from '../../shared/domain/documents/signers';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../components/fields';
import { useI18n } from '../i18n/I18nProvider';
import { useUserOptions, type UserOption } from '../users/useUserOptions';
import { moduleChanged, newDeputy, withGender, type DocumentSettingsValues, type OfficialValues } from './documentSettingsForm';

const randomId = () => Math.random().toString(36).slice(2, 10);

interface OfficialFieldsProps {
  id: string;
  /** The official's path in the settings, for errors: 'register.director'. */
  path: string;
  legend: string;
  hint?: string;
  kind: 'director' | 'deputy' | 'halfwayHouseEmployee';
  official: OfficialValues;
  users: readonly UserOption[];
  onChange(official: OfficialValues, path: string): void;
  onLeave(path: string): void;
  errorOf(path: string): string | undefined;
}

/**
 * Issue 12: an official who signs: name, position, the gender of the title (Direktorius / Direktorė),
 * the personal code their qualified certificate carries, and the user account that signs for them.
 */
function OfficialFields({ id, path, legend, hint, kind, official, users, onChange, onLeave, errorOf }: OfficialFieldsProps) {
  const { t } = useI18n();
  const at = (field: string) => ({ onBlur: () => onLeave(`${path}.${field}`), error: errorOf(`${path}.${field}`) });
  const set = (patch: Partial<OfficialValues>, field: string) => onChange({ ...official, ...patch }, `${path}.${field}`);
  const known = official.userId === '' || users.some((u) => u.value === official.userId);
  return (
    <fieldset className="official">
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <div className="field-row">
        <TextField id={`${id}-name`} label={t('settings.official.name')} value={official.name} onChange={(name) => set({ name }, 'name')} {...at('name')} />
        <TextField id={`${id}-position`} label={t('settings.official.position')} value={official.position} onChange={(position) => set({ position }, 'position')} {...at('position')} />
      </div>
      <RadioGroupField
        id={`${id}-gender`}
        legend={t('settings.official.gender')}
        hint={t('settings.official.genderHint')}
        value={official.gender}
        options={[
          { value: 'male', label: t('settings.official.male') },
          { value: 'female', label: t('settings.official.female') },
        ]}
        onChange={(gender) => onChange(withGender(official, gender as Gender, kind), `${path}.gender`)}
      />
      <div className="field-row">
        <TextField
          id={`${id}-code`}
          label={t('settings.official.personalCode')}
          hint={t('settings.official.personalCodeHint')}
          inputMode="numeric"
          value={official.personalCode}
          onChange={(personalCode) => set({ personalCode }, 'personalCode')}
          {...at('personalCode')}
        />
        <SelectField
          id={`${id}-user`}
          label={t('settings.official.user')}
          hint={t(kind === 'halfwayHouseEmployee' ? 'settings.official.userHintEmployee' : 'settings.official.userHint')}
          placeholder={t('settings.official.noUser')}
          value={official.userId}
          options={known ? users : [...users, { value: official.userId, label: t('settings.official.unknownUser') }]}
          onChange={(userId) => set({ userId }, 'userId')}
          onBlur={() => onLeave(`${path}.userId`)}
          error={errorOf(`${path}.userId`)}
        />
      </div>
    </fieldset>
  );
}

interface DocumentSettingsFieldsProps {
  values: DocumentSettingsValues;
  /** `path` names the field in the settings ('register.place'), for its errors. */
  onChange(patch: Partial<DocumentSettingsValues>, path: string): void;
  onLeave(path: string): void;
  errorOf(path: string): string | undefined;
}

/** The document register and the signing section of the settings page (issue 6). */
export function DocumentSettingsFields({ values, onChange, onLeave, errorOf }: DocumentSettingsFieldsProps) {
  const { t } = useI18n();
  /** The props every text field of these sections shares, for the field at `path`. */
  const at = (path: string) => ({ onBlur: () => onLeave(path), error: errorOf(path) });
  const users = useUserOptions() ?? [];

  return (
    <>
      <fieldset>
        <legend>{t('settings.register')}</legend>
        <p className="field-hint">{t('settings.register.hint')}</p>
        <TextField id="register-place" label={t('settings.register.place')} value={values.place} onChange={(place) => onChange({ place }, 'register.place')} {...at('register.place')} />
        <OfficialFields
          id="register-director"
          path="register.director"
          legend={t('settings.register.director')}
          kind="director"
          official={values.director}
          users={users}
          onChange={(director, path) => onChange({ director }, path)}
          onLeave={onLeave}
          errorOf={errorOf}
        />
        <fieldset className="official-list">
          <legend>{t('settings.register.deputies')}</legend>
          <p className="field-hint">{t('settings.register.deputiesHint')}</p>
          {values.deputies.map((deputy, i) => (
            <div key={deputy.id} className="official-entry">
              <OfficialFields
                id={`register-deputy-${i}`}
                path={`register.deputies.${i}`}
                legend={t('settings.register.deputy', { n: i + 1 })}
                kind="deputy"
                official={deputy}
                users={users}
                onChange={(next, path) => onChange({ deputies: values.deputies.map((d, j) => (j === i ? next : d)) }, path)}
                onLeave={onLeave}
                errorOf={errorOf}
              />
              <button type="button" className="secondary" onClick={() => onChange({ deputies: values.deputies.filter((_d, j) => j !== i) }, `register.deputies.${i}`)}>
                {t('settings.register.removeDeputy', { name: deputy.name || t('settings.register.deputy', { n: i + 1 }) })}
              </button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => onChange({ deputies: [...values.deputies, newDeputy(`pavaduotojas-${randomId()}`)] }, 'register.deputies')}>
            {t('settings.register.addDeputy')}
          </button>
        </fieldset>
        <OfficialFields
          id="register-employee"
          path="register.halfwayHouseEmployee"
          legend={t('settings.register.employee')}
          hint={t('settings.register.employeeHint')}
          kind="halfwayHouseEmployee"
          official={values.employee}
          users={users}
          onChange={(employee, path) => onChange({ employee }, path)}
          onLeave={onLeave}
          errorOf={errorOf}
        />
        <fieldset className="prefix-fields">
          <legend>{t('settings.register.prefixes')}</legend>
          <p className="field-hint">{t('settings.register.prefixesHint')}</p>
          <div className="field-grid">
            {DOCUMENT_KINDS.map((kind) => {
              const path = `register.prefixes.${kind}`;
              return (
                <TextField
                  key={kind}
                  id={`register-prefix-${kind}`}
                  label={t('settings.register.prefix', { kind: t(`documents.kind.${kind}`) })}
                  required
                  value={values.prefixes[kind]}
                  onChange={(prefix) => onChange({ prefixes: { ...values.prefixes, [kind]: prefix } }, path)}
                  {...at(path)}
                />
              );
            })}
          </div>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('settings.signing')}</legend>
        <TextField
          id="signing-pkcs11"
          label={t('settings.signing.pkcs11Module')}
          hint={t('settings.signing.pkcs11Hint')}
          value={values.pkcs11Module}
          onChange={(pkcs11Module) => onChange({ pkcs11Module }, 'signing.pkcs11Module')}
          {...at('signing.pkcs11Module')}
        />
        {/* Issue 16: changing the driver asks for the user's password again, beside it. */}
        {moduleChanged(values) ? (
          <TextField
            id="signing-module-password"
            type="password"
            autoComplete="current-password"
            label={t('settings.signing.modulePassword')}
            hint={t('settings.signing.modulePasswordHint')}
            required
            value={values.modulePassword}
            onChange={(modulePassword) => onChange({ modulePassword }, 'modulePassword')}
            {...at('modulePassword')}
          />
        ) : null}
        <TextField
          id="signing-tsa"
          label={t('settings.signing.timestampUrl')}
          hint={t('settings.signing.timestampHint')}
          value={values.timestampUrl}
          onChange={(timestampUrl) => onChange({ timestampUrl }, 'signing.timestampUrl')}
          {...at('signing.timestampUrl')}
        />
        <TextAreaField
          id="signing-roots"
          label={t('settings.signing.trustedRoots')}
          hint={t('settings.signing.trustedRootsHint')}
          rows={6}
          value={values.trustedRoots}
          onChange={(trustedRoots) => onChange({ trustedRoots }, 'signing.trustedRoots')}
          onBlur={() => onLeave('signing.trustedRoots')}
          error={errorOf('signing.trustedRoots')}
        />
      </fieldset>
    </>
  );
}
