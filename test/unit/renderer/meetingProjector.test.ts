import { describe, expect, it } from 'vitest';
import type { AgendaCandidate, AgendaItemView } from '../../../shared/contract/meetingSchemas';
import { firstOpenCase, nextOpenCase } from '../../../renderer/meetings/meetingSummary';
import { endsShowing, meetingOf, parseProjectorMessage, projectorBehind, projectorUrl, type ProjectorPosition } from '../../../renderer/meetings/projectorChannel';
import { projectorShowsTally } from '../../../renderer/meetings/ProjectorPage';
import { plannedSchedule, withAgenda } from '../../../renderer/meetings/scheduleModel';

const position: ProjectorPosition = { meetingId: 'm-1', source: 'page-a', caseId: 'c-2', step: '11.3', revision: 7 };

describe('issue 17: the projector window follows the secretary’s screen', () => {
  it('reads the meeting page’s position, the projector’s question and the page leaving; ignores anything else on the channel', () => {
    expect(parseProjectorMessage({ kind: 'position', position })).toEqual({ kind: 'position', position });
    expect(parseProjectorMessage({ kind: 'position', position: { ...position, caseId: null, step: 'vote' } })).toEqual({ kind: 'position', position: { ...position, caseId: null, step: 'vote' } });
    expect(parseProjectorMessage({ kind: 'ask', meetingId: 'm-1' })).toEqual({ kind: 'ask', meetingId: 'm-1' });
    expect(parseProjectorMessage({ kind: 'left', meetingId: 'm-1', source: 'page-a' })).toEqual({ kind: 'left', meetingId: 'm-1', source: 'page-a' });
    for (const junk of [
      null,
      'position',
      { kind: 'position' },
      { kind: 'position', position: { ...position, step: '11.10' } },
      { kind: 'position', position: { ...position, revision: '7' } },
      { kind: 'position', position: { ...position, caseId: 3 } },
      { kind: 'ask' },
      // Issue 17: a position or a leaving that does not say which page it comes from.
      { kind: 'position', position: { ...position, source: undefined } },
      { kind: 'left', meetingId: 'm-1' },
      { kind: 'navigate', meetingId: 'm-1' },
    ]) {
      expect(parseProjectorMessage(junk), JSON.stringify(junk)).toBeNull();
    }
    expect(meetingOf({ kind: 'position', position })).toBe('m-1');
    expect(meetingOf({ kind: 'ask', meetingId: 'm-2' })).toBe('m-2');
  });

  it('ends what it shows only when the page it follows leaves, not when another window of the meeting closes', () => {
    expect(endsShowing({ kind: 'left', meetingId: 'm-1', source: 'page-a' }, 'page-a')).toBe(true);
    expect(endsShowing({ kind: 'left', meetingId: 'm-1', source: 'page-b' }, 'page-a')).toBe(false);
    expect(endsShowing({ kind: 'left', meetingId: 'm-1', source: 'page-a' }, null)).toBe(false);
  });

  it('loads the meeting again when the secretary’s screen shows a newer revision (a saved finding, a ballot), not an older one', () => {
    expect(projectorBehind({ revision: 8 }, 7)).toBe(true);
    expect(projectorBehind({ revision: 7 }, 7)).toBe(false);
    expect(projectorBehind({ revision: 6 }, 7)).toBe(false);
    expect(projectorBehind({ revision: 1 }, null)).toBe(true);
  });

  it('opens on the same origin as the page (it shares the session), at #/meetings/<id>/projector', () => {
    expect(projectorUrl('a b/1', { origin: 'http://127.0.0.1:41234', pathname: '/' })).toBe('http://127.0.0.1:41234/#/meetings/a%20b%2F1/projector');
    expect(projectorUrl('m-1', { origin: 'app://pusiaukele', pathname: '/index.html' })).toBe('app://pusiaukele/index.html#/meetings/m-1/projector');
  });

  it('shows the tally of the case while its vote runs and once it has a result, not before', () => {
    const tally = (status: 'no_quorum' | 'incomplete' | 'adopted' | 'rejected') => ({ tally: { status } as AgendaItemView['tally'] });
    expect(projectorShowsTally(tally('incomplete'), 'vote')).toBe(true);
    expect(projectorShowsTally(tally('no_quorum'), 'vote')).toBe(true);
    expect(projectorShowsTally(tally('incomplete'), '11.2')).toBe(false);
    expect(projectorShowsTally(tally('adopted'), 'summary')).toBe(true);
    expect(projectorShowsTally(tally('rejected'), 'decision')).toBe(true);
    expect(projectorShowsTally({ tally: null }, 'vote')).toBe(false);
  });
});

