import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { openServices } from '../../electron/services/index';
import type { MeetingView } from '../../shared/contract/meetingSchemas';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { COMMISSION, evaluateAll, readyCase, seeingLatest } from '../helpers/meetings';
import { as, openAsStaff, staffSession } from '../helpers/users';

const TODAY = '2026-11-23';

/** Serves elsewhere (Vilnius): 10.3 / 10.4. */
const OTHER = DOSSIER_CASE_REQUEST;
/** Serves here, in the institution that runs the halfway house: 10.1 / 10.2. */
const OWN = { ...DOSSIER_CASE_REQUEST, firstName: 'Rimantas', lastName: 'Kazlauskas', personalFileNo: 'B-2002', servingInstitutionId: 'own' };

async function setUp(dataDir = tempDataDir()) {
  const opened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
  const services = { ...opened, dispatch: seeingLatest(opened.dispatch) };
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  await ok(services.dispatch, 'commission.save', { revision: 0, ...COMMISSION });
  const own = await readyCase(services.dispatch, OWN, '2026-11-20');
  const other = await readyCase(services.dispatch, OTHER, '2026-11-05');
  return { services, own, other, dataDir };
}

async function openMeeting(services: Awaited<ReturnType<typeof setUp>>['services'], caseIds: string[], date = TODAY) {
  const planned = await ok(services.dispatch, 'meetings.schedule', { date, time: '10:00', place: '201 kab.', caseIds });
  return ok(services.dispatch, 'meetings.open', { id: planned.record.id, revision: planned.record.revision });
}

const item = (view: MeetingView, caseId: string) => view.items.find((i) => i.item.caseId === caseId)!;

async function attend(services: Awaited<ReturnType<typeof setUp>>['services'], id: string, members: string[]) {
  let view: MeetingView | undefined;
  for (const memberId of members) view = await ok(services.dispatch, 'meetings.setAttendance', { id, memberId, present: true });
  return view!;
}

/** Members present, the nine criteria evaluated (V-77 p. 11) and `decision` put to the vote. */
async function propose(
  services: Awaited<ReturnType<typeof setUp>>['services'],
  id: string,
  caseId: string,
  present: string[],
  decision: '10.1' | '10.2' | '10.3' | '10.4',
  rationale = '',
  assessment: 'favourable' | 'unfavourable' | 'neutral' = 'favourable',
) {
  await attend(services, id, present);
  await evaluateAll(services.dispatch, id, caseId, assessment);
  return ok(services.dispatch, 'meetings.saveDecision', { id, caseId, decision, rationale });
}

async function voteAll(services: Awaited<ReturnType<typeof setUp>>['services'], id: string, caseId: string, ballots: Record<string, 'for' | 'against' | 'abstain'>) {
  let view: MeetingView | undefined;
  for (const [memberId, ballot] of Object.entries(ballots)) view = await ok(services.dispatch, 'meetings.vote', { id, caseId, memberId, ballot });
  return view!;
}

describe('the commission (DESIGN §1)', () => {
  it('is saved whole with its rules, refuses a stale copy, and one chair at a time', async () => {
    const services = await openAsStaff({ dataDir: tempDataDir(), today: TODAY, verifyOnOpen: false });
    expect(await ok(services.dispatch, 'commission.get', {})).toBeNull();
    const saved = await ok(services.dispatch, 'commission.save', { revision: 0, ...COMMISSION });
    expect(saved.revision).toBe(1);
    expect((await refused(services.dispatch, 'commission.save', { revision: 0, ...COMMISSION })).code).toBe('COMMISSION_CHANGED');
    const twoChairs = { ...COMMISSION, members: [...COMMISSION.members, { id: 'c2', name: 'Antras Pirmininkas', position: 'Pavaduotojas', role: 'chair' as const, votes: true, from: '2026-06-01' }] };
    const error = await refused(services.dispatch, 'commission.save', { revision: 1, ...twoChairs });
    expect(error.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(error.details)).toContain('secondChair');
    // A chair whose membership ended may be followed by another.
    const succession = { ...COMMISSION, members: [{ ...COMMISSION.members[0]!, until: '2026-05-31' }, ...COMMISSION.members.slice(1), twoChairs.members.at(-1)!] };
    expect((await ok(services.dispatch, 'commission.save', { revision: 1, ...succession })).revision).toBe(2);
    await services.close();
  });

  it('a member reads it; only the secretary or the administrator changes it', async () => {
    const services = await openServices({ dataDir: tempDataDir(), today: TODAY, verifyOnOpen: false });
    const admin = await staffSession(services);
    const { signedIn } = await import('../helpers/users');
    const member = await signedIn(services, admin, 'narys', ['member']);
    await ok(as(services, admin), 'commission.save', { revision: 0, ...COMMISSION });
    expect((await ok(as(services, member), 'commission.get', {}))?.members).toHaveLength(5);
    expect((await refused(as(services, member), 'commission.save', { revision: 1, ...COMMISSION })).code).toBe('FORBIDDEN');
    await services.close();
  });
});

