import { useState, type FormEvent } from 'react';
import { validationMessage } from '../../shared/contract/validationMessages';
import { toApiError, type ApiError } from '../api/client';
import { TextAreaField, TextField } from '../components/fields';
import { FormFooter } from '../components/FormFooter';
import { useI18n } from '../i18n/I18nProvider';

/** V-77 p. 7: the secretary extends the dossier term by up to 10 working days, giving the objective reason. */
export function ExtensionForm({ initialDays, onSave, onCancel }: { initialDays: number; onSave(days: number, reason: string): Promise<void>; onCancel(): void }) {
  const { lang, t } = useI18n();
  const [days, setDays] = useState(initialDays > 0 ? String(initialDays) : '');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const n = Number(days);
  const daysProblem = !/^\d+$/.test(days.trim()) || n < 1 || n > 10 ? 'extensionDays' : undefined;
  const reasonProblem = reason.trim() === '' ? 'required' : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (daysProblem || reasonProblem) return;
    setBusy(true);
    try {
      await onSave(n, reason.trim());
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel extension-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('dossier.extend')}>
      <TextField id="extension-days" label={t('dossier.extension.days')} required inputMode="numeric" value={days} onChange={setDays} error={tried && daysProblem ? validationMessage(daysProblem, lang) : undefined} />
      <TextAreaField id="extension-reason" label={t('dossier.extension.reason')} required value={reason} onChange={setReason} error={tried && reasonProblem ? validationMessage(reasonProblem, lang) : undefined} />
      <FormFooter form={{ error, busy, showSummary: tried && Boolean(daysProblem || reasonProblem) }} label={t('dossier.extension.save')} onCancel={onCancel} />
    </form>
  );
}
