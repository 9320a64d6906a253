import { z } from 'zod';

/** The field types every schema is built from; messages are keys of VALIDATION_MESSAGES (validationMessages.ts). */

/** A required text of at most `max` characters, trimmed. */
export const text = (max: number) => z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });

/** An optional text (may be empty) of at most `max` characters, trimmed. */
export const optionalText = (max: number) => z.string().trim().max(max, { error: 'tooLong' });

/** A real calendar date, 'YYYY-MM-DD' (zod's ISO date check knows month lengths and leap years). */
export const isoDate = z.iso.date({ error: (issue) => (issue.input === '' || issue.input === undefined ? 'required' : 'date') });
