import type { IsoDate } from '../calendar';
import { DECISIONS } from '../decisions';
import { evaluationList, requestConsidered, voteResult } from './commissionText';
import type { DocumentModel } from './documentModel';
import type { ProposalSources } from './documentSources';
import { proposedAction, V77_DEFINED } from './legalBasis';
import { asSentence, blocksIf, bodyText, capitalized, documentHead, fullName, signatureLine } from './references';
import { genderOf, TITLES } from './signers';

/**
 * V-77 p. 10: the commission's proposal to the director, one variant per decision 10.1–10.4, with
 * the evaluation of p. 11, the reasons and the vote. Signed by the commission's chair.
 */
export function buildProposal(sources: ProposalSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { commission, case: request } = sources;
  const { decision } = commission;
  const rationale = commission.rationale.trim();
  const positive = DECISIONS.find((d) => d.id === decision)?.positive === true;
  const chair = sources.chair ?? { name: sources.chairName, position: '' };
  return {
    kind: 'proposal',
    templateVersion: `proposal/${decision}@1`,
    ...documentHead(sources.institution),
    documentType: 'SIŪLYMAS',
    title: 'DĖL NUTEISTOJO PRAŠYMO PERKELTI Į PUSIAUKELĖS NAMUS',
    date,
    registrationNumber,
    addressees: ['Direktoriui'],
    body: [
      bodyText(`${capitalized(requestConsidered(commission.minutes, request, decision))} ir ${V77_DEFINED} 6 punkte nurodytą dokumentinę medžiagą.`),
      bodyText('Drausmės komisija, vadovaudamasi Aprašo 11 punktu, įvertino:'),
      evaluationList(commission.evaluation),
      ...blocksIf(rationale !== '', bodyText(`Sprendimo motyvai: ${asSentence(rationale)}`)),
      bodyText(voteResult(sources.tally)),
      // V-77 p. 10: the proposal in the words of its sub-point.
      {
        kind: 'paragraph',
        indent: true,
        bold: true,
        text: `Drausmės komisija, vadovaudamasi Aprašo ${decision} papunkčiu, siūlo pataisos įstaigos direktoriui ${proposedAction(decision)}.`,
      },
      // V-77 p. 12: 10.1 and 10.3 put the convict on the list.
      ...blocksIf(positive, bodyText('Nuteistasis įrašomas į Nuteistųjų, siūlomų perkelti į pusiaukelės namus, sąrašą (Aprašo 12 punktas).')),
    ],
    annexes: [],
    signatures: [signatureLine('chair', chair, TITLES.commissionChair[genderOf(chair)])],
    subject: fullName(request.convict),
  };
}
