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

export { MEETING_STATE_LABELS } from './stateLabels';

/**
 * What may be done to a meeting in which state: its plan before it, its records during it, and
 * amendments of its frozen results after it (V-77 p. 11; the minutes follow the meeting). How
 * MEETING_STATE names each action is in the error catalogue (errorTexts/meetings).
 */
export const MEETING_ACTIONS = {
  changePlan: { in: ['planned'] },
  cancel: { in: ['planned'] },
  open: { in: ['planned'] },
  markAttendance: { in: ['open'] },
  changeRecords: { in: ['open'] },
  close: { in: ['open'] },
  amend: { in: ['closed'] },
} as const satisfies Record<string, { in: readonly MeetingState[] }>;

export type MeetingAction = keyof typeof MEETING_ACTIONS;

export function meetingAllows(state: MeetingState, action: MeetingAction): boolean {
  return (MEETING_ACTIONS[action].in as readonly MeetingState[]).includes(state);
}

/** Refuses `action` on a meeting in `state` (MEETING_STATE), in words the secretary understands. */
export function assertMeetingAction(state: MeetingState, action: MeetingAction): void {
  if (meetingAllows(state, action)) return;
  throw new DomainError('MEETING_STATE', { state, action });
}

/**
 * The one door through which a meeting changes its state: asserts the step is in the table and
 * stamps when (the moment is also kept as openedAt/closedAt where the meeting records it).
 */
export function applyMeetingStep<M extends { readonly state: MeetingState; readonly updatedAt: string }>(meeting: M, to: MeetingState, at: string): M {
  if (!MEETING_PREDECESSORS[to].includes(meeting.state)) {
    throw new DomainError('MEETING_STATE', { state: meeting.state, to });
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
