import { formatLtDate, type IsoDate } from '../calendar';
import type { Block, DocumentModel } from './documentModel';
import type { ReturnDecisionSources, ReturnSubmissionSources } from './documentSources';
import { BVK, returnDecisionAppeal, V77_DEFINED } from './legalBasis';
import { asSentence, bodyText, convictDetails, directorSignature, documentHead, fullName, numbered, signatureLine, spaced } from './references';
import { employeeGenitive, genderOf, TITLES } from './signers';

/**
 * V-77 p. 44–46: the return from the halfway house to the correctional home on the grounds of BVK
 * art. 69 part 3: the halfway-house employee's motivated submission with the documents supporting it
 * (p. 45), and the director's decision (p. 46), appealable under p. 51.
 */

/** V-77 p. 44: the grounds chosen, each with the provision it comes from, as the administrator wrote them. */
function groundsBlocks(grounds: readonly { text: string; citation: string }[]): Block[] {
  if (grounds.length === 0) return [];
  return [bodyText(`Grąžinimo pagrindai: ${grounds.map((g, i) => `${i + 1}) ${g.text.trim().replace(/[.;]+$/u, '')} (${g.citation.trim()})`).join('; ')}.`)];
}

export function buildReturnSubmission(sources: ReturnSubmissionSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  return {
    kind: 'returnSubmission',
    templateVersion: 'returnSubmission@1',
    ...documentHead(sources.institution),
    documentType: 'TEIKIMAS',
    title: 'DĖL NUTEISTOJO GRĄŽINIMO IŠ PUSIAUKELĖS NAMŲ Į PATAISOS NAMUS',
    date,
    registrationNumber,
    addressees: ['Direktoriui'],
    body: [
      bodyText(`Nuteistasis ${convictDetails(sources.convict)} atlieka bausmę pusiaukelės namuose (${sources.halfwayHouse}).`),
      // V-77 p. 44: the grounds are those of BVK art. 69 part 3.
      bodyText(
        `Pagal ${V77_DEFINED} 44 punktą nuteistieji grąžinami iš pusiaukelės namų į pataisos namus ${BVK} 69 straipsnio ` +
          '3 dalyje nustatytais pagrindais; šiam nuteistajam toks pagrindas atsirado.',
      ),
      ...groundsBlocks(sources.grounds ?? []),
      bodyText(`Teikimo motyvai: ${asSentence(sources.reasons)}`),
      {
        kind: 'paragraph',
        indent: true,
        bold: true,
        text: `Pagal Aprašo 45 punktą ${spaced('prašau')} priimti sprendimą grąžinti nuteistąjį iš pusiaukelės namų į pataisos namus (Aprašo 46 punktas).`,
      },
    ],
    annexes: [...sources.annexes],
    // V-77 p. 45: the halfway-house employee signs the submission.
    signatures: [
      signatureLine('halfwayHouseEmployee', sources.employee, sources.employee.position.trim() || TITLES.halfwayHouseEmployee[genderOf(sources.employee)]),
    ],
    subject: fullName(sources.convict),
  };
}

export function buildReturnDecision(sources: ReturnDecisionSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { submission } = sources;
  return {
    kind: 'returnDecision',
    templateVersion: 'returnDecision@1',
    ...documentHead(sources.institution),
    documentType: 'SPRENDIMAS',
    title: 'DĖL NUTEISTOJO GRĄŽINIMO IŠ PUSIAUKELĖS NAMŲ Į PATAISOS NAMUS',
    date,
    registrationNumber,
    body: [
      bodyText(
        `Gautas ${employeeGenitive(sources.employee ? genderOf(sources.employee) : 'male')} ${formatLtDate(submission.date)} motyvuotas teikimas ${numbered(submission.number)} ` +
          `dėl nuteistojo ${convictDetails(sources.convict)}, atliekančio bausmę pusiaukelės namuose (${sources.halfwayHouse}), ` +
          'grąžinimo iš pusiaukelės namų į pataisos namus.',
      ),
      bodyText(`Sprendimo motyvai: ${asSentence(sources.reasons)}`),
      {
        kind: 'paragraph',
        indent: true,
        bold: true,
        text:
          `Pagal ${BVK} 69 straipsnio 3 dalį ir ${V77_DEFINED} 44 ir 46 punktus ${spaced('nusprendžiu')} grąžinti nuteistąjį ` +
          'iš pusiaukelės namų į pataisos namus.',
      },
      // V-77 p. 51: the decision to return is appealed to the Prison Department director.
      bodyText(returnDecisionAppeal('Šis sprendimas')),
    ],
    annexes: [],
    signatures: [directorSignature(sources.institution)],
    subject: fullName(sources.convict),
  };
}
