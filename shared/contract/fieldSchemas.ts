import { z } from 'zod';

/** The field types every schema is built from; messages are keys of VALIDATION_MESSAGES (validationMessages.ts). */

// ---- Visible text only (issue 16) ----

/**
 * Characters no text of the app may hold, wherever it comes from (the form, the command line, a
 * crafted call): they are invisible on screen and in the printed documents, or make what is shown
 * differ from what is stored. C0 controls (tab included) but the line break, DEL and the C1 controls;
 * the Arabic letter mark, the zero-width space, joiners and the left-to-right and right-to-left marks
 * (U+200B–U+200F); the line and paragraph separators and the bidi embeddings and overrides
 * (U+2028–U+202E); the word joiner and the invisible operators (U+2060–U+2064); the bidi isolates
 * (U+2066–U+2069); the byte order mark (U+FEFF); the tag characters (U+E0000–U+E007F); and a lone
 * surrogate (`\p{Cs}` with the u flag matches only a half without its pair), which no file or
 * hash can encode faithfully.
 */
const REFUSED_ANYWHERE = String.raw`\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}`;
const MULTI_LINE_REFUSED = new RegExp(`[${REFUSED_ANYWHERE}\\r]|\\p{Cs}`, 'u');
const ONE_LINE_REFUSED = new RegExp(`[${REFUSED_ANYWHERE}\\r\\n]|\\p{Cs}`, 'u');

/** A one-line text holds no invisible character and no line break. (Its identity marks the field as checked: see `textKindOf`.) */
export function isOneLineText(s: string): boolean {
  return !ONE_LINE_REFUSED.test(s);
}

/** A multi-line text (a textarea: findings, reasons, notes) holds no invisible character; line breaks are '\n' by then. */
export function isMultiLineText(s: string): boolean {
  return !MULTI_LINE_REFUSED.test(s);
}

/**
 * A secret (a new password): no invisible character and no line break, but never trimmed or
 * normalised here. The password hash normalises to NFC itself (electron/services/users/passwords.ts),
 * so a password typed in either form still opens the account.
 */
export function isSecretText(s: string): boolean {
  return !ONE_LINE_REFUSED.test(s);
}

