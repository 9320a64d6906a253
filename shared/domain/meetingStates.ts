import { DomainError } from './errors';

/**
 * The life of a commission meeting (V-77 p. 9–11): planned with its agenda, opened on its day,
 * closed once every case on it is decided or postponed; a planned meeting may be cancelled.
 * Each state lists its allowed predecessors, as the case states do.
 */
export const MEETING_STATES = ['planned', 'open', 'closed', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const MEETING_PREDECESSORS: Readonly<Record<MeetingState, readonly MeetingState[]>> = {
  planned: [],
  open: ['planned'],
  closed: ['open'],
  cancelled: ['planned'],
};

export const MEETING_STATE_LABELS: Readonly<Record<MeetingState, { lt: string; en: string }>> = {
  planned: { lt: 'suplanuotas', en: 'planned' },
  open: { lt: 'vyksta', en: 'in progress' },
  closed: { lt: 'baigtas', en: 'closed' },
  cancelled: { lt: 'atšauktas', en: 'cancelled' },
};

/**
 * What may be done to a meeting in which state: its plan before it, its records during it, and
 * amendments of its frozen results after it (V-77 p. 11; the minutes follow the meeting).
 */
export const MEETING_ACTIONS = {
  changePlan: { in: ['planned'], lt: 'keisti jo plano', en: 'change its plan' },
  cancel: { in: ['planned'], lt: 'jo atšaukti', en: 'cancel it' },
  open: { in: ['planned'], lt: 'jo pradėti', en: 'open it' },
  markAttendance: { in: ['open'], lt: 'žymėti dalyvių', en: 'mark attendance' },
  changeRecords: { in: ['open'], lt: 'keisti jo įrašų', en: 'change its records' },
  close: { in: ['open'], lt: 'jo uždaryti', en: 'close it' },
  amend: { in: ['closed'], lt: 'taisyti jo rezultatų (tai daroma posėdžio metu)', en: 'amend its results (they are edited during the meeting)' },
} as const satisfies Record<string, { in: readonly MeetingState[]; lt: string; en: string }>;

export type MeetingAction = keyof typeof MEETING_ACTIONS;

export function meetingAllows(state: MeetingState, action: MeetingAction): boolean {
  return (MEETING_ACTIONS[action].in as readonly MeetingState[]).includes(state);
}

/** Refuses `action` on a meeting in `state` (MEETING_STATE), in words the secretary understands. */
export function assertMeetingAction(state: MeetingState, action: MeetingAction): void {
  if (meetingAllows(state, action)) return;
  const s = MEETING_STATE_LABELS[state];
  const a = MEETING_ACTIONS[action];
  throw new DomainError('MEETING_STATE', `Posėdis ${s.lt}, todėl negalima ${a.lt}.`, `The meeting is ${s.en}, so you cannot ${a.en}.`, { state });
}

/**
 * The one door through which a meeting changes its state: asserts the step is in the table and
 * stamps when (the moment is also kept as openedAt/closedAt where the meeting records it).
 */
export function applyMeetingStep<M extends { readonly state: MeetingState; readonly updatedAt: string }>(meeting: M, to: MeetingState, at: string): M {
  if (!MEETING_PREDECESSORS[to].includes(meeting.state)) {
    const a = MEETING_STATE_LABELS[meeting.state];
    const b = MEETING_STATE_LABELS[to];
    throw new DomainError(
      'MEETING_STATE',
      `Posėdis ${a.lt}, todėl jis negali tapti „${b.lt}“.`,
      `The meeting is ${a.en}, so it cannot become ${b.en}.`,
      { state: meeting.state, to },
    );
  }
  return {
    ...meeting,
    state: to,
    updatedAt: at,
    ...(to === 'open' ? { openedAt: at } : {}),
    ...(to === 'closed' ? { closedAt: at } : {}),
  } as M;
}

/** A newly planned meeting (V-77 p. 9): its first state. */
export function plannedMeeting<M extends object>(fields: M): M & { state: 'planned' } {
  return { ...fields, state: 'planned' };
}
