import { DOCUMENT_KINDS } from '../../shared/domain/documents/documentModel';
import { TextAreaField, TextField } from '../components/fields';
import { useI18n } from '../i18n/I18nProvider';
import type { DocumentSettingsValues } from './documentSettingsForm';

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

  return (
    <>
      <fieldset>
        <legend>{t('settings.register')}</legend>
        <p className="field-hint">{t('settings.register.hint')}</p>
        <TextField id="register-place" label={t('settings.register.place')} value={values.place} onChange={(place) => onChange({ place }, 'register.place')} {...at('register.place')} />
        <div className="field-row">
          <TextField
            id="register-director-name"
            label={t('settings.register.directorName')}
            value={values.directorName}
            onChange={(directorName) => onChange({ directorName }, 'register.director.name')}
            {...at('register.director.name')}
          />
          <TextField
            id="register-director-position"
            label={t('settings.register.directorPosition')}
            value={values.directorPosition}
            onChange={(directorPosition) => onChange({ directorPosition }, 'register.director.position')}
            {...at('register.director.position')}
          />
        </div>
        <div className="field-row">
          <TextField
            id="register-employee-name"
            label={t('settings.register.employeeName')}
            hint={t('settings.register.employeeHint')}
            value={values.employeeName}
            onChange={(employeeName) => onChange({ employeeName }, 'register.halfwayHouseEmployee.name')}
            {...at('register.halfwayHouseEmployee.name')}
          />
          <TextField
            id="register-employee-position"
            label={t('settings.register.employeePosition')}
            value={values.employeePosition}
            onChange={(employeePosition) => onChange({ employeePosition }, 'register.halfwayHouseEmployee.position')}
            {...at('register.halfwayHouseEmployee.position')}
          />
        </div>
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
