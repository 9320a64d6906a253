/**
 * The texts of the commission's and its meetings' errors: the meeting's states, its agenda, the
 * vote (what keeps a proposal or a member from it, the quorum) and the close; and the words for
 * what keeps a meeting from closing, which the meeting's view lists.
 */
import type { CaseState } from '../caseStates';
import type { CloseObstacle } from '../meetingRules';
import type { MeetingAction, MeetingState } from '../meetingStates';
import { CASE_STATE_LABELS, MEETING_STATE_LABELS } from '../stateLabels';
import { entry } from './entry';

/** What may not be done to a meeting in a state, as MEETING_STATE says it ("… todėl negalima {lt}"). */
const ACTION_TEXTS: Readonly<Record<MeetingAction, { lt: string; en: string }>> = {
  changePlan: { lt: 'keisti jo plano', en: 'change its plan' },
  cancel: { lt: 'jo atšaukti', en: 'cancel it' },
  open: { lt: 'jo pradėti', en: 'open it' },
  markAttendance: { lt: 'žymėti dalyvių', en: 'mark attendance' },
  changeRecords: { lt: 'keisti jo įrašų', en: 'change its records' },
  close: { lt: 'jo uždaryti', en: 'close it' },
  amend: { lt: 'taisyti jo rezultatų (tai daroma posėdžio metu)', en: 'amend its results (they are edited during the meeting)' },
};

/** One thing keeping an open meeting from closing, as the meeting's view lists it. */
type CloseProblem = { readonly caseId?: string; readonly code: string; readonly lt: string; readonly en: string };

/** Whose vote was refused: the member and the case. */
type Ballot = { memberId: string; caseId: string };

