import type { DossierItemId } from './dossierItems';

/**
 * V-77 p. 11: what the disciplinary commission evaluates before deciding, and the p. 6 dossier items
 * that inform each criterion (DESIGN §1).
 */
export type CriterionId = '11.1' | '11.2' | '11.3' | '11.4' | '11.5' | '11.6' | '11.7' | '11.8' | '11.9';

export interface Criterion {
  id: CriterionId;
  /** The V-77 point. */
  point: string;
  lt: string;
  en: string;
  informedBy: readonly DossierItemId[];
  /** A finding against the convict here weighs heavily and must be seen at once. */
  redFlag: boolean;
}

export const CRITERIA: readonly Criterion[] = [
  {
    id: '11.1',
    point: '11.1',
    lt: 'Likęs laikas iki galimo lygtinio paleidimo arba bausmės pabaigos',
    en: 'Time left until possible parole or the end of the sentence',
    informedBy: ['6.6'],
    redFlag: false,
  },
  {
    id: '11.2',
    point: '11.2',
    lt: 'Nuteistojo elgesys bausmės atlikimo metu',
    en: "The convict's behaviour during the sentence",
    informedBy: ['6.8'],
    redFlag: false,
  },
  {
    id: '11.3',
    point: '11.3',
    lt: 'Taikytos socialinės reabilitacijos priemonės ir jų įvykdymo rezultatai',
    en: 'Social rehabilitation measures applied and their results',
    informedBy: ['6.2', '6.11'],
    redFlag: false,
  },
  {
    id: '11.4',
    point: '11.4',
    lt: 'Individualiame socialinės reabilitacijos plane nustatytų priemonių vykdymo rezultatai',
    en: 'Results of the measures of the individual social rehabilitation plan',
    informedBy: ['6.2', '6.11'],
    redFlag: false,
  },
  {
    id: '11.5',
    point: '11.5',
    lt: 'Nusikalstamo elgesio rizika ir jos pokyčiai',
    en: 'Risk of criminal behaviour and its change',
    informedBy: ['6.1'],
    redFlag: false,
  },
  {
    id: '11.6',
    point: '11.6',
    lt: 'Požiūris į darbą, mokymąsi, galimybės dirbti ar mokytis laisvėje',
    en: 'Attitude to work and study, possibilities to work or study outside',
    informedBy: ['6.4', '6.9'],
    redFlag: false,
  },
  {
    id: '11.7',
    point: '11.7',
    lt: 'Nusikalstamos veikos, dėl kurios nuteistas, pavojingumas ir pobūdis',
    en: 'Dangerousness and nature of the offence',
    informedBy: ['6.6', '6.7'],
    redFlag: false,
  },
  {
    id: '11.8',
    point: '11.8',
    lt: 'Ar nuteistasis nėra įtrauktas į linkusiųjų pabėgti ar užpulti įskaitą',
    en: 'Whether the convict is on the register of those prone to escape or attack',
    informedBy: [],
    redFlag: true,
  },
  {
    id: '11.9',
    point: '11.9',
    lt: 'Kitos aplinkybės, galinčios turėti įtakos sprendimo dėl perkėlimo tikslingumui',
    en: 'Other circumstances the members consider relevant to whether the transfer is appropriate',
    informedBy: [],
    redFlag: false,
  },
];
