import { formatLtDate, type IsoDate } from '../calendar';
import type { StatisticsView } from '../statistics';
import { FIGURE_SECTIONS, OCCUPANCY_COLUMNS, STATISTICS_FIGURES, type FigureSection } from '../statisticsFigures';
import type { Block, DocumentModel } from './documentModel';
import type { StatisticsReportSources } from './documentSources';
import { PRISON_DEPARTMENT, V77_DEFINED } from './legalBasis';
import { bodyText, capitalized, directorSignature, documentHead } from './references';

/**
 * Issue 17: the report to the Prison Department on the transfers to the halfway house in a period:
 * the figures of the statistics page (shared/domain/statistics.ts), frozen in the document when it
 * is issued, signed by the director. Numbers are written as Lithuanian text writes them (a decimal
 * comma); a figure with nothing to count is a dash.
 */

const FIGURE_COLUMNS = [
  { title: 'Rodiklis', width: 0.62 },
  { title: 'Aprašo punktas', width: 0.18 },
  { title: 'Reikšmė', width: 0.2 },
];

/** A number as the report prints it: "24,5", "90,9 %", or "–" for none. */
export function reportNumber(n: number | null, percent = false): string {
  if (n === null) return '–';
  const text = String(n).replace('.', ',');
  return percent ? `${text} %` : text;
}

function sectionBlocks(view: StatisticsView, section: FigureSection): Block[] {
  const figures = STATISTICS_FIGURES.filter((f) => f.section === section);
  return [
    { kind: 'heading', text: FIGURE_SECTIONS[section].lt },
    {
      kind: 'table',
      columns: FIGURE_COLUMNS,
      rows: figures.map((f) => [f.lt, f.point === '' ? '' : `${f.point} p.`, reportNumber(f.value(view), f.percent)]),
    },
  ];
}

const SECTIONS: readonly FigureSection[] = ['requests', 'decisions', 'outcomes', 'movement', 'decisionDays', 'terms', 'places', 'waitingDays', 'data'];

export function buildStatisticsReport(sources: StatisticsReportSources, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const { institution, statistics: view } = sources;
  const period = `${formatLtDate(view.from)} – ${formatLtDate(view.to)}`;
  return {
    kind: 'statisticsReport',
    templateVersion: 'statisticsReport@1',
    ...documentHead(institution),
    documentType: 'ATASKAITA',
    title: `DĖL NUTEISTŲJŲ PERKĖLIMO Į PUSIAUKELĖS NAMUS ${period.toLocaleUpperCase('lt')} LAIKOTARPIU`,
    date,
    registrationNumber,
    addressees: [`${capitalized(PRISON_DEPARTMENT)} direktoriui`],
    body: [
      bodyText(
        `Teikiame duomenis apie nuteistųjų prašymų perkelti į pusiaukelės namus nagrinėjimą pagal ${V77_DEFINED} ` +
          `laikotarpiu nuo ${formatLtDate(view.from)} iki ${formatLtDate(view.to)} (abi dienos įskaitytos).`,
      ),
      bodyText(
        'Įvykis įskaitomas pagal dieną, kurią jis įvyko. Laikas nurodomas kalendorinėmis dienomis. Aprašo 7 punkto terminas – ' +
          '20 darbo dienų nuo prašymo (pratęstas – iki 30), 9 punkto – 10 darbo dienų nuo medžiagos gavimo; jie skaičiuojami taip pat, ' +
          'kaip rodoma byloje. Kai duomenų nepakanka, byla įskaitoma kaip nežinoma.',
      ),
      ...SECTIONS.flatMap((section) => sectionBlocks(view, section)),
      { kind: 'heading', text: 'Vietos ir sąrašas laikotarpiu' },
      {
        kind: 'table',
        columns: OCCUPANCY_COLUMNS.map((c) => ({ title: c.lt, width: 0.2 })),
        rows: view.occupancy.map((p) => [p.on, String(p.capacity), String(p.occupied), String(p.held), String(p.queue)]),
      },
    ],
    annexes: [],
    signatures: [directorSignature(institution)],
    subject: `Statistika ${view.from} – ${view.to}`,
  };
}
