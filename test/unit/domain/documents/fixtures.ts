import type { Evaluation } from '../../../../shared/domain/evaluation';
import type { Block, DocumentModel } from '../../../../shared/domain/documents/documentModel';
import type {
  CaseFacts,
  CommissionDecisionFacts,
  InstitutionFacts,
  MeetingFacts,
  MeetingMemberFacts,
} from '../../../../shared/domain/documents/documentSources';

/**
 * Realistic sources for the document templates: a halfway-house institution, a convict serving
 * elsewhere (10.3/10.4) or here (10.1/10.2), a full evaluation of V-77 p. 11 and a commission.
 */

export const institution: InstitutionFacts = {
  name: 'Pravieniškių pataisos namai-atviroji kolonija',
  place: 'Pravieniškės',
  director: { name: 'Rūta Žemaitienė', position: 'Direktorė' },
};

export const HALFWAY_HOUSE = 'Pravieniškių pataisos namų-atvirosios kolonijos pusiaukelės namai';

/** Serves in another institution: the commission decides 10.3 or 10.4. */
export const caseElsewhere: CaseFacts = {
  convict: { firstName: 'Žygimantas', lastName: 'Čepulėnas', birthDate: '1988-03-14', personalFileNo: 'A-1234' },
  requestDate: '2026-10-01',
  possibleTransferDate: '2026-12-01',
  possibleParoleDate: '2027-06-01',
  sentenceEnd: '2028-03-01',
  servingInstitution: 'Marijampolės pataisos namai',
  halfwayHouse: HALFWAY_HOUSE,
};

/** Serves in the institution that runs the halfway house: the commission decides 10.1 or 10.2. */
export const caseHere: CaseFacts = {
  ...caseElsewhere,
  convict: { firstName: 'Ąžuolas', lastName: 'Šėmaitis', birthDate: '1992-07-30', personalFileNo: 'B-0077' },
  requestDate: '2026-09-15',
  servingInstitution: institution.name,
};

export const favourableEvaluation: Evaluation = {
  '11.1': { findings: 'Iki galimo lygtinio paleidimo liko 6 mėn. 12 d.', assessment: 'favourable' },
  '11.2': { findings: 'Pažeidimų nepadarė, paskatintas 4 kartus', assessment: 'favourable' },
  '11.3': { findings: 'Baigė programą „Pakeisk save“.', assessment: 'favourable' },
  '11.4': { findings: 'Plano priemonės įvykdytos.', assessment: 'favourable' },
  '11.5': { findings: 'OASys: rizika žema, sumažėjo nuo vidutinės.', assessment: 'favourable' },
  '11.6': { findings: 'Sutinka dirbti pasiūlytą darbą.', assessment: 'favourable' },
  '11.7': { findings: 'Nusikaltimas nuosavybei (vagystė).', assessment: 'neutral' },
  '11.8': { findings: '', assessment: 'favourable', onRegister: false },
  '11.9': { findings: 'Kitų aplinkybių nenustatyta.', assessment: 'neutral' },
};

export const unfavourableEvaluation: Evaluation = {
  ...favourableEvaluation,
  '11.2': { findings: 'Padaryti 3 pažeidimai, paskutinis – 2026 m. rugpjūčio 12 d.', assessment: 'unfavourable' },
  '11.5': { findings: 'OASys: rizika didelė, padidėjo.', assessment: 'unfavourable' },
};

export const REFUSAL_RATIONALE = 'Nuteistasis sistemingai pažeidinėjo bausmės atlikimo režimą, nusikalstamo elgesio rizika padidėjo';

export function commissionDecision<D extends CommissionDecisionFacts['decision']>(
  decision: D,
  evaluation: Evaluation = favourableEvaluation,
  rationale = '',
): CommissionDecisionFacts<D> {
  return { decision, minutes: { date: '2026-11-20', number: 'DK-12' }, rationale, evaluation };
}

export const members: MeetingMemberFacts[] = [
  { id: 'm1', name: 'Algirdas Šimkus', position: 'direktoriaus pavaduotojas', role: 'chair', votes: true },
  { id: 'm2', name: 'Ieva Kazlauskė', position: 'Resocializacijos skyriaus vyriausioji specialistė', role: 'secretary', votes: false },
  { id: 'm3', name: 'Dainius Jankūnas', position: 'Priežiūros skyriaus viršininkas', role: 'member', votes: true },
  { id: 'm4', name: 'Gintarė Vaitkevičiūtė', position: 'psichologė', role: 'member', votes: true },
  { id: 'm5', name: 'Tomas Kairys', position: 'socialinis darbuotojas', role: 'member', votes: true },
];

/** Four of five members present (Tomas Kairys absent); one case decided 10.3, one refused 10.4 after a recusal, one postponed. */
export const meeting: MeetingFacts = {
  date: '2026-11-20',
  time: '10:00',
  place: 'Administracinio pastato posėdžių salė',
  members,
  present: ['m1', 'm2', 'm3', 'm4'],
  quorumRule: 'more_than_half',
  agenda: [
    {
      outcome: 'decided',
      convict: caseElsewhere.convict,
      requestDate: caseElsewhere.requestDate,
      decision: '10.3',
      rationale: '',
      evaluation: favourableEvaluation,
      recusals: [],
      present: ['m1', 'm2', 'm3', 'm4'],
      ballots: { m1: 'for', m3: 'for', m4: 'abstain' },
      tally: { for: 2, against: 0, abstain: 1, decidedByChair: false },
      rejected: [],
    },
    {
      outcome: 'decided',
      convict: { firstName: 'Vytautas', lastName: 'Grigonis', personalFileNo: 'C-0310' },
      requestDate: '2026-10-05',
      decision: '10.4',
      rationale: REFUSAL_RATIONALE,
      evaluation: unfavourableEvaluation,
      recusals: [{ memberId: 'm4', reason: 'nuteistojo giminaitė' }],
      present: ['m1', 'm2', 'm3', 'm4'],
      ballots: { m1: 'for', m3: 'against' },
      tally: { for: 1, against: 1, abstain: 0, decidedByChair: true },
      rejected: [{ decision: '10.3', tally: { for: 1, against: 1, abstain: 0, decidedByChair: true } }],
    },
    {
      outcome: 'postponed',
      convict: { firstName: 'Mindaugas', lastName: 'Žilinskas', personalFileNo: 'D-0042' },
      requestDate: '2026-10-12',
      reason: 'Negauta socialinio tyrimo išvada (6.2)',
      recusals: [],
    },
  ],
};

/** Every text of a block, as a reader sees it (numbered items with their labels, table cells). */
function blockText(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return [block.text];
    case 'numbered':
      return block.items.map((item, i) => `${item.label ?? `${i + 1}.`} ${item.text}`);
    case 'table':
      return [block.columns.map((c) => c.title).join(' | '), ...block.rows.map((r) => r.join(' | '))];
  }
}

/** The body as lines of text. */
export function bodyLines(model: DocumentModel): string[] {
  return model.body.flatMap(blockText);
}

/** The body as one text, to look for a phrase. */
export function bodyOf(model: DocumentModel): string {
  return bodyLines(model).join('\n');
}

/** Every text of the document. */
export function allText(model: DocumentModel): string {
  return [
    model.institution,
    model.documentType,
    model.title,
    model.place,
    ...(model.addressees ?? []),
    bodyOf(model),
    ...model.annexes,
    ...model.signatures.flatMap((s) => [s.position, s.name]),
  ].join('\n');
}
