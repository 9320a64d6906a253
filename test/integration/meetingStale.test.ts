// Issue 13, no silent overwrites: two windows write one meeting at once (V-77 p. 10–11: the
// secretary records the evaluation, the proposal and the votes as the meeting goes). A change says
// what it was based on; fields merge one by one, and a field another window changed meanwhile is
// refused (STALE_REVISION) with what it holds now, never overwritten unseen.
import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { MeetingView } from '../../shared/contract/meetingSchemas';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { COMMISSION, evaluateAll, readyCase } from '../helpers/meetings';
import { openAsStaff } from '../helpers/users';

const TODAY = '2026-11-23';
const OWN = { ...DOSSIER_CASE_REQUEST, firstName: 'Rimantas', lastName: 'Kazlauskas', personalFileNo: 'B-2002', servingInstitutionId: 'own' };
const EMPTY = { findings: '', assessment: null, onRegister: null };

async function openMeeting() {
  const services = await openAsStaff({ dataDir: tempDataDir(), today: TODAY, verifyOnOpen: false });
  // Two windows of the secretary's: two sessions.
  const second = (await ok(services.dispatch, 'auth.login', { username: 'admin', password: 'Admin-slaptazodis-1' })).session;
  const a = services.dispatch;
  const b: typeof a = (m, i) => services.dispatch(m, i, second);
  await ok(a, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  await ok(a, 'commission.save', { revision: 0, ...COMMISSION });
  const own = await readyCase(a, OWN, '2026-11-20');
  const planned = await ok(a, 'meetings.schedule', { date: TODAY, time: '10:00', place: '201 kab.', caseIds: [own.record.id] });
  const view = await ok(a, 'meetings.open', { id: planned.record.id, revision: planned.record.revision });
  for (const m of COMMISSION.members) await ok(a, 'meetings.setAttendance', { id: view.record.id, memberId: m.id, present: true });
  return { services, a, b, id: view.record.id, caseId: own.record.id };
}

const itemOf = (view: MeetingView, caseId: string) => view.items.find((i) => i.item.caseId === caseId)!.item;

describe('two windows on one meeting (issue 13, V-77 p. 10–11)', () => {
  it('findings typed in one window are never overwritten by another that had not seen them', async () => {
    const { services, a, b, id, caseId } = await openMeeting();
    try {
      await ok(a, 'meetings.saveCriterion', { id, caseId, criterion: '11.3', findings: 'A: du paskatinimai.', basedOn: EMPTY });
      // Window B still shows the empty field and saves its own text: refused, with A's text.
      const stale = await refused(b, 'meetings.saveCriterion', { id, caseId, criterion: '11.3', findings: 'B: nuobaudų nėra.', basedOn: EMPTY });
      expect(stale.code).toBe('STALE_REVISION');
      expect(stale.params).toMatchObject({ kind: 'meeting', id, caseId, changed: ['evaluation.11.3.findings'], current: { findings: 'A: du paskatinimai.' } });
      expect(itemOf(await ok(a, 'meetings.get', { id }), caseId).evaluation['11.3']?.findings).toBe('A: du paskatinimai.');
      // Having seen it, B may replace it.
      await ok(b, 'meetings.saveCriterion', { id, caseId, criterion: '11.3', findings: 'B: nuobaudų nėra.', basedOn: { ...EMPTY, findings: 'A: du paskatinimai.' } });
      expect(itemOf(await ok(a, 'meetings.get', { id }), caseId).evaluation['11.3']?.findings).toBe('B: nuobaudų nėra.');
    } finally {
      await services.close();
    }
  });

  it('different fields merge: one window sets the assessment, the other keeps typing the findings', async () => {
    const { services, a, b, id, caseId } = await openMeeting();
    try {
      await ok(a, 'meetings.saveCriterion', { id, caseId, criterion: '11.2', findings: 'Pradžia.', basedOn: EMPTY });
      const seen = { ...EMPTY, findings: 'Pradžia.' };
      await ok(a, 'meetings.saveCriterion', { id, caseId, criterion: '11.2', findings: 'Pradžia.', assessment: 'favourable', basedOn: seen });
      // B has not seen the assessment; it changes only the findings, so the assessment stays.
      const view = await ok(b, 'meetings.saveCriterion', { id, caseId, criterion: '11.2', findings: 'Pradžia. Tęsinys.', basedOn: seen });
      expect(itemOf(view, caseId).evaluation['11.2']).toEqual({ findings: 'Pradžia. Tęsinys.', assessment: 'favourable' });
      // Saving the same value another window already saved is no conflict.
      await ok(b, 'meetings.saveCriterion', { id, caseId, criterion: '11.2', findings: 'Pradžia. Tęsinys.', assessment: 'favourable', basedOn: seen });
    } finally {
      await services.close();
    }
  });

  it('the proposal and its reasons merge per field; a proposal changed meanwhile is refused', async () => {
    const { services, a, b, id, caseId } = await openMeeting();
    try {
      const nothing = { decision: null, rationale: '' };
      await ok(a, 'meetings.saveDecision', { id, caseId, decision: '10.1', rationale: '', basedOn: nothing });
      // B types reasons without having seen the proposal: reasons are written for a proposal, so
      // they are refused rather than attached to one B never saw (V-77 p. 10: a reasoned decision).
      const unseen = await refused(b, 'meetings.saveDecision', { id, caseId, decision: null, rationale: 'Elgesys pozityvus.', basedOn: nothing });
      expect(unseen).toMatchObject({ code: 'STALE_REVISION', params: { changed: ['decision'], current: { decision: '10.1', rationale: '' } } });
      // Having seen it, B's reasons go with A's proposal; a choice alone leaves the reasons as they are.
      const merged = await ok(b, 'meetings.saveDecision', { id, caseId, decision: '10.1', rationale: 'Elgesys pozityvus.', basedOn: { decision: '10.1', rationale: '' } });
      expect(itemOf(merged, caseId)).toMatchObject({ decision: '10.1', rationale: 'Elgesys pozityvus.' });
      // B chooses another proposal, based on none: A's choice is not silently replaced.
      const stale = await refused(b, 'meetings.saveDecision', { id, caseId, decision: '10.2', rationale: 'Elgesys pozityvus.', basedOn: { decision: null, rationale: 'Elgesys pozityvus.' } });
      expect(stale).toMatchObject({ code: 'STALE_REVISION', params: { changed: ['decision'], current: { decision: '10.1' } } });
      expect(itemOf(await ok(a, 'meetings.get', { id }), caseId)).toMatchObject({ decision: '10.1', rationale: 'Elgesys pozityvus.' });
    } finally {
      await services.close();
    }
  });

  it('a recusal reason and a postponement reason typed in another window are not overwritten unseen', async () => {
    const { services, a, b, id, caseId } = await openMeeting();
    try {
      const none = { recused: false, reason: '' };
      await ok(a, 'meetings.recuse', { id, caseId, memberId: 'm3', recused: true, reason: 'Giminystės ryšys.', basedOn: none });
      const stale = await refused(b, 'meetings.recuse', { id, caseId, memberId: 'm3', recused: true, reason: 'Asmeninė pažintis.', basedOn: none });
      expect(stale).toMatchObject({ code: 'STALE_REVISION', params: { changed: ['recusals.m3.reason'], current: { recused: true, reason: 'Giminystės ryšys.' } } });
      const kept = await ok(a, 'meetings.get', { id });
      expect(itemOf(kept, caseId).recusals).toEqual([{ memberId: 'm3', reason: 'Giminystės ryšys.' }]);

      await ok(a, 'meetings.postpone', { id, caseId, postponed: true, reason: 'Trūksta 6.4 pažymos.', basedOn: { postponed: false, reason: '' } });
      const late = await refused(b, 'meetings.postpone', { id, caseId, postponed: true, reason: 'Nuteistasis serga.', basedOn: { postponed: false, reason: '' } });
      expect(late).toMatchObject({ code: 'STALE_REVISION', params: { current: { postponed: true, reason: 'Trūksta 6.4 pažymos.' } } });
      expect(itemOf(await ok(a, 'meetings.get', { id }), caseId).postponed).toBe('Trūksta 6.4 pažymos.');
    } finally {
      await services.close();
    }
  });

  it('a ballot recorded in one window is not replaced by another that had not seen it', async () => {
    const { services, a, b, id, caseId } = await openMeeting();
    try {
      await evaluateAll(a, id, caseId);
      await ok(a, 'meetings.saveDecision', { id, caseId, decision: '10.1', rationale: '', basedOn: { decision: null, rationale: '' } });
      await ok(a, 'meetings.vote', { id, caseId, memberId: 'm1', ballot: 'for', basedOn: null });
      const stale = await refused(b, 'meetings.vote', { id, caseId, memberId: 'm1', ballot: 'against', basedOn: null });
      expect(stale).toMatchObject({ code: 'STALE_REVISION', params: { changed: ['ballots.m1'], current: { ballot: 'for' } } });
      expect(itemOf(await ok(a, 'meetings.get', { id }), caseId).ballots).toEqual({ m1: 'for' });
      // Another member's ballot is another field: no conflict.
      await ok(b, 'meetings.vote', { id, caseId, memberId: 'm2', ballot: 'for', basedOn: null });
      // A call that changes nothing it saw (ballot = basedOn) keeps what is recorded now.
      const unchanged = await ok(b, 'meetings.vote', { id, caseId, memberId: 'm1', ballot: null, basedOn: null });
      expect(itemOf(unchanged, caseId).ballots).toEqual({ m1: 'for', m2: 'for' });
      // Having seen m1's ballot, B may change it.
      const changed = await ok(b, 'meetings.vote', { id, caseId, memberId: 'm1', ballot: 'against', basedOn: 'for' });
      expect(itemOf(changed, caseId).ballots).toEqual({ m1: 'against', m2: 'for' });
    } finally {
      await services.close();
    }
  });
});
