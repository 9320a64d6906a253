import { formatLtDate, type IsoDate } from '../calendar';
import { requestConsidered } from './commissionText';
import type { Block, DocumentModel } from './documentModel';
import type { SubmissionSources } from './documentSources';
import { PRISON_DEPARTMENT, proposedAction, V77, V77_DEFINED } from './legalBasis';
import {
  asSentence,
  blocksIf,
  bodyText,
  capitalized,
  convictDetails,
  directorSignature,
  documentHead,
  fullName,
  line,
  numbered,
  proposalCitation,
  spaced,
} from './references';

/**
 * V-77 p. 14: implementing the commission's decision 10.3, with a free place in the halfway house,
 * the director submits to the Prison Department director that the convict be transferred, with the
 * draft resolution (p. 17) on the transfer from one institution to the other, to be agreed by the
 * heads of both institutions. The draft is the second part of the same document.
 */

/** A blank the Prison Department fills in when it adopts the resolution. */
const BLANK_DATE = '20__ m. ____________ d.';

/** One head's agreement to the draft (V-77 p. 14): position, signature and name, date. */
function agreement(head: string, name: string): Block[] {
  return [line('SUDERINTA', true), line(head), line(`_______________ ${name}`), line(BLANK_DATE)];
}

function draftResolution(sources: SubmissionSources, registrationNumber: string | null, date: IsoDate): Block[] {
  const { case: request, institution } = sources;
  const from = `iš pataisos įstaigos, kurioje jis atlieka bausmę (${request.servingInstitution})`;
  const to = `į pataisos įstaigą, kurioje veikia pusiaukelės namai (${institution.name})`;
  return [
    { kind: 'heading', text: 'NUTARIMO PROJEKTAS' },
    line(`${PRISON_DEPARTMENT.toLocaleUpperCase('lt')} DIREKTORIUS`, true),
    line('NUTARIMAS', true),
    line('DĖL NUTEISTOJO PERKĖLIMO IŠ VIENOS PATAISOS ĮSTAIGOS Į KITĄ PATAISOS ĮSTAIGĄ', true),
    line(`${BLANK_DATE} Nr. ____`),
    line('Vilnius'),
    bodyText(
      `Pagal ${V77}, 17 punktą ir pataisos įstaigos, kurioje veikia pusiaukelės namai (${institution.name}), direktoriaus ` +
        `${formatLtDate(date)} teikimą ${numbered(registrationNumber)} ${spaced('nutariu')} perkelti nuteistąjį ` +
        `${convictDetails(request.convict)} ${from}, ${to}, bausmei toliau atlikti pusiaukelės namuose (${request.halfwayHouse}).`,
    ),
    line('Direktorius _______________ (vardas ir pavardė)'),
    ...agreement(`Pataisos įstaigos, kurioje nuteistasis atlieka bausmę (${request.servingInstitution}), direktorius`, '(parašas, vardas ir pavardė)'),
    ...agreement(`Pataisos įstaigos, kurioje veikia pusiaukelės namai (${institution.name}), direktorius`, institution.director.name),
  ];
}

export function buildSubmission(sources: SubmissionSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { case: request, institution } = sources;
  const rationale = sources.rationale.trim();
  return {
    kind: 'submission',
    templateVersion: 'submission@1',
    ...documentHead(institution),
    documentType: 'TEIKIMAS',
    title: 'DĖL NUTEISTOJO PERKĖLIMO Į PUSIAUKELĖS NAMUS',
    date,
    registrationNumber,
    addressees: [`${capitalized(PRISON_DEPARTMENT)} direktoriui`],
    body: [
      bodyText(
        `${capitalized(requestConsidered(sources.minutes, request, '10.3'))} ir, vadovaudamasi ${V77_DEFINED} 10.3 papunkčiu, ` +
          `pateikė siūlymą (${proposalCitation(sources.proposal)}) pataisos įstaigos direktoriui ${proposedAction('10.3')}.`,
      ),
      bodyText(
        `Nuteistojo galimo perkėlimo į pusiaukelės namus data – ${formatLtDate(request.possibleTransferDate)}, ` +
          `galimo lygtinio paleidimo data – ${formatLtDate(request.possibleParoleDate)}, bausmės pabaiga – ${formatLtDate(request.sentenceEnd)}`, // the date's "d." ends the sentence
      ),
      ...blocksIf(rationale !== '', bodyText(`Drausmės komisijos sprendimo motyvai: ${asSentence(rationale)}`)),
      bodyText('Pusiaukelės namuose yra laisva vieta.'),
      {
        kind: 'paragraph',
        indent: true,
        bold: true,
        text:
          `Pagal Aprašo 14 ir 17 punktus ${spaced('prašau')} priimti nutarimą dėl nuteistojo perkėlimo iš pataisos įstaigos, ` +
          `kurioje jis atlieka bausmę (${request.servingInstitution}), į pataisos įstaigą, kurioje veikia pusiaukelės namai ` +
          `(${institution.name}). Nutarimo projektas, suderintas abiejų pataisos įstaigų vadovų, pateikiamas toliau.`,
      },
      ...draftResolution(sources, registrationNumber, date),
    ],
    annexes: [
      capitalized(proposalCitation(sources.proposal)),
      `Drausmės komisijos ${formatLtDate(sources.minutes.date)} posėdžio protokolo ${numbered(sources.minutes.number)} išrašas`,
      'Aprašo 6 punkte nurodyta dokumentinė medžiaga (informacija)',
    ],
    signatures: [directorSignature(institution)],
    subject: fullName(request.convict),
  };
}
