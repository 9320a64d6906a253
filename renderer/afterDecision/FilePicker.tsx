import { useEffect, useRef, useState } from 'react';
import type { StagedFile } from '../../shared/contract/dossierSchemas';
import { call, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { kindAndSize, prepareFile } from '../dossier/upload';
import { useI18n } from '../i18n/I18nProvider';

interface FilePickerProps {
  id: string;
  caseId: string;
  maxBytes: number;
  label: string;
  hint?: string;
  /** The field's error, already translated. */
  error?: string | undefined;
  /** The staged copy's id ('' while none is staged). */
  onStaged(stagedId: string): void;
}

/**
 * The copy of a received document (V-77 p. 49: kept for the personal file): checked by the back end
 * by its content and held (dossier.stage) until the form that records it is sent. A copy picked
 * again replaces the one held; what the user walks away from is let go.
 */
export function FilePicker({ id, caseId, maxBytes, label, hint, error, onStaged }: FilePickerProps) {
  const { lang, t } = useI18n();
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  const held = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (held.current) void call('dossier.discard', { stagedIds: [held.current] }).catch(() => undefined);
    },
    [],
  );

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setChecking(true);
    setRefused(null);
    const prepared = await prepareFile(caseId, file, maxBytes);
    setChecking(false);
    if (held.current) void call('dossier.discard', { stagedIds: [held.current] }).catch(() => undefined);
    if (prepared.staged) {
      held.current = prepared.staged.stagedId;
      setStaged(prepared.staged);
      onStaged(prepared.staged.stagedId);
    } else {
      held.current = null;
      setStaged(null);
      setRefused(prepared.error);
      onStaged('');
    }
  };

  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', staged ? `${id}-staged` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <span className="field-label">
        <label htmlFor={id}>{label}</label>
        <span className="required-mark" aria-hidden="true">
          *
        </span>
      </span>
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          void pick(file);
        }}
      />
      {checking ? (
        <p className="field-hint" role="status">
          {t('after.file.checking')}
        </p>
      ) : null}
      {staged && !checking ? (
        <p id={`${id}-staged`} className="field-hint file-staged" role="status">
          {t('after.file.staged', { name: staged.name, size: kindAndSize(staged.kind, staged.size, lang) })}
        </p>
      ) : null}
      {refused ? <ErrorNotice error={refused} /> : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
