import { returnGround, type ReturnGround, type Settings } from '../../shared/contract/schemas';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';

/**
 * Issue 14, V-77 p. 44: the return grounds (BVK art. 69 part 3) as the settings form edits them: a
 * legal parameter the administrator writes, each with the provision it comes from. There are no
 * default texts: the app does not guess the Code's wording. A ground keeps its id once saved (the
 * return submissions name it); a new one takes the next free "pagrindas-N".
 */
export interface ReturnGroundRow {
  /** '' for a row not saved yet. */
  id: string;
  text: string;
  citation: string;
}

export function returnGroundsValues(settings: Pick<Settings, 'returnGrounds'> | null): ReturnGroundRow[] {
  return (settings?.returnGrounds ?? []).map((g) => ({ id: g.id, text: g.text, citation: g.citation }));
}

/** The next id for a new ground, not taken by any row. */
function nextId(taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`pagrindas-${n}`)) n += 1;
  return `pagrindas-${n}`;
}

export interface ReturnGroundsChecked {
  /** What to save in `returnGrounds` (absent when there are none), or null while a field is wrong. */
  returnGrounds: ReturnGround[] | undefined | null;
  /** Problems by path: 'returnGrounds.0.text', 'returnGrounds.1.citation'. */
  errors: FieldErrors;
}

/** The grounds to save, each checked by the contract (a text up to 1000 characters and its citation). */
export function returnGroundsToSave(rows: readonly ReturnGroundRow[]): ReturnGroundsChecked {
  const taken = new Set(rows.map((r) => r.id).filter((id) => id !== ''));
  const errors: Record<string, string> = {};
  const out: ReturnGround[] = [];
  rows.forEach((row, i) => {
    let id = row.id;
    if (id === '') {
      id = nextId(taken);
      taken.add(id);
    }
    const parsed = returnGround.safeParse({ id, text: row.text, citation: row.citation });
    if (parsed.success) out.push(parsed.data);
    else for (const [path, key] of Object.entries(fieldErrorsFromIssues(parsed.error.issues))) errors[`returnGrounds.${i}.${path}`] ??= key;
  });
  if (Object.keys(errors).length > 0) return { returnGrounds: null, errors };
  return { returnGrounds: out.length > 0 ? out : undefined, errors };
}
