import { formatLtDate, type IsoDate } from '../calendar';
import { canTransition, type CaseRoute, type CaseState } from '../caseStates';
import type { DecisionId } from '../decisions';
import type { Block, DocumentModel } from './documentModel';
import type { MunicipalityNoticeSources, P47NoticeSources, SocialWorkerFacts } from './documentSources';
import { V77_DEFINED } from './legalBasis';
import { asSentence, blocksIf, bodyText, convictDetails, directorSignature, documentHead, fullName } from './references';

/**
 * The notices the director sends about a convict of this institution (issue 14), both letters
 * signed by the director:
 * - V-77 p. 47: to the director of the institution whose halfway house our convict asked for (route
 *   'sends'), as soon as circumstances arise that make the convict ineligible under p. 3;
 * - the social integration model (seed 001): to the municipality administration, at least 6 months
 *   before the possible parole date, of the coming release, so that it assigns a social worker of a
 *   social services institution or an NGO; it is given the institution's social worker as the
 *   contact and passes the assigned one's details to the probation service on parole.
 */

/**
 * V-77 p. 47, route 'sends': the states in which our convict's request to another institution's
 * halfway house is still open here (the dossier being collected, or sent and decided there, p. 6–8),
 * so that the director tells that institution's director of circumstances that make the convict
 * ineligible. Another institution's notice about its convict on our list is a received act (P47_STATES).
 */
export const P47_NOTICE_STATES: readonly CaseState[] = ['request_received', 'dossier_collecting', 'dossier_sent'];

/** Whether the p. 47 notice may be issued for a case now, and so whether, signed, it takes the case to "ineligible". */
export function p47NoticeApplies(state: CaseState, route: CaseRoute | undefined, decision?: DecisionId): boolean {
  return route === 'sends' && P47_NOTICE_STATES.includes(state) && canTransition(state, 'ineligible', decision, route);
}

/** Seed 001: the notice to the municipality concerns a convict living in our halfway house. */
export function municipalityNoticeApplies(state: CaseState): boolean {
  return state === 'transferred';
}

/** V-77 p. 47: the circumstances, the request they concern, and the institution told. */
export function buildP47Notice(sources: P47NoticeSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { case: request } = sources;
  // V-77 p. 7: the dossier the other institution's commission decides on, when it was sent already.
  const sent = sources.dossierSentOn ? `; nuteistojo dokumentinė medžiaga Jums išsiųsta ${formatLtDate(sources.dossierSentOn)} (Aprašo 7 punktas)` : '';
  return {
    kind: 'p47Notice',
    templateVersion: 'p47Notice@1',
    ...documentHead(sources.institution),
    // A letter carries no document type (the drafting rules): the title follows the addressee.
    documentType: '',
    title: 'DĖL APLINKYBIŲ, KURIOMS ESANT NUTEISTASIS NEGALI BŪTI PERKELTAS Į PUSIAUKELĖS NAMUS',
    date,
    registrationNumber,
    addressees: [`Pataisos įstaigos direktoriui, ${sources.recipient}`],
    body: [
      bodyText(
        `Vadovaudamiesi ${V77_DEFINED} 47 punktu, informuojame, kad atsirado aplinkybės, kurioms esant nuteistasis ` +
          `${convictDetails(request.convict)}, atliekantis bausmę pataisos įstaigoje (${request.servingInstitution}), pagal Aprašo 3 punktą ` +
          'negali būti perkeltas į pusiaukelės namus.',
      ),
      bodyText(`Nuteistasis ${formatLtDate(request.requestDate)} pateikė prašymą perkelti jį į Jūsų įstaigos pusiaukelės namus (${request.halfwayHouse})${sent}.`),
      bodyText(`Aplinkybės: ${asSentence(sources.circumstances)}`),
      bodyText('Prašome į šias aplinkybes atsižvelgti sprendžiant dėl nuteistojo prašymo.'),
    ],
    annexes: [],
    signatures: [directorSignature(sources.institution)],
    subject: fullName(request.convict),
  };
}

/** "Vardenis Pavardenis, tel. +370 …, el. p. …": the contact as the municipality passes it on (seed 001). */
export function socialWorkerContact(worker: SocialWorkerFacts): string {
  return [worker.name.trim(), worker.phone.trim() && `tel. ${worker.phone.trim()}`, worker.email.trim() && `el. p. ${worker.email.trim()}`].filter((part) => part !== '').join(', ');
}

/** Seed 001: the notice of the coming release to the municipality, with the institution's social worker as the contact. */
export function buildMunicipalityNotice(sources: MunicipalityNoticeSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { case: request } = sources;
  const contact: Block[] = blocksIf(sources.socialWorker.name.trim() !== '', bodyText(`Pataisos įstaigos socialinis darbuotojas: ${socialWorkerContact(sources.socialWorker)}.`));
  return {
    kind: 'municipalityNotice',
    templateVersion: 'municipalityNotice@1',
    ...documentHead(sources.institution),
    documentType: 'PRANEŠIMAS',
    title: 'APIE ASMENS PALEIDIMĄ IŠ PATAISOS ĮSTAIGOS',
    date,
    registrationNumber,
    addressees: [`Savivaldybės administracijai, ${sources.municipality.trim()}`],
    body: [
      bodyText(
        `Pranešame, kad nuteistasis ${convictDetails(request.convict)}, atliekantis bausmę pusiaukelės namuose (${request.halfwayHouse}), ` +
          `gali būti paleistas lygtinai ${formatLtDate(request.possibleParoleDate)} (bausmės pabaiga – ${formatLtDate(request.sentenceEnd)}).`,
      ),
      bodyText(
        'Pagal socialinės integracijos modelį pranešimas apie asmens paleidimą iš pataisos įstaigos savivaldybės administracijai ' +
          'siunčiamas likus ne mažiau kaip 6 mėnesiams iki galimo lygtinio paleidimo.',
      ),
      bodyText(
        'Prašome paskirti socialinių paslaugų įstaigos socialinį darbuotoją arba nevyriausybinę organizaciją (NVO), apie paskyrimą ' +
          'informuoti pataisos įstaigą, o paskirtam socialiniam darbuotojui ar NVO perduoti pataisos įstaigos socialinio darbuotojo ' +
          'kontaktinius duomenis ir šio pranešimo kopiją. Jeigu asmuo paleidžiamas lygtinai, paskirto socialinio darbuotojo ar NVO ' +
          'kontaktinio asmens duomenis prašome perduoti probacijos tarnybai.',
      ),
      ...contact,
    ],
    annexes: [],
    signatures: [directorSignature(sources.institution)],
    subject: fullName(request.convict),
  };
}
