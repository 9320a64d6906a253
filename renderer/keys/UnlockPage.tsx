import { useState, type FormEvent } from 'react';
import type { KeySecret } from '../../shared/contract/keySchemas';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { RadioGroupField, TextField } from '../components/fields';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Issue 16: the desktop app on a data directory this computer's secret store does not open (a new
 * computer, a reinstalled system, a directory made by the browser host): every call is refused with
 * DATA_KEY_LOCKED (`reason`, shown above the form) until the passphrase or the recovery key opens
 * it. Then, once, it offers to enrol this computer, so that the next start opens without asking.
 */
export function UnlockPage({ reason, onUnlocked }: { reason: ApiError; onUnlocked(): void }) {
  const { lang, t } = useI18n();
  const [kind, setKind] = useState<KeySecret['kind']>('passphrase');
  const [secret, setSecret] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  /** After the unlock: the offer to enrol, or its refusal (the directory is open all the same). */
  const [after, setAfter] = useState<'offer' | 'enrolFailed' | null>(null);

  const unlock = (event: FormEvent) => {
    event.preventDefault();
    if (secret.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    const given: KeySecret = kind === 'passphrase' ? { kind, passphrase: secret } : { kind, recoveryKey: secret };
    call('keys.unlock', { secret: given }).then(
      ({ enrolOffered }) => {
        setSecret('');
        setBusy(false);
        if (enrolOffered) setAfter('offer');
        else onUnlocked();
      },
      (e: unknown) => {
        setError(toApiError(e));
        setBusy(false);
      },
    );
  };

  const answer = (enrol: boolean) => {
    setBusy(true);
    setError(null);
    call('keys.enrolAtUnlock', { enrol }).then(onUnlocked, (e: unknown) => {
      setError(toApiError(e));
      setBusy(false);
      setAfter('enrolFailed');
    });
  };

  if (after !== null) {
    return (
      <section className="page page-auth">
        <PageTitle title={t('keys.enrol.title')} />
        {after === 'enrolFailed' && error ? (
          <ErrorNotice error={error}>
            <button type="button" className="button-secondary" onClick={onUnlocked}>
              {t('keys.recovery.continue')}
            </button>
          </ErrorNotice>
        ) : null}
        {after === 'offer' ? <p className="lead">{t('keys.enrol.question')}</p> : null}
        <div className="form-actions" hidden={after !== 'offer'}>
          <button type="button" className="button-primary" disabled={busy} onClick={() => answer(true)}>
            {t('keys.enrol.yes')}
          </button>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => answer(false)}>
            {t('keys.enrol.no')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="page page-auth">
      <PageTitle title={t('keys.unlock.title')} />
      <p className="lead">{reason.text(lang)}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <form onSubmit={unlock} noValidate>
        <RadioGroupField
          id="unlock-kind"
          legend={t('keys.unlock.kind')}
          value={kind}
          options={[
            { value: 'passphrase', label: t('keys.unlock.byPassphrase') },
            { value: 'recovery', label: t('keys.unlock.byRecovery') },
          ]}
          onChange={(v) => {
            setKind(v === 'recovery' ? 'recovery' : 'passphrase');
            setSecret('');
          }}
        />
        <TextField
          id="unlock-secret"
          label={kind === 'passphrase' ? t('keys.unlock.passphrase') : t('keys.unlock.recoveryKey')}
          hint={kind === 'recovery' ? t('keys.unlock.recoveryHint') : undefined}
          type={kind === 'passphrase' ? 'password' : 'text'}
          inputMode={kind === 'recovery' ? 'numeric' : 'text'}
          autoComplete="off"
          required
          value={secret}
          error={missing && secret.trim() === '' ? t('keys.unlock.required') : undefined}
          onChange={(v) => {
            setSecret(v);
            setMissing(false);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('keys.unlock.busy') : t('keys.unlock.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
