/**
 * The names of the case and meeting states, as the UI and the error texts show them. Apart from
 * caseStates and meetingStates (which re-export them) so that the error catalogue can name states
 * without importing the code that throws.
 */
import type { CaseState } from './caseStates';
import type { MeetingState } from './meetingStates';

/** `point` is the V-77 point a state comes from; empty where the order has none (withdrawal). */
export const CASE_STATE_LABELS: Readonly<Record<CaseState, { lt: string; en: string; point: string }>> = {
  request_received: { lt: 'Prašymas gautas', en: 'Request received', point: '5' },
  dossier_collecting: { lt: 'Renkama medžiaga', en: 'Dossier being collected', point: '6–7' },
  dossier_received: { lt: 'Medžiaga gauta', en: 'Dossier received', point: '7' },
  dossier_sent: { lt: 'Medžiaga išsiųsta kitai įstaigai', en: 'Dossier sent to the other institution', point: '7, 8' },
  ready_for_commission: { lt: 'Parengta komisijai', en: 'Ready for the commission', point: '8' },
  scheduled: { lt: 'Įtraukta į darbotvarkę', en: 'On the agenda', point: '9' },
  decided: { lt: 'Komisija nusprendė', en: 'Decided', point: '10' },
  listed: { lt: 'Įrašyta į sąrašą', en: 'On the transfer list', point: '12' },
  submitted_to_department: { lt: 'Pateiktas teikimas KD', en: 'Submitted to the Prison Department', point: '14' },
  transfer_ordered: { lt: 'Perkėlimas nuspręstas', en: 'Transfer ordered', point: '13, 17' },
  transferred: { lt: 'Perkeltas', en: 'Transferred', point: '22–25' },
  refused: { lt: 'Prašymas netenkintas', en: 'Refused', point: '15, 16, 18' },
  ineligible: { lt: 'Neatitinka sąlygų', en: 'Conditions not met', point: '6, 47' },
  returned: { lt: 'Grąžintas į pataisos namus', en: 'Returned', point: '44–46' },
  left: { lt: 'Išvyko iš pusiaukelės namų', en: 'Left the halfway house', point: '4' },
  withdrawn: { lt: 'Prašymas atsiimtas', en: 'Request withdrawn', point: '' },
};

export const MEETING_STATE_LABELS: Readonly<Record<MeetingState, { lt: string; en: string }>> = {
  planned: { lt: 'suplanuotas', en: 'planned' },
  open: { lt: 'vyksta', en: 'in progress' },
  closed: { lt: 'baigtas', en: 'closed' },
  cancelled: { lt: 'atšauktas', en: 'cancelled' },
};
