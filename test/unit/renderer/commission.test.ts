import { validationMessage } from '../../../shared/contract/validationMessages';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/methods';
import type { CommissionMemberRecord } from '../../../shared/contract/meetingSchemas';
import { DEFAULT_VOTING_RULES } from '../../../shared/domain/voting';
import {
  applyMember,
  canRemove,
  checkCommission,
  checkMember,
  commissionWarnings,
  defaultUntil,
  defaultVotes,
  draftOf,
  errorsByMember,
  isDirty,
  memberErrorSummary,
  memberFormValues,
  memberStatus,
  newMemberId,
  newMemberValues,
  quorumToday,
  removeMember,
  saveInput,
  splitMembers,
  withRole,
  type MemberRow,
} from '../../../renderer/commission/commissionModel';
import { commissionEn, commissionLt } from '../../../renderer/commission/commissionMessages';
import { placeholdersOf, translate } from '../../../renderer/i18n/translate';

const TODAY = '2026-11-23';

const member = (id: string, patch: Partial<CommissionMemberRecord> = {}): CommissionMemberRecord => ({
  id,
  name: `Narys ${id}`,
  position: 'Socialinis darbuotojas',
  role: 'member',
  votes: true,
  from: '2026-01-01',
  ...patch,
});

const chair = member('chair', { name: 'Jonas Jonaitis', position: 'Direktoriaus pavaduotojas', role: 'chair' });
const secretary = member('sec', { name: 'Ona Onaitė', position: 'Vyriausioji specialistė', role: 'secretary', votes: false });
const anna = member('m1', { name: 'Ana Petraitienė' });
const zigmas = member('m2', { name: 'Zigmas Žukauskas' });
const former = member('old', { name: 'Buvęs Narys', from: '2025-01-01', until: '2026-06-30' });
const formerChair = member('oldchair', { name: 'Buvęs Pirmininkas', role: 'chair', from: '2024-01-01', until: '2025-12-31' });
const future = member('new', { name: 'Būsimas Narys', from: '2026-12-01' });

describe('the commission as loaded', () => {
  it('DESIGN §1: before the first save there are no members and the default rules apply (quorum more than half, simple majority of those present, the chair decides a tie); the save then sends revision 0', () => {
    const draft = draftOf(null);
    expect(draft).toEqual({ revision: 0, members: [], rules: DEFAULT_VOTING_RULES });
    expect(draft.rules).toEqual({ quorum: 'more_than_half', majority: 'more_than_half_present', chairDecidesTie: true });
    expect(saveInput(draft).revision).toBe(0);
  });

  it('keeps the loaded revision and rules, and copies the members (editing the draft leaves the record alone)', () => {
    const record = { revision: 4, updatedAt: '2026-11-20T10:00:00Z', members: [chair], rules: { quorum: 'all' as const, majority: 'more_for_than_against' as const, chairDecidesTie: false } };
    const draft = draftOf(record);
    expect(draft.revision).toBe(4);
    expect(draft.rules).toEqual(record.rules);
    draft.members[0]!.name = 'Kitas';
    expect(record.members[0]!.name).toBe('Jonas Jonaitis');
  });
});

describe('who sits on the commission (membership changes over time)', () => {
  it('a member sits from the first day through the last day of the membership, both included', () => {
    expect(memberStatus({ from: TODAY }, TODAY)).toBe('current');
    expect(memberStatus({ from: '2026-01-01', until: TODAY }, TODAY)).toBe('current');
    expect(memberStatus({ from: '2026-01-01', until: '2026-11-22' }, TODAY)).toBe('former');
    expect(memberStatus({ from: '2026-11-24' }, TODAY)).toBe('future');
  });

  it('lists today’s members chair first, then the secretary, then members by name; the others future first, then the most recently ended', () => {
    const { current, other } = splitMembers([zigmas, former, anna, future, secretary, formerChair, chair], TODAY);
    expect(current.map((m) => m.id)).toEqual(['chair', 'sec', 'm1', 'm2']);
    expect(other.map((m) => m.id)).toEqual(['new', 'old', 'oldchair']);
  });

  it('DESIGN §1: warns when no voting member or no chair sits today (a meeting cannot open without members)', () => {
    expect(commissionWarnings([chair, secretary, anna], TODAY)).toEqual([]);
    expect(commissionWarnings([secretary, anna], TODAY)).toEqual(['noChair']);
    expect(commissionWarnings([secretary, former, future], TODAY)).toEqual(['noMembers', 'noChair']);
  });

  it('DESIGN §1: the quorum counts today’s voting members only (a non-voting secretary and former members do not count)', () => {
    const five = [chair, secretary, anna, zigmas, member('m3'), member('m4'), former];
    expect(quorumToday(DEFAULT_VOTING_RULES, five, TODAY)).toEqual({ voting: 5, needed: 3 });
    expect(quorumToday({ quorum: 'at_least_two_thirds' }, five, TODAY)).toEqual({ voting: 5, needed: 4 });
    expect(quorumToday({ quorum: 'all' }, five, TODAY)).toEqual({ voting: 5, needed: 5 });
    expect(quorumToday(DEFAULT_VOTING_RULES, [secretary], TODAY)).toEqual({ voting: 0, needed: 0 });
  });
});

