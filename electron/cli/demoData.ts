import { addCalendarMonths, addDays, compareIso, type IsoDate } from '../../shared/domain/calendar';
import type { CaseState } from '../../shared/domain/caseStates';
import { OWN_INSTITUTION_ID, type RequestInput, type Settings } from '../../shared/contract/schemas';

/** A realistic institution for demonstrations, benchmarks and tests. */
export const DEMO_SETTINGS: Settings = {
  institution: {
    name: 'Pravieniškių pataisos namai-atviroji kolonija',
    runsHalfwayHouse: true,
    halfwayHouseName: 'Pravieniškių pataisos namų-atvirosios kolonijos pusiaukelės namai',
    places: 24,
  },
  otherInstitutions: [
    { id: 'marijampole', name: 'Marijampolės pataisos namai', halfwayHouseName: '' },
    { id: 'alytus', name: 'Alytaus pataisos namai', halfwayHouseName: '' },
    { id: 'vilnius', name: 'Vilniaus pataisos namai', halfwayHouseName: '' },
    { id: 'panevezys', name: 'Panevėžio pataisos namai', halfwayHouseName: 'Panevėžio pataisos namų pusiaukelės namai' },
  ],
};

const FIRST = ['Jonas', 'Tomas', 'Mantas', 'Darius', 'Rimantas', 'Andrius', 'Vytautas', 'Saulius', 'Marius', 'Paulius', 'Žydrūnas', 'Gintaras', 'Algirdas', 'Egidijus', 'Šarūnas', 'Kęstutis', 'Aurimas', 'Mindaugas', 'Linas', 'Ričardas'];
const LAST = ['Kazlauskas', 'Jankauskas', 'Petrauskas', 'Stankevičius', 'Vasiliauskas', 'Žukauskas', 'Butkus', 'Paulauskas', 'Urbonas', 'Kavaliauskas', 'Baranauskas', 'Pocius', 'Šimkus', 'Navickas', 'Ramanauskas', 'Žilinskas', 'Čepulis', 'Gudaitis', 'Mikalauskas', 'Šulcas'];

/** The paths a demo case has walked after registration, ending in its present state. */
const PATHS: readonly (readonly CaseState[])[] = [
  [],
  ['dossier_collecting'],
  ['dossier_collecting'],
  ['dossier_collecting', 'dossier_received'],
  ['dossier_collecting', 'dossier_received', 'ready_for_commission'],
  ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled'],
  ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled', 'decided'],
  ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled', 'decided', 'listed'],
  ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled', 'decided', 'listed', 'submitted_to_department'],
  ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled', 'decided', 'listed', 'transfer_ordered'],
  ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled', 'decided', 'listed', 'transfer_ordered', 'transferred'],
  ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled', 'decided', 'refused'],
  ['dossier_collecting', 'withdrawn'],
];

const NOTES: Partial<Record<CaseState, string>> = {
  refused: 'Direktorius, atsižvelgęs į komisijos siūlymą (10.2 p.), nusprendė neperkelti: galiojanti drausminė nuobauda.',
  withdrawn: 'Nuteistasis raštu atsiėmė prašymą.',
};

export interface DemoStep {
  to: CaseState;
  on: IsoDate;
  note?: string;
}

export interface DemoCase {
  request: RequestInput;
  steps: DemoStep[];
}

/** A small deterministic random generator, so the same seed gives the same demo. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` cases at different stages of the procedure as of `today`: every date is in the past, in
 * procedure order, and each case has its own convict (personal file numbers D-00001, D-00002, …).
 */
export function demoCases(today: IsoDate, count: number, seed = 77): DemoCase[] {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const institutions = [OWN_INSTITUTION_ID, OWN_INSTITUTION_ID, ...DEMO_SETTINGS.otherInstitutions.map((o) => o.id)];
  return Array.from({ length: count }, (_, i) => {
    const path = PATHS[i % PATHS.length]!;
    const requestDate = addDays(today, -(int(2, 12) + path.length * int(6, 9)));
    const possibleTransferDate = addDays(requestDate, int(-10, 55));
    const possibleParoleDate = addCalendarMonths(possibleTransferDate, int(3, 11));
    const steps: DemoStep[] = [];
    let on = requestDate;
    for (const to of path) {
      const next = addDays(on, int(1, 7));
      on = compareIso(next, today) > 0 ? today : next;
      steps.push({ to, on, ...(NOTES[to] ? { note: NOTES[to] } : {}) });
    }
    return {
      request: {
        firstName: pick(FIRST),
        lastName: pick(LAST),
        personalFileNo: `D-${String(i + 1).padStart(5, '0')}`,
        birthDate: `${int(1962, 2000)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
        servingInstitutionId: pick(institutions),
        halfwayHouseInstitutionId: OWN_INSTITUTION_ID,
        requestDate,
        possibleTransferDate,
        possibleParoleDate,
        sentenceEnd: addCalendarMonths(possibleParoleDate, int(6, 36)),
      },
      steps,
    };
  });
}
