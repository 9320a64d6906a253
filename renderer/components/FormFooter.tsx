import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice, NoticeSpot } from './ErrorNotice';

interface FormState {
  error: ApiError | null;
  /** True once the user tried to submit a form that is not valid. */
  showSummary?: boolean;
  busy: boolean;
}

/**
 * The end of a checked form: the back end's refusal, a reminder to fix the fields, the buttons and,
 * for a form that stays open once saved, the spot `notice` where "saved" appears (issue 17).
 */
export function FormFooter({ form, label, onCancel, disabled = false, notice }: { form: FormState; label: string; onCancel?: () => void; disabled?: boolean; notice?: string }) {
  const { t } = useI18n();
  return (
    <>
      {form.error ? <ErrorNotice error={form.error} /> : null}
      {form.showSummary ? (
        <p className="form-summary" role="alert">
          {t('auth.fixFields')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={form.busy || disabled}>
          {label}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      {notice === undefined ? null : <NoticeSpot at={notice} />}
    </>
  );
}
