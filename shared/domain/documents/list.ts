import type { IsoDate } from '../calendar';
import type { Block, DocumentModel } from './documentModel';
import type { ListEntryFacts, ListSources } from './documentSources';
import { V77_DEFINED } from './legalBasis';
import { bodyText, documentHead, fullName, line, signatureLine } from './references';
import { genderOf, TITLES } from './signers';

/**
 * V-77 p. 12: the list of convicts proposed for transfer: those on whom the commission decided 10.1
 * or 10.3, in the order their requests were filed. The halfway-house employee the director appoints
 * keeps it (p. 20) and signs it.
 *
 * The entries are printed in the order given: the list's one order is the places' (shared/domain/
 * places.ts transferList: by request date, then the day listed, then the case), which the services
 * pass as it is, so that the printed list and the app's queue never differ.
 */

const COLUMNS = [
  { title: 'Eil. Nr.', width: 0.07 },
  { title: 'Nuteistasis', width: 0.2 },
  { title: 'Asmens bylos Nr.', width: 0.12 },
  { title: 'Prašymo data', width: 0.13 },
  { title: 'Drausmės komisijos sprendimas (Aprašo papunktis, data)', width: 0.2 },
  { title: 'Pataisos įstaiga, kurioje atlieka bausmę', width: 0.28 },
];

function table(entries: readonly ListEntryFacts[]): Block {
  return {
    kind: 'table',
    columns: COLUMNS,
    rows: entries.map((e, i) => [
      `${i + 1}.`,
      fullName(e.convict),
      e.convict.personalFileNo,
      e.requestDate,
      `${e.decision}, ${e.decidedOn}`,
      e.servingInstitution,
    ]),
  };
}

export function buildList(sources: ListSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  return {
    kind: 'list',
    templateVersion: 'list@1',
    ...documentHead(sources.institution),
    documentType: 'SĄRAŠAS',
    title: 'NUTEISTŲJŲ, SIŪLOMŲ PERKELTI Į PUSIAUKELĖS NAMUS',
    date,
    registrationNumber,
    body: [
      bodyText(
        `Sąrašas sudarytas pagal ${V77_DEFINED} 12 punktą: į jį įrašomi nuteistieji, dėl kurių drausmės komisija priėmė ` +
          'Aprašo 10.1 arba 10.3 papunktyje nurodytą sprendimą, eilės tvarka pagal prašymų perkelti į pusiaukelės namus pateikimo datą.',
      ),
      sources.entries.length > 0 ? table(sources.entries) : line('Sąraše nuteistųjų nėra.'),
    ],
    annexes: [],
    // V-77 p. 20: the halfway-house employee the director appointed keeps the list and signs it.
    signatures: [signatureLine('halfwayHouseEmployee', sources.keeper, sources.keeper.position.trim() || TITLES.halfwayHouseEmployee[genderOf(sources.keeper)])],
    subject: 'Nuteistųjų, siūlomų perkelti į pusiaukelės namus, sąrašas',
  };
}
