import type { IsoDate } from '../calendar';
import { requestConsidered, unfavourableList } from './commissionText';
import type { Block, DocumentModel } from './documentModel';
import type { LetterSources, RefusalDecisionId } from './documentSources';
import { decisionWording, PRISON_DEPARTMENT, reapplicationNotice, requestDecisionAppeal, V77_DEFINED } from './legalBasis';
import { asSentence, blocksIf, bodyText, convictIdentity, directorSignature, documentHead, fullName } from './references';

/**
 * V-77 p. 16: implementing the commission's decision 10.4, the director tells the convict and the
 * director of the convict's institution in a motivated letter. A refusal under 10.2 (the convict
 * serves here) is told to the convict by the same letter. Both give the reasons, the day a new
 * request may be filed (p. 19) and how to appeal (p. 51).
 */

/** What implementing the proposal means for the request. */
const IMPLEMENTED: Readonly<Record<RefusalDecisionId, string>> = {
  '10.2': 'Šis siūlymas įgyvendinamas: nuteistasis į pusiaukelės namus neperkeliamas, todėl jo prašymas netenkintas.',
  '10.4':
    `Šis siūlymas įgyvendinamas: teikimas perkelti nuteistąjį į pusiaukelės namus ${PRISON_DEPARTMENT} direktoriui ` +
    'neteikiamas, todėl nuteistojo prašymas netenkintas (Aprašo 16 punktas).',
};

/** The convict, and for 10.4 the director of the institution where the convict serves; the institution as the address. */
function addressees(sources: LetterSources): string[] {
  const { case: request, commission } = sources;
  const convict = `Nuteistajam ${convictIdentity(request.convict)}, ${request.servingInstitution}`;
  return commission.decision === '10.4' ? [convict, `Pataisos įstaigos direktoriui, ${request.servingInstitution}`] : [convict];
}

/** The commission's reasons (mandatory for 10.2 and 10.4) and the criteria it assessed as weighing against the transfer. */
function reasons(sources: LetterSources): Block[] {
  const rationale = sources.commission.rationale.trim();
  const unfavourable = unfavourableList(sources.commission.evaluation);
  return [
    ...blocksIf(rationale !== '', bodyText(`Sprendimo motyvai: ${asSentence(rationale)}`)),
    ...(unfavourable ? [bodyText('Drausmės komisija nepalankiai įvertino šias aplinkybes (Aprašo 11 punktas):'), unfavourable] : []),
  ];
}

export function buildLetter(sources: LetterSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { case: request, commission } = sources;
  const { decision } = commission;
  return {
    kind: 'letter',
    templateVersion: `letter/${decision}@1`,
    ...documentHead(sources.institution),
    // A letter carries no document type (the drafting rules): the title follows the addressees.
    documentType: '',
    title: 'DĖL NUTEISTOJO PRAŠYMO PERKELTI Į PUSIAUKELĖS NAMUS',
    date,
    registrationNumber,
    addressees: addressees(sources),
    body: [
      bodyText(
        `Informuojame, kad ${requestConsidered(commission.minutes, request, decision)} ir, vadovaudamasi ${V77_DEFINED} ` +
          `${decision} papunkčiu, nusprendė ${decisionWording(decision)}.`,
      ),
      bodyText(IMPLEMENTED[decision]),
      ...reasons(sources),
      // V-77 p. 19: a new request not earlier than 3 months after the refusal.
      bodyText(reapplicationNotice(sources.refusedOn)),
      // V-77 p. 51: the director's decision to the Prison Department director, then the court.
      bodyText(requestDecisionAppeal('Pataisos įstaigos direktoriaus sprendimas netenkinti nuteistojo prašymo')),
    ],
    annexes: [],
    signatures: [directorSignature(sources.institution)],
    subject: fullName(request.convict),
  };
}
