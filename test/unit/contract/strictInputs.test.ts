import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../../shared/contract/methods';
import { savedSettings, settingsInput } from '../../../shared/contract/schemas';
import { commission, commissionRecord } from '../../../shared/contract/meetingSchemas';
import { strictInput, text } from '../../../shared/contract/fieldSchemas';
import { describeField } from '../../../shared/contract/validationMessages';
import { DEMO_SETTINGS } from '../../../electron/cli/demoData';
import { inputCases, inputOf } from './contractInputs';
import { PRESENT, objectsIn, pathOf, valueAt, withValueAt } from './inputSchemaWalk';

/**
 * Issue 16, "Text": unknown keys are refused at the boundary (strict schemas), each at its own path
 * with the unknownKey message, instead of being dropped silently. Driven from the method inputs'
 * schemas: every object of every input (nested ones, array elements, each option of a union) is
 * given an extra key.
 */

const CASES = inputCases();
const EXTRA = 'nickname';

describe('issue 16: every method input refuses a key it does not know', () => {
  it('covers every method of the contract', () => {
    const covered = new Set(CASES.map((c) => c.method));
    expect([...covered].sort()).toEqual(Object.keys(contract).sort());
  });

  const objects = CASES.flatMap((c) => objectsIn(c.shape).map((o) => ({ c, ...o })));

  it('finds the objects inside the inputs, not only the top ones', () => {
    expect(objects.filter((o) => o.path !== '').length).toBeGreaterThan(40);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: an extra key at any depth is refused at its path with unknownKey', (_, c) => {
    const mine = objects.filter((o) => o.c === c);
    expect(mine.length).toBeGreaterThan(0);
    for (const o of mine) {
      // The input built through this object (an optional object is given, the union's option taken).
      const valid = inputOf(c, o.route, PRESENT);
      const result0 = c.input.safeParse(valid);
      expect(result0.success, `${c.name} ${o.path}: the input without the extra key is valid`).toBe(true);
      const at = pathOf(o.route);
      const target = valueAt(valid, at);
      expect(typeof target, `${c.name} ${at}`).toBe('object');
      const withExtra = withValueAt(valid, at, { ...(target as object), [EXTRA]: 'x' });
      const result = c.input.safeParse(withExtra);
      expect(result.success, `${c.name} ${at}: accepted an unknown key`).toBe(false);
      const issues = result.success ? [] : result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      expect(issues, `${c.name} ${at}`).toContainEqual({ path: at === '' ? EXTRA : `${at}.${EXTRA}`, message: 'unknownKey' });
    }
  });

  it('names the key it refused, and says nothing was saved', () => {
    expect(describeField('institution.nickname', 'unknownKey', 'lt')).toBe(
      'Laukas „institution.nickname“: Tokio lauko programa nežino, todėl įvestis atmesta ir niekas neišsaugota. Atnaujinkite programą arba praneškite administratoriui.',
    );
  });

  it('keeps the objects’ own rules: a strict input still reports its cross-field refinements', () => {
    const schema = strictInput(
      z.object({ from: text(10), until: text(10) }).superRefine((v, ctx) => {
        if (v.until < v.from) ctx.addIssue({ code: 'custom', path: ['until'], message: 'untilBeforeFrom' });
      }),
    );
    expect(schema.safeParse({ from: 'b', until: 'a' }).error?.issues.map((i) => i.message)).toEqual(['untilBeforeFrom']);
    expect(schema.safeParse({ from: 'a', until: 'b', extra: 1 }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['extra', 'unknownKey']]);
  });

  it('documents.issue: the request and its `replaces` are one input, each option knowing both (not an intersection refusing the other side)', () => {
    const input = contract['documents.issue'].input;
    expect(input.safeParse({ kind: 'proposal', caseId: 'c1', replaces: 'd1' }).success).toBe(true);
    expect(input.safeParse({ kind: 'proposal', caseId: 'c1', reason: 'ne šiam dokumentui' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['reason', 'unknownKey'],
    ]);
  });
});

describe('issue 16: what is stored is read back as stored', () => {
  it('the demo settings pass the strict settings input as they are (the app’s own senders send no extra key)', () => {
    expect(settingsInput.safeParse({ ...DEMO_SETTINGS, revision: 0 }).error?.issues ?? []).toEqual([]);
  });

  it('settings.json written by an older version, with a retired field and a tab in a name, still opens; the same refused as input', () => {
    const stored = { ...DEMO_SETTINGS, revision: 3, retiredField: true, institution: { ...DEMO_SETTINGS.institution, name: 'Pataisos\tnamai' } };
    const read = savedSettings.safeParse(stored);
    expect(read.success).toBe(true);
    expect(read.data?.institution.name).toBe('Pataisos\tnamai');
    const issues = settingsInput.safeParse(stored).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(strictInput(settingsInput).safeParse(stored).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['institution.name', 'invisibleChars'],
      ['retiredField', 'unknownKey'],
    ]);
    expect(issues).toEqual([['institution.name', 'invisibleChars']]);
  });

  it('commission.json keeps opening with a member name stored in NFD, while commission.save stores NFC', () => {
    const member = { id: 'm1', name: 'S\u030Carūnas', position: 'Pirmininkas', role: 'chair', votes: true, from: '2024-01-01' };
    const rules = { quorum: 'more_than_half', majority: 'more_than_half_present', chairDecidesTie: true };
    const stored = commissionRecord.safeParse({ members: [member], rules, revision: 1, updatedAt: '2024-01-01T00:00:00Z' });
    const given = commission.safeParse({ members: [member], rules });
    if (!stored.success || !given.success) throw new Error(JSON.stringify([stored.error?.issues, given.error?.issues]));
    expect(stored.data.members[0]!.name).toBe('S\u030Carūnas');
    expect(given.data.members[0]!.name).toBe('Šarūnas');
  });
});