describe('the member form', () => {
  it('a new member is an ordinary voting member from today', () => {
    expect(newMemberValues(TODAY)).toEqual({ name: '', position: '', role: 'member', votes: true, from: TODAY, until: '', gender: 'male', personalCode: '', userId: '' });
  });

  it('issue 12: who signs for a member: the gender of the title (read from the surname in older records), the personal code and the user account', () => {
    const older = memberFormValues({ id: 'x', name: 'Rasa Vaitkienė', position: 'Pavaduotoja', role: 'chair', votes: true, from: TODAY });
    expect(older).toMatchObject({ gender: 'female', personalCode: '', userId: '' });
    const { member: m } = checkMember({ ...older, personalCode: ' 48001010001 ', userId: 'u-1' }, 'x', []);
    expect(m).toMatchObject({ gender: 'female', personalCode: '48001010001', userId: 'u-1' });
    const bad = checkMember({ ...older, personalCode: 'PNOLT-1' }, 'x', []);
    expect(bad.errors).toEqual({ personalCode: 'personalCode' });
  });

  it('the vote follows the role: a secretary who is not a member does not vote, the chair must vote', () => {
    expect(defaultVotes('member')).toBe(true);
    expect(defaultVotes('secretary')).toBe(false);
    expect(defaultVotes('chair')).toBe(true);
    const v = newMemberValues(TODAY);
    expect(withRole(v, 'secretary', false).votes).toBe(false);
    expect(withRole({ ...v, votes: false, role: 'secretary' }, 'chair', true).votes).toBe(true);
    // A vote the user set themselves stays when the role changes (except for the chair).
    expect(withRole({ ...v, votes: true }, 'secretary', true).votes).toBe(true);
  });

  it('requires the name, the position and a real start date', () => {
    const { member: m, errors } = checkMember({ ...newMemberValues(TODAY), from: '2026-02-30' }, 'x', []);
    expect(m).toBeNull();
    expect(errors).toEqual({ name: 'required', position: 'required', from: 'date' });
  });

  it('refuses a membership that ends before it begins', () => {
    const values = { ...memberFormValues(anna), until: '2025-12-31' };
    expect(checkMember(values, anna.id, [anna]).errors).toEqual({ until: 'untilBeforeFrom' });
  });

  it('DESIGN §1: one chair at a time — a second chair overlapping the first is refused on the role, one after the first ended is fine', () => {
    const values = { ...newMemberValues(TODAY), name: 'Petras Petraitis', position: 'Viršininkas', role: 'chair' as const };
    expect(checkMember(values, 'x', [chair, secretary]).errors).toEqual({ role: 'secondChair' });
    expect(checkMember({ ...values, from: '2026-01-01' }, 'x', [formerChair]).errors).toEqual({});
    expect(checkMember({ ...values, role: 'secretary', votes: false }, 'x', [chair, secretary]).errors).toEqual({ role: 'secondSecretary' });
  });

  it('editing a member does not compare it with itself, and trims the texts and dates', () => {
    const { member: m, errors } = checkMember({ ...memberFormValues(chair), name: '  Jonas Jonaitis ', until: ' 2026-12-31 ' }, chair.id, [chair, secretary]);
    expect(errors).toEqual({});
    // Issue 12: the gender of the title is kept from now on (read from the surname for an older record).
    expect(m).toEqual({ ...chair, until: '2026-12-31', gender: memberFormValues(chair).gender });
  });

  it('an empty end date means the membership continues (no `until` is sent)', () => {
    const { member: m } = checkMember({ ...memberFormValues(anna), until: '' }, anna.id, [anna]);
    expect(m).not.toBeNull();
    expect(m && 'until' in m).toBe(false);
  });

  it('the chair always votes, whatever the checkbox said', () => {
    const values = { ...newMemberValues(TODAY), name: 'P. P.', position: 'Viršininkas', role: 'chair' as const, votes: false };
    expect(checkMember(values, 'x', []).member?.votes).toBe(true);
  });

  it('ending a membership offers today, never a day before it began', () => {
    expect(defaultUntil(anna, TODAY)).toBe(TODAY);
    expect(defaultUntil(future, TODAY)).toBe('2026-12-01');
  });
});

