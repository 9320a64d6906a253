import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../shared/domain/errors';
import { buildMinutes } from '../../../../shared/domain/documents/minutes';
import { DEFAULT_VOTING_RULES, tally, type Ballot, type VotingRules } from '../../../../shared/domain/voting';
import { bodyLines, bodyOf, institution, meeting, REFUSAL_RATIONALE } from './fixtures';

const minutes = buildMinutes({ institution, meeting }, 'DK-12', '2026-11-20');
const text = bodyOf(minutes);

const CASTING = 'Balsams pasiskirsčius po lygiai, lėmė posėdžio pirmininko balsas.';
/** The fixture's commission and a fifth voting member: m1 chairs, m2 is the secretary who does not vote. */
const FIVE_VOTING = [...meeting.members, { id: 'm6', name: 'Rasa Petrauskienė', position: 'socialinė darbuotoja', role: 'member' as const, votes: true }];
const EVERYONE = FIVE_VOTING.map((m) => m.id);

/**
 * The minutes' vote result line for one case, the tally counted from the ballots as the meeting
 * service counts it. Everyone is at the meeting; `present` is who was there for this case's vote.
 */
function resultLine(ballots: Record<string, Ballot>, options: { rules?: VotingRules; present?: string[]; recused?: string[] } = {}): string {
  const { rules = DEFAULT_VOTING_RULES, present = EVERYONE, recused = [] } = options;
  const [first] = meeting.agenda;
  if (first?.outcome !== 'decided') throw new Error('the fixture’s first case is decided');
  const t = tally(rules, FIVE_VOTING, new Set(present), new Set(recused), ballots);
  const item = {
    ...first,
    present,
    ballots,
    recusals: recused.map((memberId) => ({ memberId, reason: 'nuteistojo giminaitis' })),
    tally: { for: t.for, against: t.against, abstain: t.abstain, decidedByChair: t.decidedByChair },
  };
  const lines = bodyLines(buildMinutes({ institution, meeting: { ...meeting, members: FIVE_VOTING, present: EVERYONE, agenda: [item] } }, 'DK-12', '2026-11-20'));
  const line = lines.find((l) => l.startsWith('Balsavimo rezultatai:'));
  if (!line) throw new Error('the minutes have no vote result');
  return line;
}

