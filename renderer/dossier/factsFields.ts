import { FACTS_SCHEMAS } from '../../shared/contract/dossierSchemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { factsIssues, type DossierItems, type ItemFacts } from '../../shared/domain/dossier';
import type { DossierItemId } from '../../shared/domain/dossierItems';

/**
 * The form of each item's structured facts (DESIGN §1), as data: the form is drawn from it, and a
 * draft of strings is turned into the facts the contract takes. Field names are the facts' keys,
 * so the back end's refusals (facts.<path>) land on the right field.
 */
export type FactsField =
  | { name: string; kind: 'date' | 'text' | 'textarea' | 'amount'; optional?: boolean }
  | { name: string; kind: 'select'; options: readonly string[]; optional?: boolean }
  | { name: string; kind: 'yesno' }
  | { name: string; kind: 'rows'; fields: readonly FactsField[] }
  | { name: string; kind: 'lines' };

export const FACTS_FIELDS: Readonly<Record<DossierItemId, readonly FactsField[]>> = {
  '6.1': [
    { name: 'instrument', kind: 'text' },
    { name: 'assessedOn', kind: 'date' },
    { name: 'level', kind: 'select', options: ['low', 'medium', 'high', 'undetermined'] },
    { name: 'previousLevel', kind: 'select', options: ['low', 'medium', 'high', 'undetermined'], optional: true },
  ],
  '6.2': [
    { name: 'concludedOn', kind: 'date' },
    { name: 'summary', kind: 'textarea' },
  ],
  '6.3': [
    { name: 'requestDate', kind: 'date' },
    { name: 'halfwayHouse', kind: 'text' },
    { name: 'consent', kind: 'yesno' },
  ],
  '6.4': [
    { name: 'kind', kind: 'select', options: ['halfway_house_work', 'other_work', 'study', 'none'] },
    { name: 'organisation', kind: 'text', optional: true },
  ],
  '6.5': [
    { name: 'totalEur', kind: 'amount' },
    { name: 'creditors', kind: 'textarea', optional: true },
  ],
  '6.6': [
    { name: 'sentenceStart', kind: 'date' },
    { name: 'possibleTransferDate', kind: 'date' },
    { name: 'possibleParoleDate', kind: 'date' },
    { name: 'sentenceEnd', kind: 'date' },
    {
      name: 'convictions',
      kind: 'rows',
      fields: [
        { name: 'date', kind: 'date' },
        { name: 'court', kind: 'text' },
        { name: 'description', kind: 'text' },
      ],
    },
  ],
  '6.7': [{ name: 'personalFileAccessible', kind: 'yesno' }],
  '6.8': [
    {
      name: 'entries',
      kind: 'rows',
      fields: [
        { name: 'kind', kind: 'select', options: ['violation', 'reward'] },
        { name: 'date', kind: 'date' },
        { name: 'description', kind: 'text' },
        { name: 'penaltyUntil', kind: 'date', optional: true },
      ],
    },
  ],
  '6.9': [{ name: 'restrictions', kind: 'lines' }],
  '6.10': [
    { name: 'documentType', kind: 'select', options: ['passport', 'id_card', 'residence_permit', 'other'] },
    { name: 'number', kind: 'text' },
    { name: 'validUntil', kind: 'date' },
  ],
  '6.11': [{ name: 'description', kind: 'textarea' }],
};

export type Draft = Record<string, unknown>;

function draftValue(field: FactsField, value: unknown): unknown {
  switch (field.kind) {
    case 'rows':
      return Array.isArray(value) ? value.map((row) => draftOf(field.fields, row as Record<string, unknown>)) : [];
    case 'lines':
      return Array.isArray(value) ? value.map(String) : [];
    case 'yesno':
      return value === true ? 'yes' : value === false ? 'no' : '';
    case 'amount':
      return typeof value === 'number' ? String(value).replace('.', ',') : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

function draftOf(fields: readonly FactsField[], facts: Record<string, unknown> | undefined): Draft {
  return Object.fromEntries(fields.map((f) => [f.name, draftValue(f, facts?.[f.name])]));
}

/** The form's strings for an item's stored facts (or empty ones); prefilled where the case knows. */
export function factsDraft(item: DossierItemId, facts: ItemFacts | undefined, prefill: Draft = {}): Draft {
  const draft = draftOf(FACTS_FIELDS[item], facts as Record<string, unknown> | undefined);
  if (facts === undefined) for (const [k, v] of Object.entries(prefill)) if (draft[k] === '') draft[k] = v;
  return draft;
}

function factValue(field: FactsField, value: unknown): unknown {
  switch (field.kind) {
    case 'rows':
      return (value as Draft[]).map((row) => valuesOf(field.fields, row));
    case 'lines':
      return (value as string[]).map((s) => s.trim()).filter((s) => s !== '');
    case 'yesno':
      return value === 'yes' ? true : value === 'no' ? false : undefined;
    case 'amount': {
      const text = String(value).trim().replace(/\s/g, '').replace(',', '.');
      return text === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    }
    default: {
      const text = String(value ?? '');
      return 'optional' in field && field.optional && text.trim() === '' && field.kind !== 'text' && field.kind !== 'textarea' ? undefined : text;
    }
  }
}

function valuesOf(fields: readonly FactsField[], draft: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = factValue(f, draft[f.name]);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

/** The facts as the contract takes them (checked by the contract, not here). */
export function factsOfDraft(item: DossierItemId, draft: Draft): Record<string, unknown> {
  return valuesOf(FACTS_FIELDS[item], draft);
}

/** Problems of a draft as the back end would report them: field path → validation message key. */
export function draftProblems(item: DossierItemId, draft: Draft, items: DossierItems, today: IsoDate): Map<string, string> {
  const facts = factsOfDraft(item, draft);
  const problems = new Map<string, string>();
  const parsed = FACTS_SCHEMAS[item].safeParse(facts);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = i.path.map(String).join('.');
      if (!problems.has(path)) problems.set(path, i.message);
    }
    return problems;
  }
  for (const i of factsIssues(item, parsed.data as never, items, today)) if (!problems.has(i.path)) problems.set(i.path, i.key);
  return problems;
}

/** An empty row of a list field. */
export function emptyRow(field: Extract<FactsField, { kind: 'rows' }>): Draft {
  return draftOf(field.fields, undefined);
}
