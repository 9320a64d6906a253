import { describe, expect, it } from 'vitest';
import { exportCaseInput, exportClosedInput, sendDossierInput, type PackageInspection } from '../../../shared/contract/archiveSchemas';
import { errorText } from '../../../shared/domain/errorTexts';
import {
  checkClosed,
  checkProtection,
  checkSend,
  emptyProtection,
  MAX_PACKAGE_PASSWORD,
  MIN_PACKAGE_PASSWORD,
  importChoices,
  newJobId,
  problemText,
  protectionErrors,
  protectionInput,
  type ClosedValues,
  type ProtectionValues,
  type SendValues,
} from '../../../renderer/archive/archiveModel';
import { en, lt, type MessageKey } from '../../../renderer/i18n/messages';
import { translate } from '../../../renderer/i18n/translate';

/**
 * The archivist's desk (issue 15): what its forms let through to archive.exportCase,
 * archive.sendDossier (V-77 p. 7) and archive.exportClosed, and how a package check's report reads.
 */

const CASE_ID = 'B-2026-014';
const CONFIRMED: ProtectionValues = { ...emptyProtection, personalData: true };
const GOOD_PASSWORD = 'Pusiaukelė-2026';
/** The p. 7 sending's bounds: the case's latest step and today. */
const BOUNDS = { today: '2026-03-16', notBefore: '2026-03-10' };

/** A field error's dictionary key exists in both languages (the form shows it with fieldMessage). */
function expectMessage(key: string | undefined): void {
  expect(key).toBeDefined();
  expect(Object.hasOwn(lt, key ?? '')).toBe(true);
  expect(Object.hasOwn(en, key ?? '')).toBe(true);
}

const closed = (year: string, protection: ProtectionValues = CONFIRMED): ClosedValues => ({ ...protection, year });
const send = (on: string, protection: ProtectionValues = CONFIRMED): SendValues => ({ ...protection, on });

describe('issue 15: the personal-data confirmation comes before any package is written', () => {
  it('refuses the case package, the dossier sent (V-77 p. 7) and the closed cases of a year while the warning is not ticked', () => {
    const unticked = { ...emptyProtection, password: GOOD_PASSWORD, repeat: GOOD_PASSWORD };
    const results = [checkProtection(unticked), checkSend(send('2026-03-12', unticked), BOUNDS), checkClosed(closed('2025', unticked))];
    for (const result of results) {
      expect(result.input).toBeNull();
      expect(result.errors).toEqual({ personalData: 'archive.personal.required' });
    }
    expectMessage(protectionErrors(unticked).personalData);
  });

  it('the forms open unticked and with no password, so the archivist must tick the warning each time', () => {
    expect(emptyProtection).toEqual({ personalData: false, password: '', repeat: '' });
    expect(checkProtection(emptyProtection).input).toBeNull();
  });

  it('once ticked, the case package goes out confirmed, and archive.exportCase takes it', () => {
    const { input, errors } = checkProtection(CONFIRMED);
    expect(errors).toEqual({});
    expect(input).toEqual({ personalData: true });
    expect(exportCaseInput.safeParse({ caseId: CASE_ID, ...input }).success).toBe(true);
    // The contract itself refuses a package the user did not confirm.
    expect(exportCaseInput.safeParse({ caseId: CASE_ID, personalData: false }).success).toBe(false);
  });
});

