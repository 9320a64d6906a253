/**
 * Issue 17: the figures of the statistics, in the one order the page's tables, the CSV and the report
 * to the Prison Department print them, each with its V-77 point and its name in Lithuanian and
 * English. What each counts is defined in statistics.ts and statisticsSchemas.ts.
 */
import { keptShare, type DaySpread, type StatisticsView } from './statistics';

export type FigureSection = 'requests' | 'decisions' | 'outcomes' | 'movement' | 'decisionDays' | 'terms' | 'places' | 'waitingDays' | 'data';

export interface StatisticsFigure {
  /** A stable code, the CSV's first column. */
  id: string;
  section: FigureSection;
  /** The V-77 point, e.g. '10.1'; empty where the figure is not one point's. */
  point: string;
  lt: string;
  en: string;
  /** The number, or null where there is none to give (no case counted). */
  value: (view: StatisticsView) => number | null;
  /** Shown with a per-cent sign. */
  percent?: boolean;
}

export const FIGURE_SECTIONS: Readonly<Record<FigureSection, { lt: string; en: string }>> = {
  requests: { lt: 'Prašymai', en: 'Requests' },
  decisions: { lt: 'Drausmės komisijos sprendimai', en: 'Commission decisions' },
  outcomes: { lt: 'Direktoriaus ir Kalėjimų departamento sprendimai', en: "The director's and the Prison Department's acts" },
  movement: { lt: 'Perkėlimai, grąžinimai ir kita', en: 'Transfers, returns and other' },
  decisionDays: { lt: 'Laikas nuo prašymo iki sprendimo (kalendorinės dienos)', en: 'Time from request to decision (calendar days)' },
  terms: { lt: 'Terminų laikymasis', en: 'Terms kept' },
  places: { lt: 'Eilė ir vietos', en: 'The list and the places' },
  waitingDays: { lt: 'Laukimas sąraše iki atvykimo (kalendorinės dienos)', en: 'Waiting on the list until the arrival (calendar days)' },
  data: { lt: 'Duomenys', en: 'Data' },
};

function spreadFigures(section: FigureSection, id: string, pick: (v: StatisticsView) => DaySpread, point: string, countLt: string, countEn: string): StatisticsFigure[] {
  return [
    { id: `${id}.count`, section, point, lt: countLt, en: countEn, value: (v) => pick(v).count },
    { id: `${id}.median`, section, point, lt: 'Mediana, d.', en: 'Median, days', value: (v) => pick(v).median },
    { id: `${id}.q1`, section, point, lt: 'Pirmasis kvartilis, d.', en: 'First quartile, days', value: (v) => pick(v).q1 },
    { id: `${id}.q3`, section, point, lt: 'Trečiasis kvartilis, d.', en: 'Third quartile, days', value: (v) => pick(v).q3 },
    { id: `${id}.min`, section, point, lt: 'Trumpiausiai, d.', en: 'Shortest, days', value: (v) => pick(v).min },
    { id: `${id}.max`, section, point, lt: 'Ilgiausiai, d.', en: 'Longest, days', value: (v) => pick(v).max },
  ];
}

const lastPoint = (v: StatisticsView) => v.occupancy[v.occupancy.length - 1];