export const MEETING_ERROR_TEXTS = {
  /** `action`: what was refused in `state`; `to`: the state the meeting could not step to. */
  MEETING_STATE: entry<{ state: MeetingState; action: MeetingAction } | { state: MeetingState; to: MeetingState }>(
    (p) =>
      'action' in p
        ? `Posėdis ${MEETING_STATE_LABELS[p.state].lt}, todėl negalima ${ACTION_TEXTS[p.action].lt}.`
        : `Posėdis ${MEETING_STATE_LABELS[p.state].lt}, todėl jis negali tapti „${MEETING_STATE_LABELS[p.to].lt}“.`,
    (p) =>
      'action' in p
        ? `The meeting is ${MEETING_STATE_LABELS[p.state].en}, so you cannot ${ACTION_TEXTS[p.action].en}.`
        : `The meeting is ${MEETING_STATE_LABELS[p.state].en}, so it cannot become ${MEETING_STATE_LABELS[p.to].en}.`,
  ),

  /** `problems`: the meeting view's closeProblems, each already in both languages. */
  MEETING_NOT_READY: entry<{ problems: readonly CloseProblem[] }>(
    (p) => `Posėdžio dar negalima uždaryti: ${p.problems.map((x) => x.lt).join(' ')}`,
    (p) => `The meeting cannot be closed yet: ${p.problems.map((x) => x.en).join(' ')}`,
  ),

  MEETING_CHANGED: entry<{ id: string; revision: number }>(
    () => 'Posėdis ką tik pakeistas kitame lange ar kito naudotojo. Atnaujinkite puslapį ir pakartokite veiksmą.',
    () => 'The meeting was just changed in another window or by another user. Reload the page and try again.',
  ),

  MEETING_NOT_YET: entry<{ date: string }>(
    (p) => `Posėdis numatytas ${p.date}; pradėti jį galima tą dieną. Jei posėdis vyksta anksčiau, pirmiausia pakeiskite jo datą.`,
    (p) => `The meeting is planned for ${p.date}; it can be opened on that day. If it is held earlier, change its date first.`,
  ),

  /** Without `date`: no commission at all; with it: no voting member on the meeting's day. */
  COMMISSION_REQUIRED: entry<{ date?: string }>(
    (p) =>
      p.date === undefined
        ? 'Pirmiausia įrašykite komisijos sudėtį (Komisija): narius, jų pareigas ir vaidmenis.'
        : `Posėdžio dieną (${p.date}) komisijoje nėra balsuojančių narių. Patikrinkite komisijos sudėtį.`,
    (p) =>
      p.date === undefined
        ? 'Set up the commission first (Commission): its members, their positions and roles.'
        : `On the meeting's day (${p.date}) the commission has no voting members. Check the commission.`,
  ),

  /** `amending`: an amendment after the meeting, to a case it did not decide. */
  ITEM_NOT_FOUND: entry<{ caseId: string; amending?: boolean }>(
    (p) => (p.amending ? 'Šioje byloje posėdis sprendimo nepriėmė, todėl taisyti nėra ko.' : 'Šios bylos posėdžio darbotvarkėje nėra.'),
    (p) => (p.amending ? 'The meeting adopted no decision on this case, so there is nothing to amend.' : 'This case is not on the meeting’s agenda.'),
  ),

  /** `state`: the case's state now (null when its file cannot be read). */
  ITEM_CLOSED: entry<{ caseId: string; state: CaseState | null }>(
    (p) => `Byla nebesvarstoma šiame posėdyje (jos būsena „${p.state === null ? 'neperskaitoma' : CASE_STATE_LABELS[p.state].lt}“).`,
    (p) => `The case is no longer before this meeting (its state is “${p.state === null ? 'unreadable' : CASE_STATE_LABELS[p.state].en}”).`,
  ),

  MEMBER_NOT_FOUND: entry<{ memberId: string }>(
    () => 'Tokio nario šio posėdžio sudėtyje nėra.',
    () => 'There is no such member in this meeting’s commission.',
  ),

  VOTE_COMPLETE: entry(
    () =>
      'Siūlymas jau priimtas balsavimu, todėl įvertinimų ir motyvų keisti nebegalima. Jei komisija nori juos keisti, pirmiausia atšaukite bent vieną balsą ir balsuokite iš naujo.',
    () =>
      'The proposal has been adopted by vote, so its assessments and reasons can no longer be changed. If the commission wants to change them, take back a vote first and vote again.',
  ),

  /** `refused`: the proposal could not be changed, or the case could not be postponed. */
  VOTE_IN_PROGRESS: entry<{ refused: 'proposal' | 'postponement' }>(
    (p) =>
      p.refused === 'proposal'
        ? 'Dėl šio siūlymo jau balsuojama arba jis priimtas, todėl jo pakeisti negalima. Jei reikia balsuoti iš naujo, pirmiausia atšaukite įrašytus balsus.'
        : 'Dėl šios bylos jau balsuojama arba sprendimas priimtas, todėl svarstymo atidėti negalima. Jei reikia, pirmiausia atšaukite įrašytus balsus.',
    (p) =>
      p.refused === 'proposal'
        ? 'The vote on this proposal has begun or it was adopted, so it cannot be changed. To vote again, first take back the recorded votes.'
        : 'The vote on this case has begun or the decision was adopted, so it cannot be postponed. If needed, first take back the recorded votes.',
  ),

  VOTE_NOT_REJECTED: entry(
    () => 'Naujas balsavimas pradedamas tik tada, kai siūlymas nepriimtas.',
    () => 'A new vote starts only after the proposal was not adopted.',
  ),

  // What keeps a proposal from the vote (shared/domain/meetingRules' ProposalObstacle); the meeting page warns of the same.

  ITEM_POSTPONED: entry<Ballot>(
    () => 'Bylos svarstymas atidėtas; balsuoti negalima.',
    () => 'The case was postponed; there is no vote.',
  ),

  DECISION_REQUIRED: entry<Ballot>(
    () => 'Pirmiausia pasirinkite siūlomą sprendimą (V-77 10 p.).',
    () => 'First choose the proposed decision (V-77 p. 10).',
  ),

  DECISION_NOT_OPEN: entry<Ballot & { decision: string; open: readonly string[] }>(
    (p) => `Siūlomas sprendimas ${p.decision} šiam nuteistajam negalimas (galimi ${p.open.join(' ir ')}, V-77 10 p.). Pasirinkite kitą siūlymą.`,
    (p) => `The proposed decision ${p.decision} is not open for this convict (open: ${p.open.join(' and ')}, V-77 p. 10). Choose another proposal.`,
  ),

  EVALUATION_INCOMPLETE: entry<Ballot & { missing: readonly string[] }>(
    (p) => `Prieš balsuojant įvertinkite visus kriterijus (V-77 11 p.). Neįvertinta: ${p.missing.join(', ')}.`,
    (p) => `Evaluate every criterion before the vote (V-77 p. 11). Not yet evaluated: ${p.missing.join(', ')}.`,
  ),

  RATIONALE_REQUIRED: entry<Ballot & { decision: string }>(
    (p) => `Sprendimas ${p.decision} turi būti motyvuotas: įrašykite motyvus prieš balsavimą.`,
    (p) => `Decision ${p.decision} must be reasoned: write the reasons before the vote.`,
  ),

  // What keeps a member from the vote (MemberObstacle), naming the member.

  MEMBER_NOT_VOTING: entry<Ballot & { name: string }>(
    (p) => `${p.name} komisijoje nebalsuoja.`,
    (p) => `${p.name} does not vote on the commission.`,
  ),

  MEMBER_ABSENT: entry<Ballot & { name: string }>(
    (p) => `${p.name} posėdyje nedalyvauja, todėl nebalsuoja.`,
    (p) => `${p.name} is not present, so does not vote.`,
  ),

  MEMBER_RECUSED: entry<Ballot & { name: string }>(
    (p) => `${p.name} šioje byloje nusišalino, todėl nebalsuoja.`,
    (p) => `${p.name} recused in this case, so does not vote.`,
  ),

  QUORUM_MISSING: entry<Ballot & { taking: number; voting: number; needed: number }>(
    (p) => `Nėra kvorumo: šioje byloje gali balsuoti ${p.taking} iš ${p.voting} komisijos narių, reikia bent ${p.needed}. Balsavimas neįrašomas.`,
    (p) => `No quorum: ${p.taking} of the commission's ${p.voting} members can vote on this case, at least ${p.needed} are needed. The vote is not recorded.`,
  ),

  // The commission's membership.

  COMMISSION_CHANGED: entry(
    () => 'Komisijos sudėtis ką tik pakeista kitame lange ar kito naudotojo. Atnaujinkite puslapį ir pakartokite.',
    () => 'The commission was just changed in another window or by another user. Reload the page and try again.',
  ),

  /** `name` sat on the meeting of `date`. */
  MEMBER_IN_USE: entry<{ memberId: string; name: string; date: string }>(
    (p) => `${p.name} dalyvavo ${p.date} posėdžio sudėtyje, todėl neištrinamas. Nurodykite narystės pabaigos datą.`,
    (p) => `${p.name} sat on the meeting of ${p.date}, so the member is not deleted. Give the date the membership ended.`,
  ),
};

