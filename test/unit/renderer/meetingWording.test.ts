import { describe, expect, it } from 'vitest';
import type { TallyView } from '../../../shared/contract/meetingSchemas';
import { agendaStatusText, quorumText, riskLines, spanText, tallyCountsText, tallyNeededText, tallyStatusText, tallyTieText, timeLeftLines } from '../../../renderer/meetings/meetingWording';
import type { AgendaItemView } from '../../../shared/contract/meetingSchemas';

const tally = (patch: Partial<TallyView>): TallyView => ({
  status: 'incomplete',
  for: 0,
  against: 0,
  abstain: 0,
  waiting: 0,
  eligible: 5,
  forNeeded: 3,
  tie: false,
  decidedByChair: false,
  quorum: { voting: 5, taking: 5, needed: 3, met: true },
  ...patch,
});

describe('the quorum and the tally in words', () => {
  it('DESIGN §1: says whether the commission has its quorum, with the numbers', () => {
    expect(quorumText({ voting: 5, taking: 3, needed: 3, met: true }, 'lt')).toBe('Kvorumas yra: dalyvauja 3 iš 5 (reikia 3)');
    expect(quorumText({ voting: 5, taking: 2, needed: 3, met: false }, 'lt')).toBe('Kvorumo nėra: dalyvauja 2 iš 5 (reikia 3)');
    expect(quorumText({ voting: 5, taking: 2, needed: 3, met: false }, 'en')).toBe('No quorum: 2 of 5 present (3 needed)');
  });

  it('names each outcome of a vote', () => {
    expect(tallyStatusText(tally({ status: 'adopted' }), 'lt')).toBe('Priimta');
    expect(tallyStatusText(tally({ status: 'rejected' }), 'lt')).toBe('Nepriimta');
    expect(tallyStatusText(tally({ status: 'incomplete' }), 'lt')).toBe('Balsavimas nebaigtas');
    expect(tallyStatusText(tally({ status: 'no_quorum' }), 'lt')).toBe('Nėra kvorumo – balsuoti negalima');
  });

  it('counts the ballots and says what the majority rule needs', () => {
    expect(tallyCountsText(tally({ for: 3, against: 1, abstain: 1, waiting: 0 }), 'lt')).toBe('Už – 3, prieš – 1, susilaikė – 1, dar nebalsavo – 0');
    expect(tallyNeededText(tally({ forNeeded: 3, eligible: 4 }), 'lt')).toBe('Kad siūlymas būtų priimtas, reikia bent 3 balsų „už“ (balsuoja 4).');
    expect(tallyNeededText(tally({ forNeeded: 0 }), 'lt')).toBe('Siūlymas priimamas, kai balsų „už“ daugiau nei „prieš“.');
    // V-77 p. 10 with the chair's casting vote: "at least 3 for" alone would be untrue of a 2–2 tie it adopts.
    expect(tallyNeededText(tally({ forNeeded: 3, eligible: 4 }), 'lt', true)).toBe(
      'Kad siūlymas būtų priimtas, reikia bent 3 balsų „už“ (balsuoja 4). Balsams pasiskirsčius po lygiai (tiek pat „už“ ir „prieš“), lemia posėdžio pirmininko balsas.',
    );
  });

  it("DESIGN §1: says when the chair's vote decided a tie, and when a tie left the proposal not adopted", () => {
    expect(tallyTieText(tally({ tie: true, decidedByChair: true, status: 'adopted' }), 'lt')).toBe('Balsai pasiskirstė po lygiai – lėmė pirmininko balsas.');
    expect(tallyTieText(tally({ tie: true, status: 'rejected' }), 'lt')).toBe('Balsai pasiskirstė po lygiai – siūlymas nepriimtas.');
    expect(tallyTieText(tally({ tie: false, status: 'adopted' }), 'lt')).toBeNull();
  });
});

describe('what the app computed for the criteria', () => {
  it('V-77 p. 11.1: the time left until the possible parole date and the end of the sentence; a passed date says so', () => {
    const lines = timeLeftLines(
      { source: '6.6', paroleDate: '2027-03-01', sentenceEnd: '2026-01-10', untilParole: { months: 7, days: 12 }, untilEnd: null },
      'lt',
    );
    expect(lines).toEqual(['iki galimo lygtinio paleidimo (2027-03-01) liko 7 mėn. 12 d.', 'bausmės pabaigos data (2026-01-10) jau praėjo']);
    expect(spanText({ months: 0, days: 9 }, 'lt')).toBe('9 d.');
    // Issue 17: English spells the units out, in the right number.
    expect(spanText({ months: 7, days: 1 }, 'en')).toBe('7 months 1 day');
    expect(spanText({ months: 1, days: 12 }, 'en')).toBe('1 month 12 days');
  });

  it('V-77 p. 11.5: the risk level from 6.1 and its change', () => {
    expect(riskLines({ level: 'low', previousLevel: 'medium', change: 'lower', instrument: 'OASys', assessedOn: '2026-11-02' }, 'lt')).toEqual([
      'Rizikos lygis: Žema (OASys, 2026-11-02)',
      'Ankstesnis lygis: Vidutinė',
      'Pokytis: rizika sumažėjo',
    ]);
    expect(riskLines({ level: 'high', change: 'unknown', instrument: 'OASys', assessedOn: '2026-11-02' }, 'lt')).toHaveLength(2);
  });

  it('says where each case on the agenda stands', () => {
    const base = { item: { evaluation: {} }, active: true, tally: null, unevaluated: ['11.1', '11.2'] } as unknown as AgendaItemView;
    expect(agendaStatusText(base, 'lt')).toBe('Vertinama: įvertinta 7 iš 9');
    expect(agendaStatusText({ ...base, item: { ...base.item, decision: '10.1' }, tally: tally({ status: 'adopted' }) }, 'lt')).toBe('Priimta: 10.1');
    expect(agendaStatusText({ ...base, item: { ...base.item, postponed: 'x' } }, 'lt')).toBe('Svarstymas atidėtas');
    expect(agendaStatusText({ ...base, active: false }, 'lt')).toBe('Nebesvarstoma šiame posėdyje');
  });
});
