import type { ServiceContext, ServiceHandlers } from '../context';
import { closeActions } from './closeActions';
import { meetingAccess } from './meetingAccess';
import { planActions } from './planActions';
import { sessionActions } from './sessionActions';

type MeetingHandlers = Pick<
  ServiceHandlers,
  | 'meetings.list'
  | 'meetings.candidates'
  | 'meetings.get'
  | 'meetings.schedule'
  | 'meetings.update'
  | 'meetings.cancel'
  | 'meetings.open'
  | 'meetings.setAttendance'
  | 'meetings.recuse'
  | 'meetings.saveCriterion'
  | 'meetings.saveDecision'
  | 'meetings.vote'
  | 'meetings.newVote'
  | 'meetings.postpone'
  | 'meetings.close'
  | 'meetings.amend'
>;

/**
 * The commission's meetings (V-77 p. 9–11). This file registers the named actions; they live
 * beside it, by the part of the meeting they belong to: before it sits (planActions), in session
 * (sessionActions), and its close and amendments (closeActions).
 */
export function meetingsHandlers(ctx: ServiceContext): MeetingHandlers {
  const access = meetingAccess(ctx);
  return {
    ...planActions(ctx, access),
    ...sessionActions(ctx, access),
    ...closeActions(ctx, access),
  };
}