describe('scheduling a meeting (V-77 p. 9)', () => {
  it('offers the cases ready for the commission with their p. 9 term, flags a meeting after it, and puts them on the agenda', async () => {
    const { services, own, other } = await setUp();
    const candidates = await ok(services.dispatch, 'meetings.candidates', { date: TODAY });
    // Received Fri 2026-11-20: 10 working days → Fri 2026-12-04. Received Thu 2026-11-05 → Thu 2026-11-19, already passed.
    expect(candidates.map((c) => [c.lastName, c.meetingDue, c.late])).toEqual([
      ['Čepulis', '2026-11-19', true],
      ['Kazlauskas', '2026-12-04', false],
    ]);
    const planned = await ok(services.dispatch, 'meetings.schedule', { date: '2026-11-25', time: '10:00', place: '201 kab.', caseIds: [own.record.id, other.record.id] });
    expect(planned.record.state).toBe('planned');
    expect(planned.items.map((i) => [i.candidate.lastName, i.candidate.late])).toEqual([
      ['Kazlauskas', false],
      ['Čepulis', true],
    ]);
    const list = await ok(services.dispatch, 'meetings.list', {});
    expect(list.meetings).toMatchObject([{ id: planned.record.id, cases: 2, late: 1, state: 'planned' }]);
    const scheduled = await ok(services.dispatch, 'cases.get', { id: own.record.id });
    expect(scheduled.record).toMatchObject({ state: 'scheduled', facts: { meetingId: planned.record.id } });
    expect(scheduled.record.timeline.at(-1)).toMatchObject({ to: 'scheduled', on: TODAY });
    // A case on one agenda is not offered for another, and cannot be put on it.
    expect(await ok(services.dispatch, 'meetings.candidates', { date: '2026-11-26' })).toEqual([]);
    const twice = await refused(services.dispatch, 'meetings.schedule', { date: '2026-11-26', time: '09:00', place: 'Salė', caseIds: [own.record.id] });
    expect(twice.code).toBe('INVALID_INPUT');
    await services.close();
  });

  it('the agenda and the decision are the meetings’: the step form refuses them (V-77 p. 9–10)', async () => {
    const { services, own } = await setUp();
    expect(own.nextStates).not.toContain('scheduled');
    const error = await refused(services.dispatch, 'cases.transition', { id: own.record.id, revision: own.record.revision, to: 'scheduled', on: TODAY });
    expect(error.code).toBe('STEP_BY_MEETING');
    await services.close();
  });

  it('a case taken off a planned agenda, or the agenda of a cancelled meeting, goes back to the commission', async () => {
    const { services, own, other } = await setUp();
    const planned = await ok(services.dispatch, 'meetings.schedule', { date: '2026-11-25', time: '10:00', place: '201 kab.', caseIds: [own.record.id, other.record.id] });
    const updated = await ok(services.dispatch, 'meetings.update', { id: planned.record.id, revision: planned.record.revision, date: '2026-11-26', time: '13:30', place: 'Salė', caseIds: [own.record.id] });
    expect(updated.record).toMatchObject({ date: '2026-11-26', time: '13:30', place: 'Salė' });
    expect(updated.items.map((i) => i.item.caseId)).toEqual([own.record.id]);
    expect((await ok(services.dispatch, 'cases.get', { id: other.record.id })).record.state).toBe('ready_for_commission');
    expect((await refused(services.dispatch, 'meetings.update', { id: planned.record.id, revision: planned.record.revision, date: '2026-11-26', time: '13:30', place: 'Salė', caseIds: [] })).code).toBe('MEETING_CHANGED');
    const cancelled = await ok(services.dispatch, 'meetings.cancel', { id: updated.record.id, revision: updated.record.revision, reason: 'Pirmininkas serga' });
    expect(cancelled.record.state).toBe('cancelled');
    const back = await ok(services.dispatch, 'cases.get', { id: own.record.id });
    expect(back.record.state).toBe('ready_for_commission');
    expect(back.record.facts.meetingId).toBeUndefined();
    await services.close();
  });

  it('issue 17: a planned meeting’s date, time, place and agenda can all be changed until it opens; then the plan is refused (MEETING_STATE)', async () => {
    const { services, own, other } = await setUp();
    const planned = await ok(services.dispatch, 'meetings.schedule', { date: '2026-11-26', time: '10:00', place: '201 kab.', caseIds: [own.record.id] });
    // Another case goes on it and the meeting moves to today, another hour and room.
    const changed = await ok(services.dispatch, 'meetings.update', { id: planned.record.id, revision: planned.record.revision, date: TODAY, time: '08:15', place: 'Posėdžių salė', caseIds: [own.record.id, other.record.id] });
    expect(changed.record).toMatchObject({ state: 'planned', date: TODAY, time: '08:15', place: 'Posėdžių salė' });
    expect(changed.items.map((i) => i.item.caseId)).toEqual([own.record.id, other.record.id]);
    expect((await ok(services.dispatch, 'cases.get', { id: other.record.id })).record).toMatchObject({ state: 'scheduled', facts: { meetingId: planned.record.id } });
    const opened = await ok(services.dispatch, 'meetings.open', { id: planned.record.id, revision: changed.record.revision });
    const refusal = await refused(services.dispatch, 'meetings.update', { id: planned.record.id, revision: opened.record.revision, date: TODAY, time: '11:00', place: 'Salė', caseIds: [own.record.id] });
    expect(refusal.code).toBe('MEETING_STATE');
    const still = await ok(services.dispatch, 'meetings.get', { id: planned.record.id });
    expect(still.record).toMatchObject({ state: 'open', time: '08:15', place: 'Posėdžių salė' });
    expect(still.items).toHaveLength(2);
    expect((await ok(services.dispatch, 'cases.get', { id: other.record.id })).record.state).toBe('scheduled');
    await services.close();
  });

  it('a meeting opens on its day, not before', async () => {
    const { services, own } = await setUp();
    const planned = await ok(services.dispatch, 'meetings.schedule', { date: '2026-11-25', time: '10:00', place: '201 kab.', caseIds: [own.record.id] });
    expect((await refused(services.dispatch, 'meetings.open', { id: planned.record.id, revision: planned.record.revision })).code).toBe('MEETING_NOT_YET');
    await services.close();
  });
});

