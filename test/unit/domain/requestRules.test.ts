import { describe, it, expect } from 'vitest';
import { duplicateFlag, requestFlags, type DuplicateFlag, type RequestFlag } from '../../../shared/domain/requestRules';

describe('requestFlags', () => {
  it('V-77 p. 5: flags a request filed more than 2 months before the possible transfer day; English dates are ISO (issue 17)', () => {
    // Transfer possible on 2026-11-01 → earliest request 2026-09-01; 2026-08-31 is a day early.
    expect(requestFlags({ requestDate: '2026-08-31', possibleTransferDate: '2026-11-01' }, [])).toEqual<RequestFlag[]>([
      {
        rule: 'p5',
        point: '5',
        earliestAllowed: '2026-09-01',
        lt:
          'Prašymas pateiktas anksčiau nei likus 2 mėnesiams iki galimo perkėlimo dienos (V-77 5 p.). ' +
          'Anksčiausia leistina data – 2026 m. rugsėjo 1 d.',
        en:
          'The request was filed more than 2 months before the possible transfer day (V-77 p. 5). ' +
          'Earliest allowed date: 2026-09-01.',
      },
    ]);
  });

  it('V-77 p. 5: accepts a request on the earliest day or later', () => {
    expect(requestFlags({ requestDate: '2026-09-01', possibleTransferDate: '2026-11-01' }, [])).toEqual([]);
    expect(requestFlags({ requestDate: '2026-10-20', possibleTransferDate: '2026-11-01' }, [])).toEqual([]);
  });

  it('V-77 p. 5: clamps to the end of a shorter month', () => {
    // 2026-04-30 − 2 months → no Feb 30 → 2026-02-28.
    const [flag] = requestFlags({ requestDate: '2026-02-27', possibleTransferDate: '2026-04-30' }, []);
    expect(flag?.earliestAllowed).toBe('2026-02-28');
    expect(requestFlags({ requestDate: '2026-02-28', possibleTransferDate: '2026-04-30' }, [])).toEqual([]);
  });

  it('V-77 p. 19: flags a request within 3 months of the latest refusal', () => {
    // Latest refusal 2026-03-31 (listed out of order) → earliest 2026-06-30 (June has 30 days).
    const flags = requestFlags({ requestDate: '2026-06-29', possibleTransferDate: '2026-08-01' }, [
      '2026-03-31',
      '2026-01-15',
    ]);
    expect(flags).toEqual<RequestFlag[]>([
      {
        rule: 'p19',
        point: '19',
        earliestAllowed: '2026-06-30',
        lt:
          'Prašymas pateiktas nepraėjus 3 mėnesiams nuo sprendimo netenkinti ankstesnio prašymo (2026 m. kovo 31 d.) ' +
          '(V-77 19 p.). Anksčiausia leistina data – 2026 m. birželio 30 d.',
        en:
          'The request was filed less than 3 months after the previous request was refused (2026-03-31) ' +
          '(V-77 p. 19). Earliest allowed date: 2026-06-30.',
      },
    ]);
  });

  it('V-77 p. 19: accepts a request 3 months after the refusal or later', () => {
    const request = { requestDate: '2026-06-30', possibleTransferDate: '2026-08-01' };
    expect(requestFlags(request, ['2026-01-15', '2026-03-31'])).toEqual([]);
  });

  it('V-77 p. 5 and p. 19: reports both rules when both are broken', () => {
    const flags = requestFlags({ requestDate: '2026-05-01', possibleTransferDate: '2026-09-15' }, ['2026-03-01']);
    expect(flags.map((f) => [f.rule, f.earliestAllowed])).toEqual([
      ['p5', '2026-07-15'],
      ['p19', '2026-06-01'],
    ]);
  });
});

describe('duplicateFlag (issue 17)', () => {
  it('names the open case of the same convict, its request date and state, in both languages', () => {
    const open = {
      id: 'case-1',
      convict: { firstName: 'Petras', lastName: 'Kazlauskas', personalFileNo: 'D-7' },
      request: { requestDate: '2026-11-02' },
      state: 'dossier_collecting' as const,
    };
    expect(duplicateFlag(open)).toEqual<DuplicateFlag>({
      rule: 'duplicate',
      caseId: 'case-1',
      personalFileNo: 'D-7',
      firstName: 'Petras',
      lastName: 'Kazlauskas',
      requestDate: '2026-11-02',
      state: 'dossier_collecting',
      lt:
        'Šio nuteistojo (asmens byla D-7) prašymas jau nagrinėjamas: Petras Kazlauskas, prašymas 2026 m. lapkričio 2 d., ' +
        'būsena „Renkama medžiaga“. Naujas prašymas registruojamas, kai ankstesnis baigtas.',
      en:
        'A request of this convict (personal file D-7) is already under way: Petras Kazlauskas, request of 2026-11-02, ' +
        'state “Dossier being collected”. A new request is registered once the earlier one has ended.',
    });
  });
});
