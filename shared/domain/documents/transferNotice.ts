import { formatLtDate, type IsoDate } from '../calendar';
import { caseRouteOf, type CaseState, type RoutedRequest } from '../caseStates';
import type { DocumentModel } from './documentModel';
import type { TransferNoticeSources } from './documentSources';
import { V77_DEFINED } from './legalBasis';
import { bodyText, convictDetails, directorSignature, documentHead, fullName } from './references';

/**
 * V-77 p. 21–23, route 'sends': our convict asked for another institution's halfway house, the dossier
 * was sent (p. 7) and that institution granted the request (p. 8). The documents are prepared (p.
 * 21); the convict travels on his own, to arrive the same working day by 15:00, and the receiving
 * institution is told at once, in advance if possible, with the convict's personal data, photo and
 * personal marks (p. 22); the personal file is sent the same day the convict leaves (p. 23).
 */

/** The acts a case carries, as far as this rule reads them. */
interface GrantedOutcome {
  kind: string;
  granted?: boolean | undefined;
}

/** Whether our convict is going to the other institution's halfway house now: route 'sends', the dossier sent, its outcome granted. */
export function transferOutApplies(record: { state: CaseState; request?: RoutedRequest | undefined; acts?: readonly GrantedOutcome[] | undefined }): boolean {
  if (record.request === undefined || caseRouteOf(record.request) !== 'sends' || record.state !== 'dossier_sent') return false;
  return record.acts?.some((a) => a.kind === 'otherOutcome' && a.granted === true) ?? false;
}

/** The annexes p. 22 names, as the compose form offers them (the user may edit them). */
export const TRANSFER_NOTICE_ANNEXES: readonly string[] = ['Nuteistojo nuotrauka, 1 lapas.', 'Asmens žymių aprašas, 1 lapas.'];

/** V-77 p. 22–23: the notice to the receiving institution's director. */
export function buildTransferNotice(sources: TransferNoticeSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { case: request } = sources;
  const departure = formatLtDate(sources.departureOn);
  return {
    kind: 'transferNotice',
    templateVersion: 'transferNotice@1',
    ...documentHead(sources.institution),
    // A letter carries no document type (the drafting rules): the title follows the addressee.
    documentType: '',
    title: 'DĖL NUTEISTOJO ATVYKIMO Į PUSIAUKELĖS NAMUS',
    date,
    registrationNumber,
    addressees: [`Pataisos įstaigos direktoriui, ${sources.recipient}`],
    body: [
      bodyText(
        `Vadovaudamiesi ${V77_DEFINED} 22 punktu, informuojame, kad nuteistasis ${convictDetails(request.convict)}, ` +
          `atliekantis bausmę pataisos įstaigoje (${request.servingInstitution}), kurio prašymą perkelti į Jūsų įstaigos pusiaukelės namus (${request.halfwayHouse}) ` +
          'Jūsų įstaigos komisija patenkino, vyksta į pusiaukelės namus savarankiškai.',
      ),
      bodyText(`Nuteistasis išvyksta ${departure} ir turi atvykti į pusiaukelės namus tą pačią darbo dieną iki 15 val.`),
      bodyText(`Nuteistojo asmens byla siunčiama ${departure}, tą pačią dieną, kurią nuteistasis išvyksta (Aprašo 23 punktas).`),
    ],
    annexes: [...sources.annexes],
    signatures: [directorSignature(sources.institution)],
    subject: fullName(request.convict),
  };
}
