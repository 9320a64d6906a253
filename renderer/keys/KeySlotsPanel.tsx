import { useEffect, useState, type FormEvent } from 'react';
import type { KeyProof, KeySlotViewData, KeySlotsView } from '../../shared/contract/keySchemas';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { RadioGroupField, TextField } from '../components/fields';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { ActionNotice } from '../layout/ActionNotice';
import { RecoveryKeySheet } from '../auth/RecoveryKeySheet';

type ProofKind = KeyProof['kind'];

/**
 * Issue 16: the administrator's view of the data key's slots (settings page): which workstations,
 * passphrases and recovery key open the directory; a passphrase added, this computer enrolled, a
 * new recovery key (shown once), a slot removed. Every change is proved by an existing slot, chosen
 * above the actions; the back end checks it and records the change in the audit trail.
 */
export function KeySlotsPanel() {
  const { lang, t } = useI18n();
  const [view, setView] = useState<KeySlotsView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [proofKind, setProofKind] = useState<ProofKind>('passphrase');
  const [secret, setSecret] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const reload = () => call('keys.list', {}).then(setView, (e: unknown) => setError(toApiError(e)));
  useEffect(() => {
    void reload();
  }, []);
  useEffect(() => {
    // On an enrolled computer its store is the easiest proof.
    if (view?.workstation.slotId) setProofKind('thisWorkstation');
  }, [view?.workstation.slotId]);

  const proof = (): KeyProof =>
    proofKind === 'thisWorkstation' ? { kind: 'thisWorkstation' } : proofKind === 'passphrase' ? { kind: 'passphrase', passphrase: secret } : { kind: 'recovery', recoveryKey: secret };

  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setDone(false);
    work().then(
      () => {
        setBusy(false);
        setDone(true);
        setSecret('');
        void reload();
      },
      (e: unknown) => {
        setError(toApiError(e));
        setBusy(false);
      },
    );
  };

  const addPassphrase = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await call('keys.addPassphrase', { current: proof(), passphrase, repeat });
      setPassphrase('');
      setRepeat('');
    });
  };

  const remove = (slot: KeySlotViewData) => {
    const opening = slot.id === view?.openedBy;
    if (opening && !window.confirm(t('keys.removeConfirm'))) return;
    run(() => call('keys.remove', { current: proof(), id: slot.id, confirmOpening: opening }));
  };

  if (recoveryKey !== null) {
    return (
      <section className="panel key-slots-panel" aria-labelledby="key-slots-title">
        <h2 id="key-slots-title">{t('keys.recovery.title')}</h2>
        <RecoveryKeySheet asPage={false} recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />
      </section>
    );
  }

  const proofOptions = [
    ...(view?.workstation.slotId ? [{ value: 'thisWorkstation', label: t('keys.proof.thisWorkstation') }] : []),
    { value: 'passphrase', label: t('keys.proof.passphrase') },
    { value: 'recovery', label: t('keys.proof.recovery') },
  ];

  return (
    <section className="panel key-slots-panel" aria-labelledby="key-slots-title">
      <h2 id="key-slots-title">{t('keys.panel.title')}</h2>
      <p className="field-hint">{t('keys.panel.intro')}</p>
      {view ? (
        <table className="data-table">
          <caption>{t('keys.panel.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('keys.col.id')}</th>
              <th scope="col">{t('keys.col.kind')}</th>
              <th scope="col">{t('keys.col.where')}</th>
              <th scope="col">{t('keys.col.added')}</th>
              <th scope="col">{t('keys.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {view.slots.map((slot) => (
              <tr key={slot.id}>
                <td>
                  <code>{slot.id}</code> {slot.id === view.openedBy ? t('keys.opened') : null}
                </td>
                <td>{t(`keys.kind.${slot.kind}`)}</td>
                <td>
                  {slot.kind === 'os' ? [slot.computer, slot.user].filter(Boolean).join(' / ') || '–' : '–'}{' '}
                  {slot.id === view.workstation.slotId ? t('keys.thisComputer') : null}
                </td>
                <td>{slot.addedAt ? formatMoment(slot.addedAt, lang) : '–'}</td>
                <td>
                  <button type="button" className="button-secondary" disabled={busy || view.slots.length === 1} onClick={() => remove(slot)}>
                    {t('keys.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <RadioGroupField id="key-proof" legend={t('keys.proof.legend')} value={proofKind} options={proofOptions} onChange={(v) => setProofKind(v as ProofKind)} />
      {proofKind !== 'thisWorkstation' ? (
        <TextField
          id="key-proof-secret"
          label={proofKind === 'passphrase' ? t('keys.proof.passphraseField') : t('keys.unlock.recoveryKey')}
          hint={proofKind === 'recovery' ? t('keys.unlock.recoveryHint') : undefined}
          type={proofKind === 'passphrase' ? 'password' : 'text'}
          value={secret}
          onChange={setSecret}
        />
      ) : null}

      <form onSubmit={addPassphrase} noValidate>
        <TextField id="key-new-passphrase" label={t('keys.add.passphrase')} type="password" autoComplete="new-password" value={passphrase} onChange={setPassphrase} />
        <TextField id="key-new-repeat" label={t('keys.add.repeat')} type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('keys.add.submit')}
          </button>
        </div>
      </form>
      <div className="form-actions">
        {view?.workstation.available && view.workstation.slotId === null ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => run(() => call('keys.enrol', { current: proof() }))}>
            {t('keys.enrolNow')}
          </button>
        ) : null}
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          title={t('keys.newRecoveryNote')}
          onClick={() => run(async () => setRecoveryKey((await call('keys.newRecoveryKey', { current: proof() })).recoveryKey))}
        >
          {t('keys.newRecovery')}
        </button>
      </div>
      {/* Issue 17: the outcome under the panel's buttons, where the actions are, not above its table. */}
      {error ? <ErrorNotice error={error} /> : null}
      {done ? <ActionNotice>{t('keys.done')}</ActionNotice> : null}
    </section>
  );
}
