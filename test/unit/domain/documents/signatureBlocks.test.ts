import { describe, expect, it } from 'vitest';
import { buildList } from '../../../../shared/domain/documents/list';
import { buildMinutes } from '../../../../shared/domain/documents/minutes';
import { buildProposal } from '../../../../shared/domain/documents/proposal';
import { buildReturnDecision } from '../../../../shared/domain/documents/returnDocuments';
import { actingDirectorTitle, genderFromName } from '../../../../shared/domain/documents/signers';
import { buildOrder } from '../../../../shared/domain/documents/transferDecisions';
import { bodyOf, caseHere, commissionDecision, favourableEvaluation, HALFWAY_HOUSE, institution, meeting } from './fixtures';

/**
 * Issue 12: every signature block names the person who signs with their position in the gender of its
 * title (Direktorius / Direktorė, Posėdžio pirmininkas / pirmininkė, …), a deputy chosen to sign in the
 * director's place as "…, laikinai einantis (einanti) direktoriaus pareigas", and carries who alone
 * may sign the line (the personal code and the user account).
 */

const proposal = { date: '2026-11-20', number: 'DKS-5' };
const minutesRef = { date: '2026-11-20', number: 'DK-12' };

describe('the gender of a title', () => {
  it('is inferred from a surname for records that do not keep it (-ė is a woman\'s surname)', () => {
    expect(genderFromName('Rūta Žemaitienė')).toBe('female');
    expect(genderFromName('Gintarė Vaitkevičiūtė')).toBe('female');
    expect(genderFromName('Algirdas Šimkus')).toBe('male');
    expect(genderFromName('Tomas Kairys')).toBe('male');
  });

  it('agrees in the acting title', () => {
    expect(actingDirectorTitle('Direktoriaus pavaduotojas', 'male')).toBe('Direktoriaus pavaduotojas, laikinai einantis direktoriaus pareigas');
    expect(actingDirectorTitle('Direktoriaus pavaduotoja', 'female')).toBe('Direktoriaus pavaduotoja, laikinai einanti direktoriaus pareigas');
  });
});

describe('V-77 p. 9: the minutes are signed by the meeting\'s chair and secretary', () => {
  it('titles each in their gender, recorded or inferred, and carries their identity', () => {
    const members = meeting.members.map((m) =>
      m.role === 'chair' ? { ...m, gender: 'female' as const, personalCode: '48001010001', userId: 'u-chair' } : m.role === 'secretary' ? { ...m, gender: 'male' as const } : m,
    );
    const model = buildMinutes({ institution, meeting: { ...meeting, members } }, 'DK-12', '2026-11-20');
    expect(model.signatures).toEqual([
      { role: 'chair', position: 'Posėdžio pirmininkė', name: 'Algirdas Šimkus', personalCode: '48001010001', userId: 'u-chair' },
      { role: 'secretary', position: 'Posėdžio sekretorius', name: 'Ieva Kazlauskė' },
    ]);
    // Without a recorded gender, the surname decides: Ieva Kazlauskė is "sekretorė".
    expect(buildMinutes({ institution, meeting }, 'DK-12', '2026-11-20').signatures.map((s) => s.position)).toEqual(['Posėdžio pirmininkas', 'Posėdžio sekretorė']);
  });
});

describe('V-77 p. 10: the proposal is signed by the commission\'s chair', () => {
  it('"Drausmės komisijos pirmininkė" for a woman', () => {
    const model = buildProposal(
      {
        institution,
        case: caseHere,
        commission: commissionDecision('10.1', favourableEvaluation),
        tally: { for: 4, against: 0, abstain: 0, decidedByChair: false },
        chairName: 'Rasa Vaitkienė',
        chair: { name: 'Rasa Vaitkienė', position: 'Direktoriaus pavaduotoja', userId: 'u-rasa' },
      },
      'DKS-5',
      '2026-11-20',
    );
    expect(model.signatures).toEqual([{ role: 'chair', position: 'Drausmės komisijos pirmininkė', name: 'Rasa Vaitkienė', userId: 'u-rasa' }]);
  });
});

describe('V-77 p. 13: the director\'s order, signed by the director or a deputy acting as director', () => {
  it('the director with the position the register gives', () => {
    const order = buildOrder({ institution, case: caseHere, proposal, minutes: minutesRef }, 'V-301', '2026-11-25');
    expect(order.signatures).toEqual([{ role: 'director', position: 'Direktorė', name: 'Rūta Žemaitienė' }]);
  });

  it('a deputy chosen before issuing: the acting title in the deputy\'s gender, and the deputy\'s identity', () => {
    const acting = { ...institution, director: { name: 'Darius Kavaliauskas', position: 'Direktoriaus pavaduotojas', gender: 'male' as const, acting: true, userId: 'u-darius' } };
    const order = buildOrder({ institution: acting, case: caseHere, proposal, minutes: minutesRef }, 'V-302', '2026-11-25');
    expect(order.signatures).toEqual([
      { role: 'director', position: 'Direktoriaus pavaduotojas, laikinai einantis direktoriaus pareigas', name: 'Darius Kavaliauskas', userId: 'u-darius' },
    ]);
    const actingWoman = { ...institution, director: { name: 'Laima Jonaitienė', position: '', acting: true } };
    expect(buildOrder({ institution: actingWoman, case: caseHere, proposal, minutes: minutesRef }, 'V-303', '2026-11-25').signatures[0]?.position).toBe(
      'Direktoriaus pavaduotoja, laikinai einanti direktoriaus pareigas',
    );
  });
});

describe('V-77 p. 20, 45–46: the halfway-house employee', () => {
  it('signs the list with their identity; an empty position takes the title of their gender', () => {
    const list = buildList({ institution, entries: [], keeper: { name: 'Laura Petrauskienė', position: '', userId: 'u-laura' } }, 'SR-1', '2026-11-25');
    expect(list.signatures).toEqual([{ role: 'halfwayHouseEmployee', position: 'Pusiaukelės namų darbuotoja', name: 'Laura Petrauskienė', userId: 'u-laura' }]);
  });

  it('the return decision cites "pusiaukelės namų darbuotojos" submission for a woman', () => {
    const decision = buildReturnDecision(
      {
        institution,
        convict: caseHere.convict,
        halfwayHouse: HALFWAY_HOUSE,
        submission: { date: '2027-01-09', number: 'PT-3' },
        reasons: 'Pažeidė režimą',
        employee: { name: 'Laura Petrauskienė', position: 'Pusiaukelės namų vyriausioji specialistė' },
      },
      'SP-7',
      '2027-01-12',
    );
    expect(bodyOf(decision)).toContain('Gautas pusiaukelės namų darbuotojos 2027 m. sausio 9 d. motyvuotas teikimas Nr. PT-3');
  });
});
