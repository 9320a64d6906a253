import { formatLtDate, type IsoDate } from '../calendar';
import type { DocumentModel } from './documentModel';
import type { DeclineDecisionSources, DocumentRef, OrderSources } from './documentSources';
import { reapplicationNotice, requestDecisionAppeal, V77_DEFINED } from './legalBasis';
import { asSentence, bodyText, convictDetails, directorSignature, documentHead, fullName, minutesNote, numbered, spaced } from './references';

/**
 * The director's answer to the commission's proposal 10.1: the order to transfer (V-77 p. 13) or
 * the motivated decision not to implement it (p. 15). Both are appealable (p. 51). The director
 * writes in the first person; the texts use no participle that would need the signer's gender.
 */

/** "2026 m. lapkričio 20 d. siūlymą Nr. DKS-5 (posėdžio protokolas Nr. DK-12)": `noun` is "siūlymas" in the case the sentence needs. */
function proposalCited(noun: string, proposal: DocumentRef, minutes: DocumentRef): string {
  return `${formatLtDate(proposal.date)} ${noun} ${numbered(proposal.number)} (${minutesNote(minutes, proposal.date)})`;
}

/** V-77 p. 13: with a free place in the halfway house, the director implements 10.1 by an order. */
export function buildOrder(sources: OrderSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { case: request } = sources;
  return {
    kind: 'order',
    templateVersion: 'order@1',
    ...documentHead(sources.institution),
    documentType: 'ĮSAKYMAS',
    title: 'DĖL NUTEISTOJO PERKĖLIMO Į PUSIAUKELĖS NAMUS',
    date,
    registrationNumber,
    body: [
      bodyText(
        `Pagal ${V77_DEFINED} 13 punktą ir drausmės komisijos ${proposalCited('siūlymą', sources.proposal, sources.minutes)}, ` +
          `esant pusiaukelės namuose laisvai vietai, ${spaced('perkeliu')} nuteistąjį ${convictDetails(request.convict)} ` +
          `į pusiaukelės namus (${request.halfwayHouse}).`,
      ),
      // V-77 p. 51: a decision to satisfy the request is appealable too.
      bodyText(requestDecisionAppeal('Šis įsakymas')),
    ],
    annexes: [],
    signatures: [directorSignature(sources.institution)],
    subject: fullName(request.convict),
  };
}

/** V-77 p. 15: the director's motivated decision not to implement 10.1; the refusal starts the p. 19 term. */
export function buildDeclineDecision(sources: DeclineDecisionSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { case: request } = sources;
  return {
    kind: 'declineDecision',
    templateVersion: 'declineDecision@1',
    ...documentHead(sources.institution),
    documentType: 'SPRENDIMAS',
    title: 'DĖL NUTEISTOJO NEPERKĖLIMO Į PUSIAUKELĖS NAMUS',
    date,
    registrationNumber,
    body: [
      bodyText(
        `Drausmės komisija, vadovaudamasi ${V77_DEFINED} 10.1 papunkčiu, ${proposalCited('siūlymu', sources.proposal, sources.minutes)} ` +
          `pasiūlė pataisos įstaigos direktoriui perkelti nuteistąjį ${convictDetails(request.convict)} į pusiaukelės namus (${request.halfwayHouse}).`,
      ),
      bodyText(`Sprendimo motyvai: ${asSentence(sources.reasons)}`),
      {
        kind: 'paragraph',
        indent: true,
        bold: true,
        text: `Pagal Aprašo 15 punktą ${spaced('nusprendžiu')} neįgyvendinti drausmės komisijos siūlymo ir neperkelti nuteistojo į pusiaukelės namus.`,
      },
      bodyText(reapplicationNotice(date)),
      bodyText(requestDecisionAppeal('Šis sprendimas')),
    ],
    annexes: [],
    signatures: [directorSignature(sources.institution)],
    subject: fullName(request.convict),
  };
}
