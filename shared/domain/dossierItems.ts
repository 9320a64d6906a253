/**
 * V-77 p. 6: the documentary material (information) prepared for the decision on a transfer. Each
 * item is a checklist entry; the hint names the structured facts it carries (DESIGN §1).
 */
export type DossierItemId = '6.1' | '6.2' | '6.3' | '6.4' | '6.5' | '6.6' | '6.7' | '6.8' | '6.9' | '6.10' | '6.11';

/**
 * required: the commission must have it; conditional: required only in the case the order names
 * (6.7); optional: anything else that may matter (6.11).
 */
export type DossierRequirement = 'required' | 'conditional' | 'optional';

export interface DossierItem {
  id: DossierItemId;
  /** The V-77 point. */
  point: string;
  requirement: DossierRequirement;
  lt: string;
  en: string;
  ltHint: string;
  enHint: string;
}

export const DOSSIER_ITEMS: readonly DossierItem[] = [
  {
    id: '6.1',
    point: '6.1',
    requirement: 'required',
    lt: 'Nuteistojo nusikalstamo elgesio rizikos vertinimas',
    en: 'Assessment of the risk of criminal behaviour',
    ltHint: 'Vertinimo priemonė (pvz., OASys), data, rizikos lygis ir jo pokytis nuo ankstesnio vertinimo',
    enHint: 'Instrument (e.g. OASys), date, risk level and its change since the previous assessment',
  },
  {
    id: '6.2',
    point: '6.2',
    requirement: 'required',
    lt: 'Socialinio tyrimo išvada',
    en: 'Social investigation conclusion',
    ltHint: 'Išvados data ir santrauka',
    enHint: 'Date and summary of the conclusion',
  },
  {
    id: '6.3',
    point: '6.3',
    requirement: 'required',
    lt: 'Prašymas perkelti į pusiaukelės namus ir sutikimas atskleisti asmens duomenis',
    en: 'Request for transfer to a halfway house and consent to disclose personal data',
    ltHint: 'Prašymo data, pageidaujami pusiaukelės namai, sutikimas atskleisti duomenis (taip / ne)',
    enHint: 'Request date, halfway house requested, consent to disclosure (yes / no)',
  },
  {
    id: '6.4',
    point: '6.4',
    requirement: 'required',
    lt: 'Sutikimas dirbti pusiaukelės namų pasiūlytą darbą arba informacija apie galimybes dirbti ir mokytis už pataisos įstaigos ribų',
    en: 'Consent to work offered by the halfway house, or information on work and study outside the institution',
    ltHint: 'Darbas ar mokymasis, darbdavys ar mokymo įstaiga',
    enHint: 'Work or study, employer or school',
  },
  {
    id: '6.5',
    point: '6.5',
    requirement: 'required',
    lt: 'Duomenys apie finansinius įsiskolinimus',
    en: 'Financial debts',
    ltHint: 'Bendra skolų suma (EUR), kreditoriai',
    enHint: 'Total amount owed (EUR), creditors',
  },
  {
    id: '6.6',
    point: '6.6',
    requirement: 'required',
    lt: 'Ankstesni teistumai, bausmės atlikimo terminas, galimo perkėlimo ir lygtinio paleidimo datos',
    en: 'Previous convictions, sentence term, possible transfer and parole dates',
    ltHint: 'Teistumai, bausmės pradžia ir pabaiga, galimo perkėlimo ir galimo lygtinio paleidimo datos',
    enHint: 'Convictions, sentence start and end, possible transfer date and possible parole date',
  },
  {
    id: '6.7',
    point: '6.7',
    requirement: 'conditional',
    lt: 'Nuosprendžio kopija arba išrašas (tik jei Komisija negali susipažinti su asmens byla)',
    en: 'Copy or extract of the judgment (only if the commission cannot consult the personal file)',
    ltHint: 'Ar Komisija gali susipažinti su nuteistojo asmens byla (taip / ne)',
    enHint: "Whether the commission can consult the convict's personal file (yes / no)",
  },
  {
    id: '6.8',
    point: '6.8',
    requirement: 'required',
    lt: 'Bausmės atlikimo metu padaryti teisės pažeidimai ir gauti paskatinimai',
    en: 'Violations committed and rewards received during the sentence',
    ltHint: 'Pažeidimų ir paskatinimų sąrašas su datomis, galiojančios nuobaudos',
    enHint: 'Violations and rewards with dates, penalties still in force',
  },
  {
    id: '6.9',
    point: '6.9',
    requirement: 'required',
    lt: 'Žinoma informacija apie nustatytus apribojimus dirbti tam tikrą darbą',
    en: 'Known restrictions on doing certain work',
    ltHint: 'Apribojimų sąrašas (teismo sprendimas, neįgaliojo pažymėjimas, išvada dėl darbo sąlygų ir pan.)',
    enHint: 'List of restrictions (court decision, disability certificate, opinion on working conditions, etc.)',
  },
  {
    id: '6.10',
    point: '6.10',
    requirement: 'required',
    lt: 'Galiojančio asmens tapatybę patvirtinančio dokumento kopija',
    en: 'Copy of a valid identity document',
    ltHint: 'Dokumento rūšis, numeris, galioja iki (turi galioti perkeliant, V-77 3.2 p.)',
    enHint: 'Document type, number, valid until (must be valid at the transfer, V-77 p. 3.2)',
  },
  {
    id: '6.11',
    point: '6.11',
    requirement: 'optional',
    lt: 'Kita dokumentinė medžiaga (informacija), galinti turėti reikšmės sprendimui',
    en: 'Other material relevant to the decision',
    ltHint: 'Laisvos formos medžiaga',
    enHint: 'Free-form material',
  },
];
