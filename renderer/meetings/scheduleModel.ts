import type { MethodInput } from '../../shared/contract/methods';
import { meetingDetails, type AgendaCandidate, type MeetingListItem, type MeetingRecord } from '../../shared/contract/meetingSchemas';
import { validationMessage } from '../../shared/contract/validationMessages';
import { addWorkingDays, compareIso, isIsoDate, type IsoDate } from '../../shared/domain/calendar';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';
import type { MessageKey } from '../i18n/messages';
import { MESSAGES, translate, type Lang } from '../i18n/translate';

/** Scheduling a meeting (V-77 p. 9): its date, time, place and the cases on its agenda. */

export interface ScheduleValues {
  date: string;
  time: string;
  place: string;
  caseIds: readonly string[];
}

export type ScheduleInput = MethodInput<'meetings.schedule'>;

/** The place of the latest meeting that was not cancelled: the commission usually meets in the same room. */
export function lastPlace(meetings: readonly Pick<MeetingListItem, 'date' | 'time' | 'place' | 'state'>[]): string {
  let latest: (typeof meetings)[number] | undefined;
  for (const m of meetings) {
    if (m.state === 'cancelled' || m.place.trim() === '') continue;
    if (!latest || `${m.date} ${m.time}` > `${latest.date} ${latest.time}`) latest = m;
  }
  return latest?.place ?? '';
}

/** The form as it opens: the next working day at 10:00, in the usual place, no cases chosen. */
export function initialSchedule(today: IsoDate, meetings: readonly Pick<MeetingListItem, 'date' | 'time' | 'place' | 'state'>[] = []): ScheduleValues {
  return { date: addWorkingDays(today, 1), time: '10:00', place: lastPlace(meetings), caseIds: [] };
}

/** Issue 17: the form changing a planned meeting opens with its date, time, place and agenda. */
export function plannedSchedule(record: Pick<MeetingRecord, 'date' | 'time' | 'place' | 'agenda'>): ScheduleValues {
  return { date: record.date, time: record.time, place: record.place, caseIds: record.agenda.map((i) => i.caseId) };
}

/**
 * What a changed plan may put on the agenda: the cases already on it (whatever the date, each with
 * its p. 9 term counted against the date typed) and the cases ready for the commission.
 */
export function withAgenda(candidates: readonly AgendaCandidate[], agenda: readonly AgendaCandidate[], date: IsoDate): AgendaCandidate[] {
  const onAgenda = new Set(agenda.map((c) => c.caseId));
  const again = agenda.map((c) => ({ ...c, late: c.meetingDue !== undefined && compareIso(date, c.meetingDue) > 0 }));
  return [...again, ...candidates.filter((c) => !onAgenda.has(c.caseId))];
}

/** The input of `meetings.schedule` when every field is valid, and the errors by field otherwise. */
export function checkSchedule(values: ScheduleValues): { input: ScheduleInput | null; errors: FieldErrors } {
  const parsed = meetingDetails.safeParse({ date: values.date.trim(), time: values.time.trim(), place: values.place, caseIds: [...values.caseIds] });
  return parsed.success ? { input: parsed.data, errors: {} } : { input: null, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

/** Whether the date typed is a real date the candidates can be asked for. */
export function candidatesDate(date: string): IsoDate | null {
  const d = date.trim();
  return isIsoDate(d) ? d : null;
}

/**
 * The candidates most urgent first: by the p. 9 term (cases without one last), then the request
 * date, then the name.
 */
export function sortCandidates(candidates: readonly AgendaCandidate[]): AgendaCandidate[] {
  return [...candidates].sort((a, b) => {
    if (a.meetingDue !== b.meetingDue) {
      if (a.meetingDue === undefined) return 1;
      if (b.meetingDue === undefined) return -1;
      return compareIso(a.meetingDue, b.meetingDue);
    }
    return compareIso(a.requestDate, b.requestDate) || convictName(a).localeCompare(convictName(b), 'lt');
  });
}

export function convictName(c: Pick<AgendaCandidate, 'firstName' | 'lastName'>): string {
  return `${c.lastName} ${c.firstName}`.trim();
}

/** The cases still chosen after the candidates were fetched again (for a new date): those still offered. */
export function keepSelected(caseIds: readonly string[], candidates: readonly Pick<AgendaCandidate, 'caseId'>[]): string[] {
  const offered = new Set(candidates.map((c) => c.caseId));
  return caseIds.filter((id) => offered.has(id));
}

/** Choose or drop one case, keeping the candidates' order. */
export function toggleCase(caseIds: readonly string[], caseId: string, on: boolean, candidates: readonly Pick<AgendaCandidate, 'caseId'>[]): string[] {
  const chosen = new Set(caseIds);
  if (on) chosen.add(caseId);
  else chosen.delete(caseId);
  return candidates.map((c) => c.caseId).filter((id) => chosen.has(id));
}

/** How many cases are chosen, and how many of them would be decided after their p. 9 term. */
export function selectionSummary(caseIds: readonly string[], candidates: readonly AgendaCandidate[]): { n: number; late: number } {
  const chosen = new Set(caseIds);
  const picked = candidates.filter((c) => chosen.has(c.caseId));
  return { n: picked.length, late: picked.filter((c) => c.late).length };
}

/** A field error's text: the time's own message, else the shared VALIDATION message. */
export function scheduleErrorText(key: string, lang: Lang): string {
  const own = `schedule.error.${key}`;
  return own in MESSAGES[lang] ? translate(lang, own as MessageKey) : validationMessage(key, lang);
}
