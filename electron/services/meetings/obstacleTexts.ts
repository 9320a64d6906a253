import type { MemberObstacle, ProposalObstacle, CloseObstacle } from '../../../shared/domain/meetingRules';
import type { Quorum } from '../../../shared/domain/voting';

/** The words for what keeps a proposal, a member or the meeting's close back (shared/domain/meetingRules). */
export function proposalObstacleText(o: ProposalObstacle): { lt: string; en: string } {
  switch (o.code) {
    case 'ITEM_POSTPONED':
      return { lt: 'Bylos svarstymas atidėtas; balsuoti negalima.', en: 'The case was postponed; there is no vote.' };
    case 'DECISION_REQUIRED':
      return { lt: 'Pirmiausia pasirinkite siūlomą sprendimą (V-77 10 p.).', en: 'First choose the proposed decision (V-77 p. 10).' };
    case 'DECISION_NOT_OPEN':
      return {
        lt: `Siūlomas sprendimas ${o.decision} šiam nuteistajam negalimas (galimi ${o.open.join(' ir ')}, V-77 10 p.). Pasirinkite kitą siūlymą.`,
        en: `The proposed decision ${o.decision} is not open for this convict (open: ${o.open.join(' and ')}, V-77 p. 10). Choose another proposal.`,
      };
    case 'EVALUATION_INCOMPLETE':
      return {
        lt: `Prieš balsuojant įvertinkite visus kriterijus (V-77 11 p.). Neįvertinta: ${o.missing.join(', ')}.`,
        en: `Evaluate every criterion before the vote (V-77 p. 11). Not yet evaluated: ${o.missing.join(', ')}.`,
      };
    case 'RATIONALE_REQUIRED':
      return { lt: `Sprendimas ${o.decision} turi būti motyvuotas: įrašykite motyvus prieš balsavimą.`, en: `Decision ${o.decision} must be reasoned: write the reasons before the vote.` };
  }
}

export function memberObstacleText(o: MemberObstacle, name: string): { lt: string; en: string } {
  switch (o) {
    case 'MEMBER_NOT_VOTING':
      return { lt: `${name} komisijoje nebalsuoja.`, en: `${name} does not vote on the commission.` };
    case 'MEMBER_ABSENT':
      return { lt: `${name} posėdyje nedalyvauja, todėl nebalsuoja.`, en: `${name} is not present, so does not vote.` };
    case 'MEMBER_RECUSED':
      return { lt: `${name} šioje byloje nusišalino, todėl nebalsuoja.`, en: `${name} recused in this case, so does not vote.` };
  }
}

export function quorumMissingText(q: Quorum): { lt: string; en: string } {
  return {
    lt: `Nėra kvorumo: šioje byloje gali balsuoti ${q.taking} iš ${q.voting} komisijos narių, reikia bent ${q.needed}. Balsavimas neįrašomas.`,
    en: `No quorum: ${q.taking} of the commission's ${q.voting} members can vote on this case, at least ${q.needed} are needed. The vote is not recorded.`,
  };
}

/** Why the meeting cannot close because of one case (`who`: the convict, as the secretary's screen names them). */
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
