import type { FocusEvent } from 'react';
import { TextField } from '../components/fields';
import { useI18n } from '../i18n/I18nProvider';

/** What a TextField takes from a checked form (CheckedForm.field). */
interface FieldProps {
  value: string;
  onChange(value: string): void;
  onBlur(event: FocusEvent<HTMLInputElement>): void;
  error: string | undefined;
}

interface ProtectionFieldsProps {
  /** Prefix of the controls' ids: a page may hold more than one export form. */
  idPrefix: string;
  confirmed: boolean;
  onConfirmed(confirmed: boolean): void;
  /** The checkbox's error, already translated. */
  confirmError: string | undefined;
  password: FieldProps;
  repeat: FieldProps;
}

/**
 * Before any package is written (issue 15): the warning that it holds the case's personal data in
 * clear, which the user must tick to go on, and the optional password that encrypts every entry
 * with AES-256 (a zip that 7-Zip opens; the hint names the tool).
 */
export function ProtectionFields({ idPrefix, confirmed, onConfirmed, confirmError, password, repeat }: ProtectionFieldsProps) {
  const { t } = useI18n();
  const warningId = `${idPrefix}-personal-warning`;
  const checkId = `${idPrefix}-personal`;
  return (
    <>
      <p id={warningId} className="notice notice-warning archive-warning">
        {t('archive.personal.warning')}
      </p>
      <div className={confirmError ? 'field field-invalid' : 'field'}>
        <div className="check">
          <input
            id={checkId}
            type="checkbox"
            checked={confirmed}
            aria-required
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={[warningId, confirmError ? `${checkId}-error` : ''].filter(Boolean).join(' ')}
            onChange={(e) => onConfirmed(e.target.checked)}
          />
          <label htmlFor={checkId}>{t('archive.personal.confirm')}</label>
        </div>
        {confirmError ? (
          <p id={`${checkId}-error`} className="field-error" role="alert">
            {confirmError}
          </p>
        ) : null}
      </div>
      <fieldset className="archive-password">
        <legend>{t('archive.password.legend')}</legend>
        <TextField id={`${idPrefix}-password`} type="password" autoComplete="new-password" label={t('archive.password')} hint={t('archive.password.hint')} {...password} />
        <TextField id={`${idPrefix}-repeat`} type="password" autoComplete="new-password" label={t('archive.password.repeat')} {...repeat} />
      </fieldset>
    </>
  );
}