describe('the meeting: quorum, recusal, evaluation and the vote (V-77 p. 10–11)', () => {
  it('keeps the membership it opened with when the commission changes later', async () => {
    const { services, own } = await setUp();
    const open = await openMeeting(services, [own.record.id]);
    expect(open.record.members).toHaveLength(5);
    const commission = (await ok(services.dispatch, 'commission.get', {}))!;
    const changed = {
      ...COMMISSION,
      members: [...COMMISSION.members.map((m) => (m.id === 'm3' ? { ...m, until: '2026-11-23' } : m)), { id: 'm4', name: 'Naujas Narys', position: 'Specialistas', role: 'member' as const, votes: true, from: '2026-11-24' }],
    };
    await ok(services.dispatch, 'commission.save', { revision: commission.revision, ...changed });
    const again = await ok(services.dispatch, 'meetings.get', { id: open.record.id });
    expect(again.members.map((m) => m.id)).toEqual(['chair', 'secretary', 'm1', 'm2', 'm3']);
    // Members who sat on a meeting are ended, never erased.
    const erased = await refused(services.dispatch, 'commission.save', { revision: commission.revision + 1, ...COMMISSION, members: COMMISSION.members.filter((m) => m.id !== 'm3') });
    expect(erased.code).toBe('MEMBER_IN_USE');
    await services.close();
  });

  it('refuses a vote without a quorum, before the evaluation is complete, and outside the two decisions open', async () => {
    const { services, own } = await setUp();
    const open = await openMeeting(services, [own.record.id]);
    const id = open.record.id;
    const caseId = own.record.id;
    // V-77 p. 10: this convict serves here, so 10.1 / 10.2 only.
    expect(item(open, caseId).possibleDecisions).toEqual(['10.1', '10.2']);
    expect((await refused(services.dispatch, 'meetings.saveDecision', { id, caseId, decision: '10.3', rationale: '' })).code).toBe('INVALID_INPUT');
    await ok(services.dispatch, 'meetings.saveDecision', { id, caseId, decision: '10.1', rationale: '' });
    await attend(services, id, ['chair', 'm1']);
    const early = await refused(services.dispatch, 'meetings.vote', { id, caseId, memberId: 'chair', ballot: 'for' });
    expect(early.code).toBe('EVALUATION_INCOMPLETE'); // V-77 p. 11: every criterion first
    await evaluateAll(services.dispatch, id, caseId);
    const noQuorum = await refused(services.dispatch, 'meetings.vote', { id, caseId, memberId: 'chair', ballot: 'for' });
    expect(noQuorum.code).toBe('QUORUM_MISSING');
    expect(noQuorum.message).toMatch(/Nėra kvorumo: .* 2 iš 5 .* bent 3/);
    const absent = await refused(services.dispatch, 'meetings.vote', { id, caseId, memberId: 'm2', ballot: 'for' });
    expect(absent.code).toBe('MEMBER_ABSENT');
    const view = await attend(services, id, ['m2']);
    expect(view.quorum).toMatchObject({ taking: 3, needed: 3, met: true });
    const voted = await voteAll(services, id, caseId, { chair: 'for', m1: 'for', m2: 'against' });
    expect(item(voted, caseId).tally).toMatchObject({ status: 'adopted', for: 2, against: 1, forNeeded: 2 });
    await services.close();
  });

  it('a recused member does not vote on that case, and recusals can take the quorum away', async () => {
    const { services, own } = await setUp();
    const open = await openMeeting(services, [own.record.id]);
    const id = open.record.id;
    const caseId = own.record.id;
    await propose(services, id, caseId, ['chair', 'm1', 'm2'], '10.1');
    const recused = await ok(services.dispatch, 'meetings.recuse', { id, caseId, memberId: 'm2', recused: true, reason: 'Giminystės ryšiai' });
    expect(item(recused, caseId).eligible).toEqual(['chair', 'm1']);
    expect(item(recused, caseId).tally).toMatchObject({ status: 'no_quorum', quorum: { taking: 2, needed: 3 } });
    expect((await refused(services.dispatch, 'meetings.vote', { id, caseId, memberId: 'm2', ballot: 'for' })).code).toBe('MEMBER_RECUSED');
    expect((await refused(services.dispatch, 'meetings.vote', { id, caseId, memberId: 'chair', ballot: 'for' })).code).toBe('QUORUM_MISSING');
    await attend(services, id, ['m3']);
    const voted = await voteAll(services, id, caseId, { chair: 'for', m1: 'for', m3: 'for' });
    expect(item(voted, caseId).tally).toMatchObject({ status: 'adopted', for: 3, eligible: 3 });
    expect(item(voted, caseId).item.recusals).toEqual([{ memberId: 'm2', reason: 'Giminystės ryšiai' }]);
    await services.close();
  });

  it('decision 10.4 needs its reasons before the vote (V-77 p. 16 motivated letter)', async () => {
    const { services, other } = await setUp();
    const open = await openMeeting(services, [other.record.id]);
    const id = open.record.id;
    const caseId = other.record.id;
    await propose(services, id, caseId, ['chair', 'm1', 'm2'], '10.4', '  ', 'unfavourable');
    expect((await refused(services.dispatch, 'meetings.vote', { id, caseId, memberId: 'chair', ballot: 'for' })).code).toBe('RATIONALE_REQUIRED');
    await ok(services.dispatch, 'meetings.saveDecision', { id, caseId, decision: '10.4', rationale: 'Galioja drausminė nuobauda.' });
    const voted = await voteAll(services, id, caseId, { chair: 'for', m1: 'for', m2: 'for' });
    expect(item(voted, caseId).tally?.status).toBe('adopted');
    await services.close();
  });

  it('a tie is decided by the chair; a rejected proposal stays on record and another vote follows', async () => {
    const { services, own } = await setUp();
    const open = await openMeeting(services, [own.record.id]);
    const id = open.record.id;
    const caseId = own.record.id;
    await propose(services, id, caseId, ['chair', 'secretary', 'm1', 'm2'], '10.1');
    const tie = await voteAll(services, id, caseId, { chair: 'against', secretary: 'for', m1: 'for', m2: 'against' });
    expect(item(tie, caseId).tally).toMatchObject({ status: 'rejected', tie: true, decidedByChair: true });
    const next = await ok(services.dispatch, 'meetings.newVote', { id, caseId });
    expect(item(next, caseId).item.rejected).toMatchObject([{ decision: '10.1', ballots: { chair: 'against', secretary: 'for' } }]);
    expect(item(next, caseId).item.decision).toBeUndefined();
    await ok(services.dispatch, 'meetings.saveDecision', { id, caseId, decision: '10.2', rationale: 'Balsų dauguma nepritarė perkėlimui.' });
    const second = await voteAll(services, id, caseId, { chair: 'for', secretary: 'against', m1: 'against', m2: 'for' });
    expect(item(second, caseId).tally).toMatchObject({ status: 'adopted', tie: true, decidedByChair: true });
    await services.close();
  });

  it('closes only when every case is decided or postponed, freezes the result, moves the cases, and takes amendments', async () => {
    const { services, own, other, dataDir } = await setUp();
    const open = await openMeeting(services, [own.record.id, other.record.id]);
    const id = open.record.id;
    await propose(services, id, own.record.id, ['chair', 'secretary', 'm1', 'm2', 'm3'], '10.1', 'Elgesys pavyzdingas.');
    const decided = await voteAll(services, id, own.record.id, { chair: 'for', secretary: 'for', m1: 'for', m2: 'abstain', m3: 'against' });
    expect(decided.closeProblems.map((p) => [p.caseId, p.code])).toEqual([[other.record.id, 'NOT_DECIDED']]);
    const notReady = await refused(services.dispatch, 'meetings.close', { id, revision: decided.record.revision });
    expect(notReady.code).toBe('MEETING_NOT_READY');
    expect((await refused(services.dispatch, 'meetings.postpone', { id, caseId: other.record.id, postponed: true })).code).toBe('INVALID_INPUT');
    const postponed = await ok(services.dispatch, 'meetings.postpone', { id, caseId: other.record.id, postponed: true, reason: 'Trūksta naujos rizikos vertinimo išvados' });
    const closed = await ok(services.dispatch, 'meetings.close', { id, revision: postponed.record.revision });
    expect(closed.record.state).toBe('closed');
    expect(item(closed, own.record.id).item.frozen).toMatchObject({
      outcome: 'decided',
      decision: '10.1',
      rationale: 'Elgesys pavyzdingas.',
      ballots: { chair: 'for', secretary: 'for', m1: 'for', m2: 'abstain', m3: 'against' },
      present: ['chair', 'secretary', 'm1', 'm2', 'm3'],
      tally: { status: 'adopted', for: 3, against: 1, abstain: 1 },
    });
    expect(item(closed, other.record.id).item.frozen).toMatchObject({ outcome: 'postponed', note: 'Trūksta naujos rizikos vertinimo išvados' });
    const ownCase = await ok(services.dispatch, 'cases.get', { id: own.record.id });
    // V-77 p. 12: the decision 10.1 enters the convict on the list by itself, the same day and in the same write.
    expect(ownCase.record).toMatchObject({ state: 'listed', facts: { decision: '10.1', meetingId: id, listedOn: TODAY } });
    expect(ownCase.record.timeline.slice(-2)).toMatchObject([
      { from: 'scheduled', to: 'decided', on: TODAY, decision: '10.1' },
      { from: 'decided', to: 'listed', on: TODAY },
    ]);
    expect(ownCase.nextStates).not.toContain('listed');
    expect((await ok(services.dispatch, 'cases.get', { id: other.record.id })).record.state).toBe('ready_for_commission');
    // Frozen: nothing of the meeting changes silently any more.
    expect((await refused(services.dispatch, 'meetings.vote', { id, caseId: own.record.id, memberId: 'm3', ballot: 'for' })).code).toBe('MEETING_STATE');
    expect((await refused(services.dispatch, 'meetings.saveCriterion', { id, caseId: own.record.id, criterion: '11.2', findings: 'kita' })).code).toBe('MEETING_STATE');
    // A correction is an amendment: who, when, why; the frozen copy stays as it was.
    const amended = await ok(services.dispatch, 'meetings.amend', { id, caseId: own.record.id, field: 'findings', criterion: '11.2', value: 'Nuobaudų neturi, du paskatinimai.', reason: 'Rašybos klaida protokole' });
    const a = item(amended, own.record.id);
    expect(a.item.frozen?.evaluation['11.2']?.findings).toBe('11.2: išvados');
    expect(a.amended?.evaluation['11.2']?.findings).toBe('Nuobaudų neturi, du paskatinimai.');
    expect(a.item.amendments).toMatchObject([{ field: 'findings', criterion: '11.2', before: '11.2: išvados', after: 'Nuobaudų neturi, du paskatinimai.', reason: 'Rašybos klaida protokole', by: { name: 'Ona Administratorė' } }]);
    const trail = await ok(services.dispatch, 'audit.list', { subjectId: id });
    expect(trail.map((e) => e.method)).toContain('meetings.amend');
    await services.close();
    // At rest the meeting is sealed: no name or finding in clear, and it reads back the same after a restart.
    const files = readdirSync(join(dataDir, 'meetings'));
    expect(files).toHaveLength(1);
    const raw = readFileSync(join(dataDir, 'meetings', files[0]!));
    expect(raw.includes(Buffer.from('Kazlauskas'))).toBe(false);
    expect(raw.includes(Buffer.from('pavyzdingas'))).toBe(false);
    const reopened = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const again = await ok(reopened.dispatch, 'meetings.get', { id });
    expect(item(again, own.record.id).item.frozen?.decision).toBe('10.1');
    await reopened.close();
  });

  it('marking a member absent takes back their votes on undecided cases', async () => {
    const { services, own } = await setUp();
    const open = await openMeeting(services, [own.record.id]);
    const id = open.record.id;
    const caseId = own.record.id;
    await propose(services, id, caseId, ['chair', 'm1', 'm2', 'm3'], '10.1');
    await voteAll(services, id, caseId, { chair: 'for', m3: 'against' });
    const left = await ok(services.dispatch, 'meetings.setAttendance', { id, memberId: 'm3', present: false });
    expect(item(left, caseId).item.ballots).toEqual({ chair: 'for' });
    expect(item(left, caseId).tally).toMatchObject({ status: 'incomplete', waiting: 2, eligible: 3 });
    await services.close();
  });

  it('a vote already complete keeps the attendance it had: a member leaving later changes nothing of it', async () => {
    const { services, own, other } = await setUp();
    const open = await openMeeting(services, [own.record.id, other.record.id]);
    const id = open.record.id;
    await propose(services, id, own.record.id, ['chair', 'm1', 'm2'], '10.1');
    await voteAll(services, id, own.record.id, { chair: 'for', m1: 'for', m2: 'for' });
    // m2 leaves and m3 arrives before the next case.
    await ok(services.dispatch, 'meetings.setAttendance', { id, memberId: 'm2', present: false });
    const later = await attend(services, id, ['m3']);
    expect(item(later, own.record.id).tally).toMatchObject({ status: 'adopted', for: 3 });
    expect(item(later, own.record.id).item.present).toEqual(['chair', 'm1', 'm2']);
    expect(item(later, other.record.id).eligible).toEqual(['chair', 'm1', 'm3']);
    // The recusal is recorded with its reason, for the minutes.
    expect((await refused(services.dispatch, 'meetings.recuse', { id, caseId: other.record.id, memberId: 'm3', recused: true })).code).toBe('INVALID_INPUT');
    // V-77 p. 11: the evaluation the vote rests on is not emptied after it.
    expect((await refused(services.dispatch, 'meetings.saveCriterion', { id, caseId: own.record.id, criterion: '11.3', findings: '', assessment: null })).code).toBe('VOTE_COMPLETE');
    const ready = await ok(services.dispatch, 'meetings.postpone', { id, caseId: other.record.id, postponed: true, reason: 'Laiko stoka' });
    const closed = await ok(services.dispatch, 'meetings.close', { id, revision: ready.record.revision });
    expect(item(closed, own.record.id).item.frozen?.present).toEqual(['chair', 'm1', 'm2']);
    await services.close();
  });

  it('a case file that cannot be read keeps the meeting open; once restored, the close moves each case once', async () => {
    const { services, own, other, dataDir } = await setUp();
    const open = await openMeeting(services, [own.record.id, other.record.id]);
    const id = open.record.id;
    await propose(services, id, own.record.id, ['chair', 'm1', 'm2'], '10.1');
    await voteAll(services, id, own.record.id, { chair: 'for', m1: 'for', m2: 'for' });
    const postponed = await ok(services.dispatch, 'meetings.postpone', { id, caseId: other.record.id, postponed: true, reason: 'Trūksta dokumentų' });
    // A case file that cannot be read keeps the meeting from closing: nothing is frozen or moved.
    const caseFile = join(dataDir, 'cases', `${other.record.id}.json`);
    const kept = readFileSync(caseFile);
    rmSync(caseFile);
    mkdirSync(caseFile);
    expect((await refused(services.dispatch, 'meetings.close', { id, revision: postponed.record.revision })).code).toBe('MEETING_NOT_READY');
    expect(item(await ok(services.dispatch, 'meetings.get', { id }), own.record.id).item.frozen).toBeUndefined();
    rmSync(caseFile, { recursive: true });
    writeFileSync(caseFile, kept);
    const half = await ok(services.dispatch, 'meetings.get', { id });
    const closed = await ok(services.dispatch, 'meetings.close', { id, revision: half.record.revision });
    expect(closed.record.state).toBe('closed');
    expect(item(closed, own.record.id).item.frozen).toMatchObject({ outcome: 'decided', decision: '10.1', tally: { status: 'adopted', for: 3 } });
    const decided = await ok(services.dispatch, 'cases.get', { id: own.record.id });
    // V-77 p. 12: decided 10.1 and, by that decision, on the list.
    expect(decided.record.state).toBe('listed');
    expect(decided.record.timeline.filter((e) => e.to === 'decided')).toHaveLength(1);
    expect(decided.record.timeline.filter((e) => e.to === 'listed')).toHaveLength(1);
    expect((await ok(services.dispatch, 'cases.get', { id: other.record.id })).record.state).toBe('ready_for_commission');
    await services.close();
  });

  it('what was voted on is not changed under the members: the proposal, its postponement, its assessments and reasons', async () => {
    const { services, own } = await setUp();
    const open = await openMeeting(services, [own.record.id]);
    const id = open.record.id;
    const caseId = own.record.id;
    await propose(services, id, caseId, ['chair', 'm1', 'm2'], '10.1', 'Pavyzdingas elgesys.');
    await ok(services.dispatch, 'meetings.vote', { id, caseId, memberId: 'chair', ballot: 'for' });
    expect((await refused(services.dispatch, 'meetings.saveDecision', { id, caseId, decision: '10.2', rationale: 'Kita.' })).code).toBe('VOTE_IN_PROGRESS');
    expect((await refused(services.dispatch, 'meetings.postpone', { id, caseId, postponed: true, reason: 'Vėliau' })).code).toBe('VOTE_IN_PROGRESS');
    await voteAll(services, id, caseId, { m1: 'for', m2: 'for' });
    expect((await refused(services.dispatch, 'meetings.saveDecision', { id, caseId, decision: '10.1', rationale: 'Kiti motyvai.' })).code).toBe('VOTE_COMPLETE');
    expect((await refused(services.dispatch, 'meetings.saveCriterion', { id, caseId, criterion: '11.2', findings: '11.2: išvados', assessment: 'unfavourable' })).code).toBe('VOTE_COMPLETE');
    // Findings may still be completed; taking back a vote reopens it.
    await ok(services.dispatch, 'meetings.saveCriterion', { id, caseId, criterion: '11.2', findings: 'Papildyta: du paskatinimai.' });
    await ok(services.dispatch, 'meetings.vote', { id, caseId, memberId: 'm2', ballot: null });
    await ok(services.dispatch, 'meetings.saveCriterion', { id, caseId, criterion: '11.2', findings: 'Papildyta: du paskatinimai.', assessment: 'neutral' });
    await services.close();
  });

  it('V-77 p. 10: a decision adopted for a convict whose request then changed to another institution cannot be closed', async () => {
    const { services, own } = await setUp();
    const open = await openMeeting(services, [own.record.id]);
    const id = open.record.id;
    await propose(services, id, own.record.id, ['chair', 'm1', 'm2'], '10.1');
    await voteAll(services, id, own.record.id, { chair: 'for', m1: 'for', m2: 'for' });
    const current = await ok(services.dispatch, 'cases.get', { id: own.record.id });
    const error = await refused(services.dispatch, 'cases.updateRequest', { id: own.record.id, revision: current.record.revision, request: { ...OWN, servingInstitutionId: 'vilnius' } });
    expect(error.code).toBe('CASE_IN_MEETING');
    await services.close();
  });
});
