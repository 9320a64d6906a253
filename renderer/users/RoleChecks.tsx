import { ROLE_LABELS, ROLES, type Role } from '../../shared/contract/roles';
import { withRole } from '../auth/authForms';
import { useI18n } from '../i18n/I18nProvider';

interface RoleChecksProps {
  id: string;
  roles: readonly Role[];
  error: string | undefined;
  onChange(roles: Role[]): void;
}

/** One checkbox per role, named as ROLE_LABELS names it; at least one is required. */
export function RoleChecks({ id, roles, error, onChange }: RoleChecksProps) {
  const { lang, t } = useI18n();
  return (
    <fieldset
      id={id}
      className={error ? 'field role-checks field-invalid' : 'field role-checks'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {t('users.roles')}
        <span className="required-mark" aria-hidden="true">
          {' '}*
        </span>
      </legend>
      {ROLES.map((role) => (
        <div key={role} className="check">
          <input
            id={`${id}-${role}`}
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(e) => onChange(withRole(roles, role, e.target.checked, ROLES))}
          />
          <label htmlFor={`${id}-${role}`}>{ROLE_LABELS[role][lang]}</label>
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