/**
 * Why an open meeting cannot close because of one case (`who`: the convict, as the secretary's
 * screen names them); the meeting's view lists these as its closeProblems.
 */
export function closeObstacleText(o: CloseObstacle, who: string): { lt: string; en: string } {
  switch (o.code) {
    case 'DECISION_NOT_OPEN':
      return {
        lt: `${who}: priimtas sprendimas ${o.decision} šiam nuteistajam negalimas (pasikeitė prašymo duomenys; galimi ${o.open.join(' ir ')}, V-77 10 p.). Atšaukite balsus ir balsuokite dėl galimo sprendimo.`,
        en: `${who}: the adopted decision ${o.decision} is not open for this convict (the request changed; open: ${o.open.join(' and ')}, V-77 p. 10). Take back the votes and vote on an open decision.`,
      };
    case 'NOT_DECIDED':
      return { lt: `${who}: sprendimas nepriimtas. Balsuokite arba atidėkite bylos svarstymą.`, en: `${who}: no decision adopted. Vote, or postpone the case.` };
    case 'EVALUATION_INCOMPLETE':
      return { lt: `${who}: neįvertinta ${o.missing.join(', ')} (V-77 11 p.).`, en: `${who}: ${o.missing.join(', ')} not evaluated (V-77 p. 11).` };
    case 'RATIONALE_REQUIRED':
      return { lt: `${who}: sprendimas ${o.decision} turi būti motyvuotas – įrašykite motyvus.`, en: `${who}: decision ${o.decision} must be reasoned – write the reasons.` };
  }
}

/** The other reasons an open meeting cannot close: it is not open, or a case's file cannot be read. */
export const CLOSE_PROBLEM_TEXTS = {
  notOpen: { lt: 'Uždaryti galima tik vykstantį posėdį.', en: 'Only a meeting in progress can be closed.' },
  caseUnreadable: (who: string) => ({
    lt: `${who}: bylos failas neperskaitomas. Atkurkite jį iš atsarginės kopijos, tada uždarykite posėdį.`,
    en: `${who}: the case file cannot be read. Restore it from a backup, then close the meeting.`,
  }),
};
