import { MIN_PASSWORD_LENGTH } from '../../shared/contract/users';
import { TextField } from '../components/fields';
import type { CheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';

type FieldProps = ReturnType<CheckedForm<Record<string, string>, unknown>['field']>;

/** A new password, with the rule on its length, and the same password once more. */
export function NewPasswordFields({ idPrefix, label, repeatLabel, password, repeat }: { idPrefix: string; label: string; repeatLabel: string; password: FieldProps; repeat: FieldProps }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        type="password"
        label={label}
        hint={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        required
        autoComplete="new-password"
        {...password}
      />
      <TextField id={`${idPrefix}-repeat`} type="password" label={repeatLabel} required autoComplete="new-password" {...repeat} />
    </>
  );
}