describe('changing the list', () => {
  it('a member added in this session is marked unsaved and may be removed; a saved member is only ended, never deleted', () => {
    const saved: MemberRow[] = [chair, anna];
    const added = applyMember(saved, zigmas);
    expect(added.map((m) => [m.id, canRemove(m)])).toEqual([
      ['chair', false],
      ['m1', false],
      ['m2', true],
    ]);
    expect(removeMember(added, 'm2').map((m) => m.id)).toEqual(['chair', 'm1']);
    expect(removeMember(added, 'm1')).toEqual(added);
  });

  it('editing a member replaces it in place and keeps whether it was saved', () => {
    const rows = applyMember([chair, anna], zigmas);
    const edited = applyMember(applyMember(rows, { ...anna, until: TODAY }), { ...zigmas, position: 'Psichologas' });
    expect(edited.map((m) => m.id)).toEqual(['chair', 'm1', 'm2']);
    expect(edited[1]).toEqual({ ...anna, until: TODAY });
    expect(edited[2]).toEqual({ ...zigmas, position: 'Psichologas', unsaved: true });
  });

  it('sends the whole commission as commission.save takes it (no UI-only flags), and knows when something changed', () => {
    const loaded = draftOf({ revision: 2, updatedAt: 'x', members: [chair], rules: DEFAULT_VOTING_RULES });
    const draft = { ...loaded, members: applyMember(loaded.members, anna) };
    const input = saveInput(draft);
    expect(input).toEqual({ revision: 2, members: [chair, anna], rules: DEFAULT_VOTING_RULES });
    expect(contract['commission.save'].input.safeParse(input).success).toBe(true);
    expect(isDirty(draft, loaded)).toBe(true);
    expect(isDirty(loaded, draftOf({ revision: 2, updatedAt: 'y', members: [chair], rules: DEFAULT_VOTING_RULES }))).toBe(false);
    expect(isDirty({ ...loaded, rules: { ...DEFAULT_VOTING_RULES, chairDecidesTie: false } }, loaded)).toBe(true);
  });

  it('new member ids are unique', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newMemberId()));
    expect(ids.size).toBe(50);
  });
});

describe('errors of the whole commission', () => {
  it('puts the server’s field errors (members.<index>.<field>) on the member sent at that index', () => {
    const sent = [chair, anna, zigmas];
    expect(errorsByMember({ 'members.1.until': 'untilBeforeFrom', 'members.2.role': 'secondChair', 'rules.quorum': 'invalid', 'members.9.name': 'required' }, sent)).toEqual({
      members: { m1: { until: 'untilBeforeFrom' }, m2: { role: 'secondChair' } },
      other: { 'rules.quorum': 'invalid', 'members.9.name': 'required' },
    });
  });

  it('checks the whole list before saving: two secretaries at once are refused on the later one', () => {
    const second = member('sec2', { name: 'Antra Sekretorė', role: 'secretary', votes: false, from: '2026-06-01' });
    const result = checkCommission({ revision: 1, members: [chair, secretary, second], rules: DEFAULT_VOTING_RULES });
    expect(result.valid).toBe(false);
    expect(result.members).toEqual({ sec2: { role: 'secondSecretary' } });
    expect(checkCommission({ revision: 1, members: [chair, secretary, { ...second, from: '2027-01-01' }], rules: DEFAULT_VOTING_RULES }).valid).toBe(false);
    expect(checkCommission({ revision: 1, members: [chair, { ...secretary, until: '2026-05-31' }, second], rules: DEFAULT_VOTING_RULES }).valid).toBe(true);
  });
});

describe('the commission’s texts', () => {
  it('names its refusals in Lithuanian and English with the shared validation messages', () => {
    expect(validationMessage('untilBeforeFrom', 'lt')).toBe('Narystės pabaiga negali būti ankstesnė už jos pradžią.');
    expect(validationMessage('secondChair', 'en')).toBe('The commission has one chair at a time.');
    expect(validationMessage('required', 'lt')).toBe('Privalomas laukas.');
    expect(validationMessage('no-such-key', 'en')).toBe('Invalid value.');
    expect(memberErrorSummary({ position: 'required', until: 'untilBeforeFrom' }, 'lt')).toBe(
      'Pareigos: Privalomas laukas. Narystės pabaiga (paskutinė diena): Narystės pabaiga negali būti ankstesnė už jos pradžią.',
    );
  });

  it('DESIGN §1: explains the default rules in Lithuanian', () => {
    expect(translate('lt', 'commission.quorum.more_than_half')).toBe('Kvorumas: posėdyje dalyvauja daugiau kaip pusė balsuojančių komisijos narių.');
    expect(translate('lt', 'commission.majority.more_than_half_present')).toMatch(/^Sprendimas priimtas, jei už balsuoja daugiau kaip pusė posėdyje dalyvaujančių narių/);
    expect(translate('lt', 'commission.tie.chair')).toBe('Balsams pasiskirsčius po lygiai, lemia pirmininko balsas.');
    expect(translate('lt', 'commission.role.chair')).toBe('Pirmininkas');
  });

  it('has every label in both languages with the same {placeholders}', () => {
    expect(Object.keys(commissionEn).sort()).toEqual(Object.keys(commissionLt).sort());
    for (const key of Object.keys(commissionLt) as (keyof typeof commissionLt)[]) {
      expect(placeholdersOf(commissionEn[key]), key).toEqual(placeholdersOf(commissionLt[key]));
    }
  });
});