export const STATISTICS_FIGURES: readonly StatisticsFigure[] = [
  { id: 'requests', section: 'requests', point: '5', lt: 'Gauta prašymų', en: 'Requests received', value: (v) => v.requests },
  { id: 'decisions.10.1', section: 'decisions', point: '10.1', lt: 'Siūlyta perkelti (10.1)', en: 'Proposed to transfer (10.1)', value: (v) => v.decisions['10.1'] },
  { id: 'decisions.10.2', section: 'decisions', point: '10.2', lt: 'Siūlyta neperkelti (10.2)', en: 'Proposed not to transfer (10.2)', value: (v) => v.decisions['10.2'] },
  { id: 'decisions.10.3', section: 'decisions', point: '10.3', lt: 'Siūlyta teikti Kalėjimų departamentui (10.3)', en: 'Proposed to submit to the Prison Department (10.3)', value: (v) => v.decisions['10.3'] },
  { id: 'decisions.10.4', section: 'decisions', point: '10.4', lt: 'Siūlyta neteikti (10.4)', en: 'Proposed not to submit (10.4)', value: (v) => v.decisions['10.4'] },
  { id: 'decisions.unknown', section: 'decisions', point: '51', lt: 'Vėliau panaikinti (rūšis nežinoma)', en: 'Later annulled (kind unknown)', value: (v) => v.decisions.unknown },
  { id: 'director.ordered', section: 'outcomes', point: '13', lt: 'Direktoriaus įsakymai perkelti', en: "Director's orders to transfer", value: (v) => v.director.ordered },
  { id: 'director.declined', section: 'outcomes', point: '15', lt: 'Direktoriaus sprendimai neperkelti', en: "Director's decisions not to transfer", value: (v) => v.director.declined },
  { id: 'director.submitted', section: 'outcomes', point: '14', lt: 'Teikimai Kalėjimų departamentui', en: 'Submissions to the Prison Department', value: (v) => v.director.submitted },
  { id: 'director.letters', section: 'outcomes', point: '16', lt: 'Motyvuoti raštai (atsisakyta)', en: 'Motivated letters (refused)', value: (v) => v.director.letters },
  { id: 'department.resolutions', section: 'outcomes', point: '17', lt: 'Kalėjimų departamento nutarimai perkelti', en: "Prison Department's resolutions to transfer", value: (v) => v.department.resolutions },
  { id: 'department.refusals', section: 'outcomes', point: '18', lt: 'Kalėjimų departamento atsisakymai', en: "Prison Department's refusals", value: (v) => v.department.refusals },
  { id: 'reopened', section: 'outcomes', point: '51', lt: 'Bylos atnaujintos patenkinus skundą', en: 'Cases reopened by an upheld appeal', value: (v) => v.reopened },
  { id: 'arrived', section: 'movement', point: '24', lt: 'Atvyko į pusiaukelės namus', en: 'Arrived in the halfway house', value: (v) => v.arrived },
  { id: 'returned', section: 'movement', point: '46', lt: 'Grąžinti į pataisos namus', en: 'Returned to the correctional home', value: (v) => v.returned },
  { id: 'left', section: 'movement', point: '4', lt: 'Išvyko (paleisti, bausmės pabaiga, perkelti)', en: 'Left (parole, end of sentence, transfer)', value: (v) => v.left },
  { id: 'withdrawn', section: 'movement', point: '', lt: 'Prašymai atsiimti', en: 'Requests withdrawn', value: (v) => v.withdrawn },
  { id: 'ineligible', section: 'movement', point: '6, 47', lt: 'Neatitinka sąlygų', en: 'Not eligible', value: (v) => v.ineligible },
  ...spreadFigures('decisionDays', 'decisionDays', (v) => v.decisionDays, '10', 'Sprendimų skaičius', 'Decisions counted'),
  { id: 'p7.kept', section: 'terms', point: '7', lt: 'Medžiaga gauta laiku (7 p.)', en: 'Dossier in time (p. 7)', value: (v) => v.p7.kept },
  { id: 'p7.late', section: 'terms', point: '7', lt: 'Medžiaga gauta pavėluotai (7 p.)', en: 'Dossier late (p. 7)', value: (v) => v.p7.late },
  { id: 'p7.overdue', section: 'terms', point: '7', lt: 'Laikotarpio pabaigoje medžiaga laukiama, terminas praėjęs (7 p.)', en: 'Dossier still awaited at the period’s end, term passed (p. 7)', value: (v) => v.p7.overdue },
  { id: 'p7.share', section: 'terms', point: '7', lt: 'Laiku gautos medžiagos dalis tarp gautųjų, % (7 p.)', en: 'Share in time of the dossiers received, % (p. 7)', value: (v) => keptShare(v.p7), percent: true },
  { id: 'p9.kept', section: 'terms', point: '9', lt: 'Svarstyta laiku (9 p.)', en: 'Decided in time (p. 9)', value: (v) => v.p9.kept },
  { id: 'p9.late', section: 'terms', point: '9', lt: 'Svarstyta pavėluotai (9 p.)', en: 'Decided late (p. 9)', value: (v) => v.p9.late },
  { id: 'p9.unknown', section: 'terms', point: '9', lt: 'Nežinoma (nėra gavimo datos) (9 p.)', en: 'Unknown (no receipt date) (p. 9)', value: (v) => v.p9.unknown },
  { id: 'p9.share', section: 'terms', point: '9', lt: 'Laiku svarstytų dalis, % (9 p.)', en: 'Share decided in time, % (p. 9)', value: (v) => keptShare(v.p9), percent: true },
  { id: 'queue.end', section: 'places', point: '12', lt: 'Sąraše laikotarpio pabaigoje', en: 'On the list at the period’s end', value: (v) => lastPoint(v)?.queue ?? null },
  { id: 'occupied.end', section: 'places', point: '4', lt: 'Užimta vietų laikotarpio pabaigoje', en: 'Places occupied at the period’s end', value: (v) => lastPoint(v)?.occupied ?? null },
  { id: 'capacity.end', section: 'places', point: '4', lt: 'Vietų skaičius laikotarpio pabaigoje', en: 'Places at the period’s end', value: (v) => lastPoint(v)?.capacity ?? null },
  ...spreadFigures('waitingDays', 'waitingDays', (v) => v.waitingDays, '12', 'Atvykusiųjų iš sąrašo skaičius', 'Arrivals from the list counted'),
  { id: 'unreadable', section: 'data', point: '', lt: 'Neperskaitomos bylos (neskaičiuotos)', en: 'Unreadable case files (not counted)', value: (v) => v.unreadable },
];

/** The occupancy series' columns (V-77 p. 4, 12): the day, the places, occupied, held, on the list. */
export const OCCUPANCY_COLUMNS = [
  { id: 'on', lt: 'Data', en: 'Date' },
  { id: 'capacity', lt: 'Vietų', en: 'Places' },
  { id: 'occupied', lt: 'Užimta', en: 'Occupied' },
  { id: 'held', lt: 'Rezervuota', en: 'Held' },
  { id: 'queue', lt: 'Sąraše', en: 'On the list' },
] as const;
