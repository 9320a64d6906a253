/** Issue 17: what the start page's lines link to and how they name their case. */
import type { HomeCaseRef } from '../../shared/contract/homeSchemas';
import type { AdminProblem } from '../../shared/domain/workQueue';
import { routeHref } from '../router/routes';

/** The convict as a line names them: "Vardas Pavardė (B-2001)". */
export function caseName(c: Pick<HomeCaseRef, 'firstName' | 'lastName' | 'personalFileNo'>): string {
  return `${c.firstName} ${c.lastName} (${c.personalFileNo})`;
}

export function caseHref(caseId: string): string {
  return routeHref({ name: 'case', id: caseId });
}

export function meetingHref(meetingId: string): string {
  return routeHref({ name: 'meeting', id: meetingId });
}

/** Where the administrator puts each problem right: the settings, or the archive's backup. */
export function problemHref(problem: AdminProblem): string {
  return routeHref({ name: problem === 'noBackup' || problem === 'oldBackup' ? 'archive' : 'settings' });
}

/** The events after which the start page reads its lines again (a case, a meeting, a document, a user, the settings changed). */
export const HOME_EVENTS = ['cases.changed', 'meetings.changed', 'documents.changed', 'users.changed', 'settings.changed', 'commission.changed'] as const;
