import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { strictInput, text, textKindOf } from '../../../shared/contract/fieldSchemas';
import { describeField } from '../../../shared/contract/validationMessages';
import { inputCases, inputOf, type InputCase } from './contractInputs';
import { build, stringFields, valueAt, type StringField } from './inputSchemaWalk';

/**
 * Issue 16, "Text": every text field of the contract refuses C0/C1 control characters (except line
 * breaks in multi-line fields), bidi overrides and isolates, zero-width characters and lone
 * surrogates with a clear message (VALIDATION_MESSAGES.invisibleChars), and stores NFC. The table is
 * driven from the method inputs' schemas: a field added to the contract is found and tried here
 * without this file naming it, and a plain z.string() fails the first test.
 */

const CASES = inputCases();

interface Field extends StringField {
  c: InputCase;
  kind: ReturnType<typeof textKindOf>;
}

const FIELDS: Field[] = CASES.flatMap((c) => stringFields(c.shape).map((f) => ({ ...f, c, kind: textKindOf(f.schema) })));
const where = (f: Field) => `${f.c.name} ${f.path}`;

/** The characters refused in every text, each named as the issue names its kind. */
const INVISIBLE: readonly { kind: string; char: string }[] = [
  { kind: 'C0 control U+0001', char: '\u0001' },
  { kind: 'C0 NUL', char: '\u0000' },
  { kind: 'C0 escape U+001B', char: '\u001B' },
  { kind: 'C0 tab', char: '\t' },
  { kind: 'C0 form feed', char: '\f' },
  { kind: 'DEL U+007F', char: '\u007F' },
  { kind: 'C1 NEL U+0085', char: '\u0085' },
  { kind: 'C1 CSI U+009B', char: '\u009B' },
  { kind: 'bidi override RLO U+202E', char: '\u202E' },
  { kind: 'bidi override LRO U+202D', char: '\u202D' },
  { kind: 'bidi embedding RLE U+202B', char: '\u202B' },
  { kind: 'bidi isolate RLI U+2067', char: '\u2067' },
  { kind: 'bidi isolate FSI U+2068', char: '\u2068' },
  { kind: 'bidi pop isolate U+2069', char: '\u2069' },
  { kind: 'right-to-left mark U+200F', char: '\u200F' },
  { kind: 'Arabic letter mark U+061C', char: '\u061C' },
  { kind: 'zero-width space U+200B', char: '\u200B' },
  { kind: 'zero-width joiner U+200D', char: '\u200D' },
  { kind: 'word joiner U+2060', char: '\u2060' },
  { kind: 'byte order mark U+FEFF', char: '\uFEFF' },
  { kind: 'line separator U+2028', char: '\u2028' },
  { kind: 'tag character U+E0041', char: '\u{E0041}' },
  { kind: 'lone high surrogate', char: '\uD800' },
  { kind: 'lone low surrogate', char: '\uDC00' },
];

/** Line breaks: refused in a one-line field (names, numbers, titles), kept as '\n' in a multi-line one (findings, reasons, notes). */
const LINE_BREAKS: readonly { kind: string; char: string }[] = [
  { kind: 'line feed', char: '\n' },
  { kind: 'CR LF', char: '\r\n' },
  { kind: 'lone CR', char: '\r' },
];

/** The field's own valid sample with `char` in its middle (never at an end, where trimming would take it away). */
function spiked(f: Field, char: string): string {
  const sample = String(build(f.schema));
  const base = sample === '' ? 'AB' : sample;
  const middle = Math.max(1, Math.floor(base.length / 2));
  return base.slice(0, middle) + char + base.slice(middle);
}

