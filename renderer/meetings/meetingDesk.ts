import { createContext, useContext } from 'react';
import type { AgendaItemView, MeetingView } from '../../shared/contract/meetingSchemas';

/**
 * What the parts of the meeting page share: the meeting as the back end last returned it, the
 * user's drafts, and the one queue every change goes through (see meetingAutosave.ts).
 */
export interface MeetingDesk {
  meetingId: string;
  /** The secretary runs the meeting; members and the chair read it. */
  canWrite: boolean;
  /** The latest view, read when a queued call runs (not when it was queued). */
  latest(): MeetingView;
  /** An agenda item of the latest view. */
  itemOf(caseId: string): AgendaItemView | undefined;
  /** The user's draft of a field, if any. */
  draft(key: string): string | undefined;
  /**
   * Typed text: shown at once, saved after a pause or when the field is left. `save` gets the
   * base the draft started from (`shown`, the back end's value when typing began, then what it saved).
   */
  edit(key: string, value: string, save: (value: string, base: string) => Promise<MeetingView>, shown: string): void;
  /** Why the field's last save was refused, while its draft waits. */
  failure(key: string): unknown;
  /** Keep the user's text over the back end's newer `base`, which they have now seen: save it again. */
  rebase(key: string, base: string): void;
  focus(key: string): void;
  blur(key: string): void;
  /** A choice: shown and saved at once; the promise rejects with the refusal. */
  choose(key: string, value: string, save: (value: string) => Promise<MeetingView>): Promise<void>;
  /** Whether typed text has not been saved yet (or its save was refused). */
  unsaved(): boolean;
  /** Any other call, after everything before it; rejects with the refusal. */
  run(task: () => Promise<MeetingView>): Promise<void>;
}

export const MeetingDeskContext = createContext<MeetingDesk | null>(null);

export function useMeetingDesk(): MeetingDesk {
  const desk = useContext(MeetingDeskContext);
  if (!desk) throw new Error('useMeetingDesk outside MeetingDeskContext');
  return desk;
}

/** The draft keys of the fields of one meeting (one draft per field). */
export const draftKey = {
  findings: (caseId: string, criterion: string) => `findings|${caseId}|${criterion}`,
  assessment: (caseId: string, criterion: string) => `assessment|${caseId}|${criterion}`,
  register: (caseId: string) => `register|${caseId}`,
  decision: (caseId: string) => `decision|${caseId}`,
  rationale: (caseId: string) => `rationale|${caseId}`,
  recused: (caseId: string, memberId: string) => `recused|${caseId}|${memberId}`,
  recusalReason: (caseId: string, memberId: string) => `recusalReason|${caseId}|${memberId}`,
  ballot: (caseId: string, memberId: string) => `ballot|${caseId}|${memberId}`,
  present: (memberId: string) => `present|${memberId}`,
};
