import { useState, type FormEvent } from 'react';
import { FIELD_LABELS, validationMessage } from '../../shared/contract/validationMessages';
import type { IsoDate } from '../../shared/domain/calendar';
import type { DossierItems, ItemFacts } from '../../shared/domain/dossier';
import type { DossierItemId } from '../../shared/domain/dossierItems';
import { toApiError, type ApiError } from '../api/client';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../components/fields';
import { DateField } from '../components/DateField';
import { FormFooter } from '../components/FormFooter';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { itemSpot } from './dossierSpots';
import { draftProblems, emptyRow, FACTS_FIELDS, factsDraft, factsOfDraft, type Draft, type FactsField } from './factsFields';

interface FactsFormProps {
  item: DossierItemId;
  facts: ItemFacts | undefined;
  /** What the case already knows, offered for an item not yet recorded (e.g. the request's dates). */
  prefill: Draft;
  items: DossierItems;
  today: IsoDate;
  onSave(facts: Record<string, unknown>): Promise<void>;
}

/** The structured facts of one dossier item (DESIGN §1), checked as the user types once they tried to save. */
export function FactsForm({ item, facts, prefill, items, today, onSave }: FactsFormProps) {
  const { lang, t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => factsDraft(item, facts, prefill));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problems = draftProblems(item, draft, items, today);
  const server = new Map((error?.fields ?? []).map((f) => [f.path.replace(/^facts\./, ''), f.key]));
  const label = (name: string) => FIELD_LABELS[name]?.[lang] ?? name;
  const errorAt = (path: string) => {
    const key = (tried ? problems.get(path) : undefined) ?? server.get(path);
    return key ? validationMessage(key, lang) : undefined;
  };
  const option = (value: string) => t(`dossier.option.${value}` as MessageKey);
  const id = (path: string) => `facts-${item.replace('.', '-')}-${path.replace(/\./g, '-')}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.size > 0) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(factsOfDraft(item, draft));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const field = (f: FactsField, value: unknown, path: string, set: (v: unknown) => void) => {
    const common = { id: id(path), label: label(f.name), error: errorAt(path) };
    switch (f.kind) {
      case 'date':
        return <DateField key={path} {...common} required={!f.optional} value={String(value)} onChange={set} />;
      case 'text':
      case 'amount':
        return <TextField key={path} {...common} required={!f.optional} value={String(value)} inputMode={f.kind === 'amount' ? 'text' : undefined} onChange={set} />;
      case 'textarea':
        return <TextAreaField key={path} {...common} required={!f.optional} value={String(value)} onChange={set} />;
      case 'select':
        return (
          <SelectField
            key={path}
            {...common}
            required={!f.optional}
            value={String(value)}
            placeholder={t('dossier.option.unset')}
            options={f.options.map((o) => ({ value: o, label: option(o) }))}
            onChange={set}
          />
        );
      case 'yesno':
        return (
          <RadioGroupField
            key={path}
            id={common.id}
            legend={common.label}
            error={common.error}
            required
            value={String(value)}
            options={[
              { value: 'yes', label: t('dossier.yes') },
              { value: 'no', label: t('dossier.no') },
            ]}
            onChange={set}
          />
        );
      case 'lines': {
        const lines = value as string[];
        return (
          <fieldset key={path} className="facts-rows">
            <legend>{common.label}</legend>
            {lines.map((line, i) => (
              <div key={i} className="facts-row">
                <TextField id={id(`${path}.${i}`)} label={`${common.label} ${i + 1}`} value={line} error={errorAt(`${path}.${i}`)} onChange={(v) => set(lines.map((l, j) => (j === i ? v : l)))} />
                <button type="button" className="button-secondary" onClick={() => set(lines.filter((_, j) => j !== i))}>
                  {t('dossier.removeRow')}
                </button>
              </div>
            ))}
            <button type="button" className="button-secondary" onClick={() => set([...lines, ''])}>
              {t('dossier.addRow')}
            </button>
          </fieldset>
        );
      }
      case 'rows': {
        const rows = value as Draft[];
        return (
          <fieldset key={path} className="facts-rows">
            <legend>{common.label}</legend>
            {rows.map((row, i) => (
              <div key={i} className="facts-row">
                {f.fields.map((sub) => field(sub, row[sub.name], `${path}.${i}.${sub.name}`, (v) => set(rows.map((r, j) => (j === i ? { ...r, [sub.name]: v } : r)))))}
                <button type="button" className="button-secondary" onClick={() => set(rows.filter((_, j) => j !== i))}>
                  {t('dossier.removeRow')}
                </button>
              </div>
            ))}
            <button type="button" className="button-secondary" onClick={() => set([...rows, emptyRow(f)])}>
              {t('dossier.addRow')}
            </button>
          </fieldset>
        );
      }
    }
  };

  return (
    <form className="facts-form" noValidate onSubmit={(e) => void submit(e)} aria-label={`${t('dossier.factsTitle')} ${item}`}>
      {FACTS_FIELDS[item].map((f) => field(f, draft[f.name], f.name, (v) => setDraft((d) => ({ ...d, [f.name]: v }))))}
      <FormFooter form={{ error, busy, showSummary: tried && problems.size > 0 }} label={t('dossier.saveFacts')} notice={itemSpot(item, 'facts')} />
    </form>
  );
}
