import { addCalendarMonths, addDays, compareIso, type IsoDate } from '../../shared/domain/calendar';
import type { CaseState } from '../../shared/domain/caseStates';
import type { DecisionId } from '../../shared/domain/decisions';
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

const COLLECTED: readonly CaseState[] = ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled'];

/**
 * The paths a demo case has walked after registration, ending in its present state, and where the
 * convict must serve for that path: the road after the decision forks by p. 10 (own: 10.1/10.2,
 * other: 10.3/10.4).
 */
const PATHS: readonly { steps: readonly CaseState[]; serves: 'own' | 'other' | 'any' }[] = [
  { steps: [], serves: 'any' },
  { steps: ['dossier_collecting'], serves: 'any' },
  { steps: ['dossier_collecting'], serves: 'any' },
  { steps: COLLECTED.slice(0, 2), serves: 'any' },
  { steps: COLLECTED.slice(0, 3), serves: 'any' },
  { steps: COLLECTED, serves: 'any' },
  { steps: [...COLLECTED, 'decided'], serves: 'any' },
  { steps: [...COLLECTED, 'decided', 'listed'], serves: 'any' },
  { steps: [...COLLECTED, 'decided', 'listed', 'submitted_to_department'], serves: 'other' }, // p. 14
  { steps: [...COLLECTED, 'decided', 'listed', 'transfer_ordered'], serves: 'own' }, // p. 13
  { steps: [...COLLECTED, 'decided', 'listed', 'submitted_to_department', 'transfer_ordered', 'transferred'], serves: 'other' }, // p. 17
  { steps: [...COLLECTED, 'decided', 'refused'], serves: 'any' },
  { steps: ['dossier_collecting', 'withdrawn'], serves: 'any' },
];

const NOTES: Partial<Record<CaseState, string>> = {
  refused: 'Direktoriaus motyvuotas sprendimas pagal komisijos siūlymą: galiojanti drausminė nuobauda.',
  withdrawn: 'Nuteistasis raštu atsiėmė prašymą.',
};

export interface DemoStep {
  to: CaseState;
  on: IsoDate;
  note?: string;
  decision?: DecisionId;
}

/** The commission's decision a demo case got: positive unless the path ends in a refusal (V-77 p. 10). */
export function demoDecision(servesHere: boolean, positive: boolean): DecisionId {
  if (servesHere) return positive ? '10.1' : '10.2';
  return positive ? '10.3' : '10.4';
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
  const others = DEMO_SETTINGS.otherInstitutions.map((o) => o.id);
  return Array.from({ length: count }, (_, i) => {
    const { steps: path, serves } = PATHS[i % PATHS.length]!;
    const servingInstitutionId = serves === 'own' || (serves === 'any' && rnd() < 0.4) ? OWN_INSTITUTION_ID : pick(others);
    const servesHere = servingInstitutionId === OWN_INSTITUTION_ID;
    const requestDate = addDays(today, -(int(2, 12) + path.length * int(6, 9)));
    const possibleTransferDate = addDays(requestDate, int(-10, 55));
    const possibleParoleDate = addCalendarMonths(possibleTransferDate, int(3, 11));
    const steps: DemoStep[] = [];
    let on = requestDate;
    for (const to of path) {
      const next = addDays(on, int(1, 7));
      on = compareIso(next, today) > 0 ? today : next;
      const decision = to === 'decided' ? { decision: demoDecision(servesHere, !path.includes('refused')) } : {};
      steps.push({ to, on, ...(NOTES[to] ? { note: NOTES[to] } : {}), ...decision });
    }
    return {
      request: {
        firstName: pick(FIRST),
        lastName: pick(LAST),
        personalFileNo: `D-${String(i + 1).padStart(5, '0')}`,
        birthDate: `${int(1962, 2000)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
        servingInstitutionId,
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