describe('issue 15: the optional package password (AES-256, 8–200 characters, typed twice)', () => {
  it(`refuses a password shorter than ${MIN_PACKAGE_PASSWORD} characters with the "short" message, and one of 8 passes`, () => {
    const short = checkProtection({ ...CONFIRMED, password: 'Ąžuol7!', repeat: 'Ąžuol7!' });
    expect(short.input).toBeNull();
    expect(short.errors).toEqual({ password: 'archive.password.short' });
    expectMessage(short.errors.password);
    expect(translate('en', 'archive.password.short')).toContain('8');

    const eight = checkProtection({ ...CONFIRMED, password: 'Ąžuol7!x', repeat: 'Ąžuol7!x' });
    expect(eight.errors).toEqual({});
    expect(eight.input).toEqual({ personalData: true, password: 'Ąžuol7!x' });
  });

  it(`refuses a password longer than ${MAX_PACKAGE_PASSWORD} characters with the "long" message`, () => {
    const long = 'a'.repeat(MAX_PACKAGE_PASSWORD + 1);
    const result = checkProtection({ ...CONFIRMED, password: long, repeat: long });
    expect(result.input).toBeNull();
    expect(result.errors).toEqual({ password: 'archive.password.long' });
    expectMessage(result.errors.password);
    const longest = 'a'.repeat(MAX_PACKAGE_PASSWORD);
    expect(checkProtection({ ...CONFIRMED, password: longest, repeat: longest }).input).toEqual({ personalData: true, password: longest });
  });

  it('refuses two passwords that differ with the "mismatch" message on the repeat field', () => {
    const result = checkProtection({ ...CONFIRMED, password: GOOD_PASSWORD, repeat: `${GOOD_PASSWORD}.` });
    expect(result.input).toBeNull();
    expect(result.errors).toEqual({ repeat: 'archive.password.mismatch' });
    expectMessage(result.errors.repeat);
  });

  it('a password typed only in the repeat field is not taken for "no protection"', () => {
    const result = checkProtection({ ...CONFIRMED, password: '', repeat: GOOD_PASSWORD });
    expect(result.input).toBeNull();
    expect(result.errors).toEqual({ password: 'archive.password.short', repeat: 'archive.password.mismatch' });
  });

  it('shows every problem at once: the warning, a short password and a different repeat', () => {
    expect(protectionErrors({ personalData: false, password: 'abc', repeat: 'abd' })).toEqual({
      personalData: 'archive.personal.required',
      password: 'archive.password.short',
      repeat: 'archive.password.mismatch',
    });
  });

  it('an empty password means no protection: the input sent has no password key at all', () => {
    for (const input of [checkProtection(CONFIRMED).input, checkClosed(closed('2025')).input, checkSend(send('2026-03-12'), BOUNDS).input]) {
      expect(input).not.toBeNull();
      expect(Object.keys(input ?? {})).not.toContain('password');
    }
    expect(Object.keys(protectionInput(CONFIRMED))).toEqual(['personalData']);
    const parsed = exportCaseInput.parse({ caseId: CASE_ID, ...checkProtection(CONFIRMED).input });
    expect(parsed.password).toBeUndefined();
  });

  it('a password typed twice the same is sent as typed (spaces kept: it protects the package)', () => {
    const password = '  tarpai viduje  ';
    const { input } = checkProtection({ ...CONFIRMED, password, repeat: password });
    expect(input).toEqual({ personalData: true, password });
    expect(exportCaseInput.parse({ caseId: CASE_ID, ...input }).password).toBe(password);
  });

  it('agrees with the contract (archiveSchemas packagePassword) at every length boundary', () => {
    for (const length of [1, 7, 8, 9, 199, 200, 201]) {
      const password = 'x'.repeat(length);
      const model = checkProtection({ ...CONFIRMED, password, repeat: password });
      const contract = exportCaseInput.safeParse({ caseId: CASE_ID, personalData: true, password });
      expect(model.input !== null, `length ${length}`).toBe(contract.success);
    }
  });
});

describe('issue 15: every case closed in a year (archive.exportClosed)', () => {
  it('accepts the years 2000 to 2100, the input sent parsing with the contract once the page adds its job id', () => {
    for (const year of ['2000', '2025', '2100', ' 2026 ']) {
      const { input, errors } = checkClosed(closed(year, { ...CONFIRMED, password: GOOD_PASSWORD, repeat: GOOD_PASSWORD }));
      expect(errors, year).toEqual({});
      expect(input).toEqual({ personalData: true, password: GOOD_PASSWORD, year: Number(year.trim()) });
      expect(exportClosedInput.safeParse({ ...input, jobId: newJobId() }).success).toBe(true);
    }
  });

  it('refuses a year outside 2000–2100 or not written as four digits, with the year message', () => {
    for (const year of ['1999', '2101', '', '25', '02025', '2025.0', '2e03', 'metai', '-2025']) {
      const result = checkClosed(closed(year));
      expect(result.input, JSON.stringify(year)).toBeNull();
      expect(result.errors).toEqual({ year: 'archive.closed.yearInvalid' });
    }
    expectMessage(checkClosed(closed('1999')).errors.year);
  });

  it('agrees with the contract on the years at the bounds', () => {
    for (const year of [1999, 2000, 2100, 2101]) {
      const model = checkClosed(closed(String(year)));
      const contract = exportClosedInput.safeParse({ year, personalData: true, jobId: 'job-000000' });
      expect(model.input !== null, String(year)).toBe(contract.success);
    }
  });

  it('reports the year and the protection together', () => {
    expect(checkClosed(closed('1999', { personalData: false, password: 'short', repeat: 'short' })).errors).toEqual({
      personalData: 'archive.personal.required',
      password: 'archive.password.short',
      year: 'archive.closed.yearInvalid',
    });
  });
});