/** Windows' and old Macs' line breaks become '\n', so that a text reads the same wherever it was typed. */
function unifyLineBreaks(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

/** One form of "Š", however it was typed (precomposed, or S and a combining caron): what is stored, compared and searched. */
function toNFC(s: string): string {
  return s.normalize('NFC');
}

/**
 * Makes `base` a one-line text field: refused with 'invisibleChars' when it holds an invisible
 * character or a line break, stored in NFC. Apply it to the base string (after `.trim()`, before
 * length and pattern checks), so that those see the NFC text.
 */
export function oneLine<T extends z.ZodString>(base: T): T {
  return (base as z.ZodString).refine(isOneLineText, { error: 'invisibleChars' }).overwrite(toNFC) as T;
}

/** Makes `base` a multi-line text field (its form shows a textarea): as `oneLine`, but line breaks are kept, as '\n'. */
export function multiLine<T extends z.ZodString>(base: T): T {
  return (base as z.ZodString).overwrite(unifyLineBreaks).refine(isMultiLineText, { error: 'invisibleChars' }).overwrite(toNFC) as T;
}

/** Makes `base` a new secret (a password being set): invisible characters and line breaks refused, nothing changed. */
export function secret<T extends z.ZodString>(base: T): T {
  return base.refine(isSecretText, { error: 'invisibleChars' });
}

/**
 * Strings taken exactly as given, on purpose: a password or PIN being compared with one set
 * elsewhere (an account made before issue 16, a PKCS#12 file, a card, a package someone else
 * protected). Refusing characters there could lock someone out; they are never stored or shown.
 */
export const rawTexts = z.registry<{ why: string }>();

/** A string taken as given (see `rawTexts`), registered with why. */
export function raw<T extends z.ZodString>(base: T, why: string): T {
  rawTexts.add(base, { why });
  return base;
}

/** What kind of text a string schema is: which check it carries, a known format, or raw; null for a plain z.string(). */
export function textKindOf(schema: z.ZodType): 'oneLine' | 'multiLine' | 'secret' | 'format' | 'raw' | null {
  const def = schema._zod.def as { type: string; format?: string; checks?: readonly { _zod: { def: { check?: string; fn?: unknown } } }[] };
  if (def.type !== 'string') return null;
  if (rawTexts.has(schema)) return 'raw';
  for (const check of def.checks ?? []) {
    const fn = check._zod.def.fn;
    if (fn === isOneLineText) return 'oneLine';
    if (fn === isMultiLineText) return 'multiLine';
    if (fn === isSecretText) return 'secret';
  }
  // zod's own formats whose pattern admits only visible ASCII (a date is digits and hyphens).
  if (def.format === 'date') return 'format';
  return null;
}

/** A required text of at most `max` characters on one line, trimmed. */
export const text = (max: number) => oneLine(z.string({ error: 'required' }).trim()).min(1, { error: 'required' }).max(max, { error: 'tooLong' });

/** An optional text (may be empty) of at most `max` characters on one line, trimmed. */
export const optionalText = (max: number) => oneLine(z.string().trim()).max(max, { error: 'tooLong' });

/** A required text of at most `max` characters that may run over several lines (a textarea), trimmed. */
export const longText = (max: number) => multiLine(z.string({ error: 'required' }).trim()).min(1, { error: 'required' }).max(max, { error: 'tooLong' });

/** An optional text (may be empty) of at most `max` characters over several lines, trimmed. */
export const optionalLongText = (max: number) => multiLine(z.string().trim()).max(max, { error: 'tooLong' });

/**
 * A reference to a record (a case's, a meeting's, a staged file's id): never empty, one line, at most
 * `max` characters. Not trimmed: an id is compared as it is.
 */
export const ref = (max = 200) => oneLine(z.string({ error: 'required' })).min(1, { error: 'required' }).max(max, { error: 'tooLong' });

/** The name of a file the user gives (an upload): one line, at most 255 characters, as file systems allow. */
export const fileName = oneLine(z.string({ error: 'required' }).trim()).min(1, { error: 'required' }).max(255, { error: 'tooLong' });

/** A real calendar date, 'YYYY-MM-DD' (zod's ISO date check knows month lengths and leap years). */
export const isoDate = z.iso.date({ error: (issue) => (issue.input === '' || issue.input === undefined ? 'required' : 'date') });

// ---- Unknown keys refused at the boundary; records read back as stored (issue 16) ----

/** The value of a key an input's object does not know: always refused, at that key's path ('request.nickname'). */
export const unknownKey = z.custom<never>(() => false, { error: 'unknownKey' });

type AnyDef = Record<string, unknown> & { type: string; checks?: readonly z.core.$ZodCheck[] };

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/**
 * `schema` rebuilt with its parts (an object's fields, an array's element, a union's options…)
 * mapped first, then the node itself given to `node`. Each node keeps its own checks and
 * refinements (zod's clone carries the definition over).
 */
function mapDeep(schema: z.ZodType, node: (rebuilt: z.ZodType) => z.ZodType): z.ZodType {
  const def = schema._zod.def as AnyDef;
  const clone = (changes: Record<string, unknown>) => schema.clone({ ...def, ...changes } as typeof schema._zod.def);
  const map = (s: unknown) => mapDeep(s as z.ZodType, node);
  let rebuilt: z.ZodType;
  if (WRAPPERS.has(def.type)) rebuilt = clone({ innerType: map(def.innerType) });
  else
    switch (def.type) {
      case 'object':
        rebuilt = clone({ shape: Object.fromEntries(Object.entries((schema as z.ZodObject).shape).map(([k, v]) => [k, map(v)])) });
        break;
      case 'array':
        rebuilt = clone({ element: map(def.element) });
        break;
      case 'union':
        rebuilt = clone({ options: (def.options as z.ZodType[]).map(map) });
        break;
      case 'intersection':
        rebuilt = clone({ left: map(def.left), right: map(def.right) });
        break;
      case 'pipe':
        rebuilt = clone({ in: map(def.in), out: map(def.out) });
        break;
      case 'record':
        rebuilt = clone({ keyType: map(def.keyType), valueType: map(def.valueType) });
        break;
      case 'tuple':
        rebuilt = clone({ items: (def.items as z.ZodType[]).map(map), rest: def.rest ? map(def.rest) : def.rest });
        break;
      default:
        rebuilt = schema;
    }
  return node(rebuilt);
}

/**
 * `schema` with every object in it refusing keys it does not know, each at its own path with
 * 'unknownKey', instead of dropping them silently (zod's default). Applied to the contract's inputs
 * (methods.ts) only: outputs and stored records keep zod's default, so that a file written by an
 * older version, with a field since retired, still opens. An intersection of objects becomes one
 * object (or a union of them) that knows both sides' keys: each side would refuse the other's.
 */
export function strictInput<T extends z.ZodType>(schema: T): T {
  return mapDeep(schema, (s) => {
    const def = s._zod.def as AnyDef;
    if (def.type === 'object') return s.clone({ ...def, catchall: unknownKey } as typeof s._zod.def);
    if (def.type === 'intersection') return mergeSides(def.left as z.ZodType, def.right as z.ZodType);
    return s;
  }) as T;
}

/** Every method's input made strict (`strictInput`), the rest of each method's entry as it is. */
export function strictInputs<T extends Record<string, { input: z.ZodType }>>(methods: T): T {
  return Object.fromEntries(Object.entries(methods).map(([name, spec]) => [name, { ...spec, input: strictInput(spec.input) }])) as T;
}

/** `left & right` as objects that each know both sides' keys: an object, or a union of them (a discriminated one stays one). */
function mergeSides(left: z.ZodType, right: z.ZodType): z.ZodType {
  const l = left._zod.def as AnyDef;
  const r = right._zod.def as AnyDef;
  if (l.type === 'union') return left.clone({ ...l, options: (l.options as z.ZodType[]).map((o) => mergeSides(o, right)) } as typeof left._zod.def);
  if (r.type === 'union') return right.clone({ ...r, options: (r.options as z.ZodType[]).map((o) => mergeSides(left, o)) } as typeof right._zod.def);
  // The right side's keys join the left object, which keeps its refinements (the right's own would be lost: none allowed).
  if (l.type === 'object' && r.type === 'object' && !r.checks?.length) return (left as z.ZodObject).safeExtend((right as z.ZodObject).shape);
  throw new Error(`strictInput: an intersection of ${l.type} and ${r.type} is not supported`);
}

/** The checks issue 16 added to text fields: what comes in is judged by them, what was stored before is not. */
const TEXT_CHECKS = new Set<unknown>([isOneLineText, isMultiLineText, isSecretText, unifyLineBreaks, toNFC]);

/**
 * `schema` as a stored record is read back with it: the text fields' invisible-character checks and
 * normalisations left out, every other check kept. A record saved before issue 16 (a tab pasted into
 * a textarea, a name typed in NFD) opens as it was stored instead of being reported damaged; what is
 * written now was checked on its way in.
 */
export function storedForm<T extends z.ZodType>(schema: T): T {
  return mapDeep(schema, (s) => {
    const def = s._zod.def as AnyDef;
    if (def.type !== 'string' || !def.checks?.length) return s;
    const checks = def.checks.filter((c) => {
      const d = c._zod.def as { fn?: unknown; tx?: unknown };
      return !TEXT_CHECKS.has(d.fn) && !TEXT_CHECKS.has(d.tx);
    });
    return checks.length === def.checks.length ? s : s.clone({ ...def, checks } as typeof s._zod.def);
  }) as T;
}