describe('V-77 p. 9–11: the minutes of the commission meeting', () => {
  it('is the commission meeting’s protokolas of the institution, with its number and place', () => {
    expect(minutes).toMatchObject({
      kind: 'minutes',
      templateVersion: 'minutes@1',
      institution: 'PRAVIENIŠKIŲ PATAISOS NAMAI-ATVIROJI KOLONIJA',
      documentType: 'DRAUSMĖS KOMISIJOS POSĖDŽIO PROTOKOLAS',
      title: 'DĖL NUTEISTŲJŲ PRAŠYMŲ PERKELTI Į PUSIAUKELĖS NAMUS',
      date: '2026-11-20',
      registrationNumber: 'DK-12',
      place: 'Pravieniškės',
      subject: 'Drausmės komisijos posėdis 2026 m. lapkričio 20 d.',
    });
    expect(text).toContain('Posėdžio data – 2026 m. lapkričio 20 d. Posėdžio pradžia – 10:00 val. Posėdžio vieta – Administracinio pastato posėdžių salė.');
  });

  it('names a single request in the singular', () => {
    const one = buildMinutes({ institution, meeting: { ...meeting, agenda: meeting.agenda.slice(0, 1) } }, null, '2026-11-20');
    expect(one.title).toBe('DĖL NUTEISTOJO PRAŠYMO PERKELTI Į PUSIAUKELĖS NAMUS');
    expect(one.registrationNumber).toBeNull();
  });

  it('records who chaired, who took the minutes, who was present and absent, and the quorum', () => {
    expect(text).toContain('Posėdžiui pirmininkavo Algirdas Šimkus, direktoriaus pavaduotojas. Posėdį protokolavo Ieva Kazlauskė, Resocializacijos skyriaus vyriausioji specialistė.');
    const lines = bodyLines(minutes);
    const present = lines.indexOf('Posėdyje dalyvavo:');
    const absent = lines.indexOf('Posėdyje nedalyvavo:');
    expect(lines.slice(present + 1, absent)).toEqual([
      '1. Algirdas Šimkus, direktoriaus pavaduotojas',
      '2. Ieva Kazlauskė, Resocializacijos skyriaus vyriausioji specialistė (be balsavimo teisės)',
      '3. Dainius Jankūnas, Priežiūros skyriaus viršininkas',
      '4. Gintarė Vaitkevičiūtė, psichologė',
    ]);
    expect(lines[absent + 1]).toBe('1. Tomas Kairys, socialinis darbuotojas');
    // Default quorum: more than half of the 4 voting members; the secretary does not vote.
    expect(text).toContain('Posėdyje dalyvavo 3 iš 4 balsavimo teisę turinčių komisijos narių (kvorumui reikia ne mažiau kaip 3), todėl posėdis buvo teisėtas.');
  });

  it('says when there was no quorum', () => {
    const thin = buildMinutes({ institution, meeting: { ...meeting, present: ['m1', 'm2'] } }, null, '2026-11-20');
    expect(bodyOf(thin)).toContain('Posėdyje dalyvavo 1 iš 4 balsavimo teisę turinčių komisijos narių (kvorumui reikia ne mažiau kaip 3), todėl kvorumo nebuvo ir sprendimai negalėjo būti priimami.');
  });

  it('lists the agenda (DARBOTVARKĖ) and considers each request in turn (SVARSTYTA)', () => {
    const lines = bodyLines(minutes);
    const agenda = lines.indexOf('DARBOTVARKĖ');
    expect(lines.slice(agenda + 1, agenda + 4)).toEqual([
      '1. Dėl nuteistojo (vardas ir pavardė: Žygimantas Čepulėnas, asmens bylos Nr. A-1234) prašymo perkelti į pusiaukelės namus.',
      '2. Dėl nuteistojo (vardas ir pavardė: Vytautas Grigonis, asmens bylos Nr. C-0310) prašymo perkelti į pusiaukelės namus.',
      '3. Dėl nuteistojo (vardas ir pavardė: Mindaugas Žilinskas, asmens bylos Nr. D-0042) prašymo perkelti į pusiaukelės namus.',
    ]);
    expect(text).toContain(
      '1. SVARSTYTA. Nuteistojo (vardas ir pavardė: Žygimantas Čepulėnas, asmens bylos Nr. A-1234) 2026 m. spalio 1 d. prašymas perkelti į pusiaukelės namus.',
    );
  });

  it('V-77 p. 11: records the findings and assessment of every criterion 11.1–11.9', () => {
    const lines = bodyLines(minutes);
    for (const point of ['11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.8', '11.9']) {
      expect(lines.filter((l) => l.startsWith(`${point}. `))).toHaveLength(2); // both decided cases
    }
    expect(lines).toContain(
      '11.2. Nuteistojo elgesys bausmės atlikimo metu. Nustatytos aplinkybės: Pažeidimų nepadarė, paskatintas 4 kartus. Įvertinimas: palanku.',
    );
    expect(lines).toContain(
      '11.8. Ar nuteistasis nėra įtrauktas į linkusiųjų pabėgti ar užpulti įskaitą. Nuteistasis į linkusiųjų pabėgti ar užpulti įskaitą neįtrauktas. Įvertinimas: palanku.',
    );
    expect(lines).toContain('11.5. Nusikalstamo elgesio rizika ir jos pokyčiai. Nustatytos aplinkybės: OASys: rizika didelė, padidėjo. Įvertinimas: nepalanku.');
  });

  it('records recusals with their reasons, each member’s vote and the tally', () => {
    expect(text).toContain('Nuo šio klausimo svarstymo ir balsavimo nusišalino Gintarė Vaitkevičiūtė (nusišalinimo priežastis: nuteistojo giminaitė).');
    expect(text).toContain('Balsavo „už“: Algirdas Šimkus, Dainius Jankūnas. Susilaikė: Gintarė Vaitkevičiūtė.');
    expect(text).toContain('Balsavimo rezultatai: už – 2, prieš – 0, susilaikė – 1.');
    // The second case: a rejected proposal first, then a tie the chair decided.
    expect(text).toContain('Siūlymas priimti Aprašo 10.3 papunktyje nurodytą sprendimą balsavimu nepriimtas (už – 1, prieš – 1, susilaikė – 0).');
    expect(text).toContain('Balsavo „už“: Algirdas Šimkus. Balsavo „prieš“: Dainius Jankūnas.');
    expect(text).toContain('Balsavimo rezultatai: už – 1, prieš – 1, susilaikė – 0. Balsams pasiskirsčius po lygiai, lėmė posėdžio pirmininko balsas.');
    expect(text).toContain(`Sprendimo motyvai: ${REFUSAL_RATIONALE}.`);
  });

  it('V-77 p. 10: says the chair’s vote decided only for a real tie — as many for as against — and prints the real count', () => {
    const MAJORITIES = ['more_than_half_present', 'more_for_than_against', 'more_than_half_members'] as const;
    for (const majority of MAJORITIES) {
      const rules = { ...DEFAULT_VOTING_RULES, majority };
      // 2 for, 2 against: the chair's vote decides, either way; the count is not 3 for.
      expect(resultLine({ m1: 'for', m3: 'for', m4: 'against', m5: 'against' }, { rules, present: ['m1', 'm2', 'm3', 'm4', 'm5'] })).toBe(`Balsavimo rezultatai: už – 2, prieš – 2, susilaikė – 0. ${CASTING}`);
      expect(resultLine({ m1: 'against', m3: 'for', m4: 'for', m5: 'against' }, { rules, present: ['m1', 'm2', 'm3', 'm4', 'm5'] })).toBe(`Balsavimo rezultatai: už – 2, prieš – 2, susilaikė – 0. ${CASTING}`);
      // 2/2/1: an abstention does not undo a tie.
      expect(resultLine({ m1: 'for', m3: 'for', m4: 'against', m5: 'against', m6: 'abstain' }, { rules })).toBe(`Balsavimo rezultatai: už – 2, prieš – 2, susilaikė – 1. ${CASTING}`);
      // 1/1/2.
      expect(resultLine({ m1: 'against', m3: 'for', m4: 'abstain', m5: 'abstain' }, { rules, present: ['m1', 'm2', 'm3', 'm4', 'm5'] })).toBe(`Balsavimo rezultatai: už – 1, prieš – 1, susilaikė – 2. ${CASTING}`);
      // A recused member leaves a 2/2 tie among the others.
      expect(resultLine({ m1: 'for', m3: 'for', m4: 'against', m5: 'against', m6: 'for' }, { rules, recused: ['m6'] })).toBe(`Balsavimo rezultatai: už – 2, prieš – 2, susilaikė – 0. ${CASTING}`);
    }
  });

  it('V-77 p. 10: no tie sentence when abstentions, not a tie, kept the proposal from a majority, or the chair had no casting vote', () => {
    const MAJORITIES = ['more_than_half_present', 'more_for_than_against', 'more_than_half_members'] as const;
    for (const majority of MAJORITIES) {
      const rules = { ...DEFAULT_VOTING_RULES, majority };
      // 2 for, 1 against, 1 abstaining is no tie (the case).
      expect(resultLine({ m1: 'for', m3: 'for', m4: 'against', m5: 'abstain' }, { rules, present: ['m1', 'm2', 'm3', 'm4', 'm5'] })).toBe('Balsavimo rezultatai: už – 2, prieš – 1, susilaikė – 1.');
      expect(resultLine({ m1: 'for', m3: 'for', m4: 'abstain', m5: 'abstain', m6: 'against' }, { rules })).toBe('Balsavimo rezultatai: už – 2, prieš – 1, susilaikė – 2.');
      // Everyone abstaining.
      expect(resultLine({ m1: 'abstain', m3: 'abstain', m4: 'abstain', m5: 'abstain', m6: 'abstain' }, { rules })).toBe('Balsavimo rezultatai: už – 0, prieš – 0, susilaikė – 5.');
      // A tie, but the chair abstained, left before the vote, or recused: no casting vote.
      expect(resultLine({ m1: 'abstain', m3: 'for', m4: 'against' }, { rules, present: ['m1', 'm2', 'm3', 'm4'] })).toBe('Balsavimo rezultatai: už – 1, prieš – 1, susilaikė – 1.');
      expect(resultLine({ m3: 'for', m4: 'against', m5: 'for', m6: 'against' }, { rules, present: ['m2', 'm3', 'm4', 'm5', 'm6'] })).toBe('Balsavimo rezultatai: už – 2, prieš – 2, susilaikė – 0.');
      expect(resultLine({ m3: 'for', m4: 'against', m5: 'for', m6: 'against' }, { rules, recused: ['m1'] })).toBe('Balsavimo rezultatai: už – 2, prieš – 2, susilaikė – 0.');
    }
  });

  it('V-77 p. 10: a proposal the chair’s vote turned down on a tie says so', () => {
    const [first] = meeting.agenda;
    if (first?.outcome !== 'decided') throw new Error('the fixture’s first case is decided');
    const withRejected = { ...first, rejected: [{ decision: '10.3' as const, ballots: { m1: 'against', m3: 'for' } as const, tally: { for: 1, against: 1, abstain: 0, decidedByChair: true } }] };
    const minutes = bodyOf(buildMinutes({ institution, meeting: { ...meeting, agenda: [withRejected] } }, 'DK-12', '2026-11-20'));
    expect(minutes).toContain(`Siūlymas priimti Aprašo 10.3 papunktyje nurodytą sprendimą balsavimu nepriimtas (už – 1, prieš – 1, susilaikė – 0). ${CASTING}`);
  });

  it('V-77 p. 10: a result recorded as decided by the chair whose count is no tie never gets the tie sentence', () => {
    // As recorded before the tie rule was corrected: 2 for, 1 against, 1 abstaining taken for a tie.
    const [first] = meeting.agenda;
    if (first?.outcome !== 'decided') throw new Error('the fixture’s first case is decided');
    const recorded = { ...first, ballots: { m1: 'for', m3: 'for', m4: 'against', m5: 'abstain' } as const, tally: { for: 2, against: 1, abstain: 1, decidedByChair: true } };
    const old = bodyOf(buildMinutes({ institution, meeting: { ...meeting, present: ['m1', 'm2', 'm3', 'm4', 'm5'], agenda: [recorded] } }, 'DK-12', '2026-11-20'));
    expect(old).toContain('Balsavimo rezultatai: už – 2, prieš – 1, susilaikė – 1.');
    expect(old).not.toContain('po lygiai');
  });

  it('V-77 p. 10: decides (NUSPRĘSTA) in the words of the sub-point', () => {
    expect(text).toContain(
      'NUSPRĘSTA. Teikti siūlymą pataisos įstaigos direktoriui kreiptis su teikimu į Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos direktorių perkelti nuteistąjį į pusiaukelės namus (Aprašo 10.3 papunktis).',
    );
    expect(text).toContain(
      'NUSPRĘSTA. Teikti siūlymą pataisos įstaigos direktoriui neteikti Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos direktoriui teikimo perkelti nuteistąjį į pusiaukelės namus (Aprašo 10.4 papunktis).',
    );
  });

  it('records a postponed case with the reason, and a case that left the agenda', () => {
    expect(text).toContain('NUSPRĘSTA. Klausimo svarstymą atidėti kitam posėdžiui. Priežastis: Negauta socialinio tyrimo išvada (6.2).');
    const left = buildMinutes(
      { institution, meeting: { ...meeting, agenda: [{ outcome: 'left', convict: { firstName: 'Jonas', lastName: 'Petraitis', personalFileNo: 'E-1' }, requestDate: '2026-10-01', reason: '' }] } },
      null,
      '2026-11-20',
    );
    expect(bodyLines(left)).toContain('Klausimas nesvarstytas.');
  });

  it('notes who was present for a vote when attendance changed during the meeting', () => {
    const [first, ...rest] = meeting.agenda;
    if (first?.outcome !== 'decided') throw new Error('the fixture’s first case is decided');
    const changed = buildMinutes({ institution, meeting: { ...meeting, agenda: [{ ...first, present: ['m1', 'm2', 'm3'] }, ...rest] } }, null, '2026-11-20');
    expect(bodyOf(changed)).toContain('Balsuojant dėl šio klausimo posėdyje dalyvavo: Algirdas Šimkus, Ieva Kazlauskė, Dainius Jankūnas.');
    expect(text).not.toContain('Balsuojant dėl šio klausimo');
  });

  it('is signed by the chair and the secretary, each titled in their own gender (issue 12)', () => {
    expect(minutes.signatures).toMatchObject([
      { role: 'chair', position: 'Posėdžio pirmininkas', name: 'Algirdas Šimkus' },
      { role: 'secretary', position: 'Posėdžio sekretorė', name: 'Ieva Kazlauskė' },
    ]);
  });

  it('refuses minutes that the chair or the secretary could not sign', () => {
    const noChair = { ...meeting, present: ['m2', 'm3', 'm4'] };
    expect(() => buildMinutes({ institution, meeting: noChair }, null, '2026-11-20')).toThrow(DomainError);
    expect(() => buildMinutes({ institution, meeting: noChair }, null, '2026-11-20')).toThrow('Komisijos pirmininkas Algirdas Šimkus posėdyje nedalyvavo');
    const noSecretary = { ...meeting, members: meeting.members.filter((m) => m.role !== 'secretary') };
    expect(() => buildMinutes({ institution, meeting: noSecretary }, null, '2026-11-20')).toThrow('nėra sekretoriaus');
  });
});
