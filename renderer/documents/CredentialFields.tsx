import { useState, type ChangeEvent } from 'react';
import { RadioGroupField, TextField } from '../components/fields';
import { useI18n } from '../i18n/I18nProvider';
import { fileBytes } from './documentFiles';
import type { CredentialDraft } from './signingModel';

interface CredentialFieldsProps {
  draft: CredentialDraft;
  onChange(update: (draft: CredentialDraft) => CredentialDraft): void;
  disabled: boolean;
  /** The signer tried to sign without a complete credential. */
  missing: boolean;
}

/** How the signer signs: a PKCS#12 file and its password, or the card's PIN. Nothing typed here is stored. */
export function CredentialFields({ draft, onChange, disabled, missing }: CredentialFieldsProps) {
  const { t } = useI18n();
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileProblem(null);
    if (!file) return;
    fileBytes(file).then(
      (bytes) => onChange((d) => (d.kind === 'pkcs12' ? { ...d, file: { name: file.name, bytes } } : d)),
      (e: unknown) => setFileProblem(t('signing.fileUnreadable', { name: file.name, detail: e instanceof Error ? e.message : String(e) })),
    );
  };

  return (
    <fieldset className="credential-fields" disabled={disabled}>
      <legend>{t('signing.credential')}</legend>
      <RadioGroupField
        id="credential-kind"
        legend={t('signing.kind')}
        value={draft.kind}
        options={[
          { value: 'pkcs12', label: t('signing.kind.pkcs12') },
          { value: 'pkcs11', label: t('signing.kind.pkcs11') },
        ]}
        onChange={(kind) => onChange(() => (kind === 'pkcs11' ? { kind: 'pkcs11', pin: '' } : { kind: 'pkcs12', file: null, password: '' }))}
      />
      {draft.kind === 'pkcs12' ? (
        <>
          <div className={fileProblem ? 'field field-invalid' : 'field'}>
            <span className="field-label">
              <label htmlFor="credential-file">{t('signing.file')}</label>
            </span>
            <input
              id="credential-file"
              type="file"
              accept=".p12,.pfx,application/x-pkcs12"
              onChange={chooseFile}
              aria-invalid={fileProblem ? true : undefined}
              aria-describedby={fileProblem ? 'credential-file-error' : draft.file ? 'credential-file-chosen' : undefined}
            />
            {draft.file ? (
              <span id="credential-file-chosen" className="field-hint">
                {t('signing.fileChosen', { name: draft.file.name })}
              </span>
            ) : null}
            {fileProblem ? (
              <p id="credential-file-error" className="field-error" role="alert">
                {fileProblem}
              </p>
            ) : null}
          </div>
          <TextField id="credential-password" type="password" label={t('signing.password')} value={draft.password} onChange={(password) => onChange((d) => (d.kind === 'pkcs12' ? { ...d, password } : d))} />
        </>
      ) : (
        <TextField id="credential-pin" type="password" inputMode="numeric" label={t('signing.pin')} required value={draft.pin} onChange={(pin) => onChange(() => ({ kind: 'pkcs11', pin }))} />
      )}
      <p className="field-hint">{t('signing.secretHint')}</p>
      {missing ? (
        <p className="form-summary" role="alert">
          {t('signing.needCredential')}
        </p>
      ) : null}
    </fieldset>
  );
}