function item(caseId: string, settled: 'adopted' | 'postponed' | 'open'): AgendaItemView {
  return {
    item: { caseId, ...(settled === 'adopted' ? { decision: '10.1' } : {}), ...(settled === 'postponed' ? { postponed: 'Trūksta išvados' } : {}) } as AgendaItemView['item'],
    active: true,
    tally: settled === 'adopted' ? ({ status: 'adopted' } as AgendaItemView['tally']) : null,
  } as AgendaItemView;
}

describe('issue 17: after a vote the secretary moves on explicitly (“Kitas klausimas”)', () => {
  it('the meeting starts at the first case still waiting for a decision (V-77 p. 10)', () => {
    expect(firstOpenCase({ items: [item('a', 'adopted'), item('b', 'open'), item('c', 'open')] })).toBe('b');
    expect(firstOpenCase({ items: [item('a', 'adopted')] })).toBe('a');
    expect(firstOpenCase({ items: [] })).toBeNull();
  });

  it('the next item is the next case still waiting after the one voted, from the top again after the last; none when all are settled', () => {
    const items = [item('a', 'open'), item('b', 'adopted'), item('c', 'postponed'), item('d', 'open')];
    expect(nextOpenCase({ items }, 'b')).toBe('d');
    expect(nextOpenCase({ items }, 'd')).toBe('a');
    expect(nextOpenCase({ items: [item('a', 'adopted'), item('b', 'open')] }, 'b')).toBeNull();
    expect(nextOpenCase({ items: [item('a', 'adopted'), item('b', 'postponed')] }, 'a')).toBeNull();
  });
});

const candidate = (caseId: string, meetingDue?: string): AgendaCandidate => ({
  caseId,
  firstName: 'Tomas',
  lastName: caseId,
  personalFileNo: `P-${caseId}`,
  requestDate: '2026-10-01',
  ...(meetingDue ? { meetingDue } : {}),
  late: false,
});

describe('issue 17: a planned meeting’s plan can be changed until it opens (V-77 p. 9)', () => {
  it('the form opens with the meeting’s date, time, place and agenda', () => {
    const agenda = [{ caseId: 'a' }, { caseId: 'b' }] as Parameters<typeof plannedSchedule>[0]['agenda'];
    expect(plannedSchedule({ date: '2026-11-25', time: '09:30', place: 'Salė 2', agenda })).toEqual({ date: '2026-11-25', time: '09:30', place: 'Salė 2', caseIds: ['a', 'b'] });
  });

  it('offers the cases on the agenda with their p. 9 term counted against the date typed, then the cases ready for the commission', () => {
    const offered = withAgenda([candidate('c', '2026-12-01'), candidate('a', '2026-11-24')], [candidate('a', '2026-11-24'), candidate('b')], '2026-11-26');
    expect(offered.map((c) => c.caseId)).toEqual(['a', 'b', 'c']);
    expect(offered.map((c) => c.late)).toEqual([true, false, false]);
    expect(withAgenda([], [candidate('a', '2026-11-24')], '2026-11-24')[0]!.late).toBe(false);
  });
});
