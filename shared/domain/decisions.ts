/**
 * V-77 p. 10: the disciplinary commission adopts exactly one of four decisions, each a proposal to
 * the director. Which two are possible depends on where the convict serves the sentence.
 */
export type DecisionId = '10.1' | '10.2' | '10.3' | '10.4';

export interface Decision {
  id: DecisionId;
  /** The V-77 point. */
  point: string;
  /** own: the convict serves in the institution that runs the halfway house; other: elsewhere. */
  applies: 'own' | 'other';
  /** The decision favours the transfer. */
  positive: boolean;
  /** The V-77 points of what follows the decision. */
  followUp: string;
  lt: string;
  en: string;
}

export const DECISIONS: readonly Decision[] = [
  {
    id: '10.1',
    point: '10.1',
    applies: 'own',
    positive: true,
    followUp: '12, 13, 15', // listed; the director's order, or a motivated decision not to implement
    lt: 'Teikti siūlymą direktoriui perkelti nuteistąjį į pusiaukelės namus',
    en: 'Propose to the director to transfer the convict to the halfway house',
  },
  {
    id: '10.2',
    point: '10.2',
    applies: 'own',
    positive: false,
    followUp: '19', // re-application after 3 months
    lt: 'Teikti siūlymą direktoriui neperkelti nuteistojo į pusiaukelės namus',
    en: 'Propose to the director not to transfer the convict to the halfway house',
  },
  {
    id: '10.3',
    point: '10.3',
    applies: 'other',
    positive: true,
    followUp: '12, 14', // listed; the submission to the Prison Department director
    lt: 'Teikti siūlymą direktoriui kreiptis su teikimu į Kalėjimų departamento direktorių perkelti nuteistąjį į pusiaukelės namus',
    en: 'Propose to the director to submit to the Prison Department director that the convict be transferred to the halfway house',
  },
  {
    id: '10.4',
    point: '10.4',
    applies: 'other',
    positive: false,
    followUp: '16, 19', // motivated letter; re-application after 3 months
    lt: 'Teikti siūlymą direktoriui neteikti Kalėjimų departamento direktoriui teikimo perkelti nuteistąjį į pusiaukelės namus',
    en: 'Propose to the director not to submit to the Prison Department director that the convict be transferred',
  },
];

/** V-77 p. 10: the two decisions open to the commission for a convict serving here or elsewhere. */
export function possibleDecisions(servesInOwnInstitution: boolean): Decision[] {
  const applies = servesInOwnInstitution ? 'own' : 'other';
  return DECISIONS.filter((d) => d.applies === applies);
}