describe("issue 15: a run's job id (archive.exportClosed, archive.cancel, archive.progress)", () => {
  it("matches the contract's jobId pattern", () => {
    const id = newJobId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
    expect(exportClosedInput.shape.jobId.safeParse(id).success).toBe(true);
  });

  it('differs between calls, so a second run never follows the first run’s progress or cancels it', () => {
    const ids = Array.from({ length: 500 }, () => newJobId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(exportClosedInput.shape.jobId.safeParse(id).success).toBe(true);
  });
});

describe('issue 15, V-77 p. 7: the date the dossier is sent', () => {
  it('accepts today, the date of the case’s latest step and any day between, and archive.sendDossier takes the input', () => {
    for (const on of ['2026-03-16', '2026-03-10', '2026-03-12']) {
      const { input, errors } = checkSend(send(on), BOUNDS);
      expect(errors, on).toEqual({});
      expect(input).toEqual({ personalData: true, on });
      expect(sendDossierInput.safeParse({ caseId: CASE_ID, revision: 7, ...input }).success).toBe(true);
    }
  });

  it('refuses a date in the future (V-77 p. 7: the dossier is recorded as sent when it was sent)', () => {
    const result = checkSend(send('2026-03-17'), BOUNDS);
    expect(result.input).toBeNull();
    expect(result.errors).toEqual({ on: 'archive.case.sendOnInvalid' });
    expectMessage(result.errors.on);
  });

  it('refuses a date before the case’s latest step', () => {
    const result = checkSend(send('2026-03-09'), BOUNDS);
    expect(result.input).toBeNull();
    expect(result.errors).toEqual({ on: 'archive.case.sendOnInvalid' });
  });

  it('compares dates across months and years, not as text of another form', () => {
    const bounds = { today: '2026-01-05', notBefore: '2025-12-29' };
    expect(checkSend(send('2026-01-02'), bounds).input).toEqual({ personalData: true, on: '2026-01-02' });
    expect(checkSend(send('2025-12-28'), bounds).errors).toEqual({ on: 'archive.case.sendOnInvalid' });
    expect(checkSend(send('2026-01-06'), bounds).errors).toEqual({ on: 'archive.case.sendOnInvalid' });
  });

  it('refuses what is not a real date written YYYY-MM-DD, and trims spaces around a good one', () => {
    for (const on of ['', '2026-02-30', '12.03.2026', '2026-3-12', '2026/03/12', 'vakar']) {
      expect(checkSend(send(on), { today: '2026-03-16', notBefore: '2026-01-01' }).errors, JSON.stringify(on)).toEqual({ on: 'archive.case.sendOnInvalid' });
    }
    const { input } = checkSend(send(' 2026-03-12 '), BOUNDS);
    expect(input?.on).toBe('2026-03-12');
    expect(sendDossierInput.safeParse({ caseId: CASE_ID, revision: 1, ...input }).success).toBe(true);
  });

  it('sends the password only when one was typed, and still requires the warning', () => {
    const protectedSend = checkSend(send('2026-03-12', { ...CONFIRMED, password: GOOD_PASSWORD, repeat: GOOD_PASSWORD }), BOUNDS);
    expect(protectedSend.input).toEqual({ personalData: true, password: GOOD_PASSWORD, on: '2026-03-12' });
    expect(sendDossierInput.parse({ caseId: CASE_ID, revision: 2, ...protectedSend.input }).password).toBe(GOOD_PASSWORD);
    expect(checkSend(send('2026-03-20', emptyProtection), BOUNDS).errors).toEqual({ personalData: 'archive.personal.required', on: 'archive.case.sendOnInvalid' });
  });
});

describe("issue 15: a package check's problems, as the report reads them", () => {
  const SIGNED = 'data/generated/order-V-P-12/v2.pdf';

  it('ARCHIVE_SIGNATURE_FAILED reads in Lithuanian and English, naming the document', () => {
    const problem = { code: 'ARCHIVE_SIGNATURE_FAILED', path: SIGNED };
    const ltText = problemText(problem, 'lt');
    const enText = problemText(problem, 'en');
    expect(ltText).toBe(errorText('ARCHIVE_SIGNATURE_FAILED', { path: SIGNED }, 'lt'));
    expect(enText).toBe(errorText('ARCHIVE_SIGNATURE_FAILED', { path: SIGNED }, 'en'));
    expect(ltText).toContain('parašas negalioja');
    expect(enText).toContain('signature fails');
    for (const text of [ltText, enText]) {
      expect(text).toContain(SIGNED);
      expect(text).not.toContain('ARCHIVE_SIGNATURE_FAILED');
    }
  });

  it('PACKAGE_HASH_MISMATCH names the file and both checksums, the one expected and the one found', () => {
    const expected = 'a'.repeat(64);
    const found = 'b'.repeat(64);
    const problem = { code: 'PACKAGE_HASH_MISMATCH', path: 'data/dossier/6.3/v1.pdf', expected, found };
    const ltText = problemText(problem, 'lt');
    const enText = problemText(problem, 'en');
    expect(ltText).toContain(`manifeste ${expected}, rasta ${found}`);
    expect(enText).toContain(`the manifest says ${expected}, found ${found}`);
    for (const text of [ltText, enText]) expect(text).toContain('data/dossier/6.3/v1.pdf');
    expect(ltText).not.toBe(enText);
  });

  it('a problem with no path reads without an empty place for it', () => {
    const text = problemText({ code: 'ARCHIVE_SIGNATURE_FAILED' }, 'en');
    expect(text).toBe(errorText('ARCHIVE_SIGNATURE_FAILED', {}, 'en'));
    expect(text).not.toMatch(/\(\s*\)|undefined/);
  });

  it('a code the catalogue does not know (a newer app’s package) falls back to the code and its path', () => {
    const problem = { code: 'ARCHIVE_FROM_A_NEWER_APP', path: 'data/case.json' };
    expect(problemText(problem, 'lt')).toBe('Problema ARCHIVE_FROM_A_NEWER_APP (data/case.json)');
    expect(problemText(problem, 'en')).toBe('Problem ARCHIVE_FROM_A_NEWER_APP (data/case.json)');
    expect(problemText({ code: 'ARCHIVE_FROM_A_NEWER_APP' }, 'en')).toBe(translate('en', 'archive.report.problemCode' satisfies MessageKey, { code: 'ARCHIVE_FROM_A_NEWER_APP' }));
    expect(problemText({ code: 'ARCHIVE_FROM_A_NEWER_APP' }, 'en')).not.toContain('(');
  });
});

describe('issue 15: what importing a checked package offers', () => {
  type Choice = Pick<PackageInspection, 'importable' | 'exists' | 'stageId'>;
  const staged = (importable: boolean, exists: boolean): Choice => ({ importable, exists, stageId: 'stage-1' });

  it('offers "import" only when the package is importable and its case is not here', () => {
    expect(importChoices(staged(true, false))).toEqual({ asIs: true, asNew: false });
  });

  it('offers "import as a new case" only when the package is importable and its case is here (never overwritten)', () => {
    expect(importChoices(staged(true, true))).toEqual({ asIs: false, asNew: true });
  });

  it('offers nothing when the package is not importable, whether or not its case is here', () => {
    expect(importChoices(staged(false, false))).toEqual({ asIs: false, asNew: false });
    expect(importChoices(staged(false, true))).toEqual({ asIs: false, asNew: false });
  });

  it('offers nothing when no package waits for the decision (no stage id)', () => {
    expect(importChoices({ importable: true, exists: false })).toEqual({ asIs: false, asNew: false });
    expect(importChoices({ importable: true, exists: true })).toEqual({ asIs: false, asNew: false });
  });
});