function issuesAt(f: Field, leaf: string): { path: string; message: string }[] {
  const result = f.c.input.safeParse(inputOf(f.c, f.route, leaf));
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function parsedAt(f: Field, leaf: string): unknown {
  const result = f.c.input.safeParse(inputOf(f.c, f.route, leaf));
  if (!result.success) throw new Error(`${where(f)} refused ${JSON.stringify(leaf)}: ${JSON.stringify(result.error.issues)}`);
  return valueAt(result.data, f.path);
}

const checked = FIELDS.filter((f) => f.kind === 'oneLine' || f.kind === 'multiLine' || f.kind === 'secret');
const formats = FIELDS.filter((f) => f.kind === 'format');
const oneLine = FIELDS.filter((f) => f.kind === 'oneLine' || f.kind === 'secret');
const multiLine = FIELDS.filter((f) => f.kind === 'multiLine');

describe('issue 16: every text field of the contract is a checked text', () => {
  it('walks every method input and finds its text fields (the table is not empty by accident)', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(90);
    expect(checked.length).toBeGreaterThan(200);
    expect(multiLine.length).toBeGreaterThan(25);
    for (const c of CASES) expect(c.input.safeParse(inputOf(c)).success, `${c.name}: the built input is valid`).toBe(true);
  });

  it('has no plain z.string(): each is one-line, multi-line, a new secret, a date, or taken as given on purpose', () => {
    const plain = FIELDS.filter((f) => f.kind === null).map(where);
    expect(plain).toEqual([]);
  });

  it('would catch a text field added with a plain z.string()', () => {
    const added = strictInput(z.object({ name: text(100), nickname: z.string() }));
    const kinds = stringFields(added).map((f) => [f.path, textKindOf(f.schema)]);
    expect(kinds).toEqual([
      ['name', 'oneLine'],
      ['nickname', null],
    ]);
  });

  it('takes as given only the secrets compared with one set elsewhere, and a meeting text as the user saw it (basedOn)', () => {
    const raw = [...new Set(FIELDS.filter((f) => f.kind === 'raw').map((f) => f.path.split('.').pop()))].sort();
    expect(raw).toEqual(['currentPassword', 'findings', 'modulePassword', 'passphrase', 'password', 'pin', 'rationale', 'reason', 'recoveryKey']);
    // The meeting texts taken as given are only the basedOn copies, never the text stored.
    for (const f of FIELDS.filter((x) => x.kind === 'raw' && ['findings', 'rationale', 'reason'].includes(x.path.split('.').pop()!)))
      expect(f.path.startsWith('basedOn.'), where(f)).toBe(true);
  });
});

describe('issue 16: each bad kind is refused in each text field, at its path, with the invisibleChars message', () => {
  it.each(INVISIBLE)('$kind', ({ char }) => {
    const missed: string[] = [];
    for (const f of checked) {
      const issues = issuesAt(f, spiked(f, char));
      if (!issues.some((i) => i.path === f.path && i.message === 'invisibleChars')) missed.push(`${where(f)} → ${JSON.stringify(issues)}`);
    }
    expect(missed).toEqual([]);
  });

  it.each(INVISIBLE)('$kind in a date is refused as not a date', ({ char }) => {
    for (const f of formats) expect(issuesAt(f, spiked(f, char)).some((i) => i.path === f.path), where(f)).toBe(true);
  });

  it.each(LINE_BREAKS)('$kind is refused in every one-line field (names, numbers, titles, ids)', ({ char }) => {
    const missed = oneLine.filter((f) => !issuesAt(f, spiked(f, char)).some((i) => i.path === f.path && i.message === 'invisibleChars')).map(where);
    expect(missed).toEqual([]);
  });

  it.each(LINE_BREAKS)('$kind is kept in every multi-line field (findings, reasons, notes), stored as \\n', ({ char }) => {
    for (const f of multiLine) expect(parsedAt(f, `Pirma eilutė${char}Antra eilutė`), where(f)).toBe('Pirma eilutė\nAntra eilutė');
  });

  it('says what is wrong and what to do, in Lithuanian, naming the field', () => {
    expect(describeField('request.lastName', 'invisibleChars', 'lt')).toBe(
      'Pavardė: Tekste yra nematomų ar valdymo simbolių (arba eilutės lūžis, kur tekstas turi būti vienoje eilutėje): ištrinkite juos ir įveskite tekstą iš naujo.',
    );
  });
});

describe('issue 16: every accepted text is stored in NFC', () => {
  const NFC = 'Šarūnas Žemaitėlis';
  const NFD = NFC.normalize('NFD');

  it('a decomposed "Šarūnas" (NFD) is stored precomposed (NFC) in every text field that takes letters', () => {
    expect(NFD).not.toBe(NFC);
    const tried = checked.filter((f) => f.kind !== 'secret' && f.schema.safeParse(NFC).success);
    // Ids, patterns (a time, a URL, a personal code) and user names take no Lithuanian letters; every other text does.
    expect(tried.length).toBeGreaterThan(120);
    for (const f of tried) expect(parsedAt(f, NFD), where(f)).toBe(NFC);
  });

  it('a new password is neither trimmed nor normalised (the hash takes its NFC form: an NFD password still signs in)', () => {
    for (const f of FIELDS.filter((x) => x.kind === 'secret')) expect(parsedAt(f, ` ${NFD}-10 `), where(f)).toBe(` ${NFD}-10 `);
  });

  it('trims before it normalises: spaces around a name are not stored', () => {
    const f = checked.find((x) => x.c.name === 'cases.register' && x.path === 'lastName')!;
    expect(parsedAt(f, `  ${NFD}  `)).toBe(NFC);
  });
});
