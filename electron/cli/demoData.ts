import { DEFAULT_PREFIXES } from '../../shared/contract/documentSchemas';
import type { Commission } from '../../shared/contract/meetingSchemas';
import { OWN_INSTITUTION_ID, type RequestInput, type Settings } from '../../shared/contract/schemas';
import { addCalendarMonths, addDays, compareIso, isWorkingDay, weekday, type IsoDate } from '../../shared/domain/calendar';
import { stepMeans, type CaseState } from '../../shared/domain/caseStates';
import type { DecisionId } from '../../shared/domain/decisions';
import type { WorkKind } from '../../shared/domain/dossier';
import { DEFAULT_VOTING_RULES } from '../../shared/domain/voting';

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
  // Issue 6: the register numbers the documents and names who signs them; issue 12: the officials'
  // gender of title. The demo adds their personal codes and user accounts (demoCertificates.ts).
  register: {
    place: 'Pravieniškės',
    director: { name: 'Rūta Žemaitienė', position: 'Direktorė', gender: 'female' },
    deputies: [{ id: 'kavaliauskas', name: 'Darius Kavaliauskas', position: 'Direktoriaus pavaduotojas', gender: 'male' }],
    halfwayHouseEmployee: { name: 'Tomas Šaulys', position: 'Pusiaukelės namų vyresnysis specialistas', gender: 'male' },
    prefixes: { ...DEFAULT_PREFIXES },
  },
};

const FIRST = ['Jonas', 'Tomas', 'Mantas', 'Darius', 'Rimantas', 'Andrius', 'Vytautas', 'Saulius', 'Marius', 'Paulius', 'Žydrūnas', 'Gintaras', 'Algirdas', 'Egidijus', 'Šarūnas', 'Kęstutis', 'Aurimas', 'Mindaugas', 'Linas', 'Ričardas'];
const LAST = ['Kazlauskas', 'Jankauskas', 'Petrauskas', 'Stankevičius', 'Vasiliauskas', 'Žukauskas', 'Butkus', 'Paulauskas', 'Urbonas', 'Kavaliauskas', 'Baranauskas', 'Pocius', 'Šimkus', 'Navickas', 'Ramanauskas', 'Žilinskas', 'Čepulis', 'Gudaitis', 'Mikalauskas', 'Šulcas'];

const COLLECTED: readonly CaseState[] = ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled'];

/**
 * The paths a demo case has walked after registration, ending in its present state, and where the
 * convict must serve for that path: the road after the decision forks by p. 10 (own: 10.1/10.2,
 * other: 10.3/10.4), and a convict of ours who asks for another institution's halfway house has the
 * dossier sent there ('sends', p. 7–8). "scheduled" and "decided" are a meeting's (V-77 p. 9–10): a
 * case that ends "scheduled" waits on the agenda of the next meeting; a decided one was decided at a
 * past meeting. After a 10.1 or 10.3 decision the convict is on the list by itself (p. 12); the
 * director's acts (p. 13–16, 46), the Prison Department's (p. 17–18), the arrival (p. 24) and the
 * departure (p. 4) take the later steps, so those parts of a path are walked only where the demo
 * signs the acts (DemoCasesOptions.signing).
 */
const PATHS: readonly { steps: readonly CaseState[]; serves: 'own' | 'other' | 'any' | 'sends' }[] = [
  { steps: [], serves: 'any' },
  { steps: ['dossier_collecting'], serves: 'any' },
  { steps: ['dossier_collecting'], serves: 'any' },
  { steps: COLLECTED.slice(0, 2), serves: 'any' },
  { steps: COLLECTED.slice(0, 3), serves: 'any' },
  { steps: COLLECTED, serves: 'any' },
  { steps: [...COLLECTED, 'decided'], serves: 'any' }, // 10.2 or 10.4: the director's letter still to come (p. 16)
  { steps: [...COLLECTED, 'decided', 'listed'], serves: 'any' },
  { steps: [...COLLECTED, 'decided', 'listed', 'submitted_to_department'], serves: 'other' }, // p. 14
  { steps: [...COLLECTED, 'decided', 'listed', 'transfer_ordered'], serves: 'own' }, // p. 13
  { steps: [...COLLECTED, 'decided', 'listed', 'submitted_to_department', 'transfer_ordered', 'transferred'], serves: 'other' }, // p. 17, 24
  { steps: [...COLLECTED, 'decided', 'refused'], serves: 'any' }, // p. 16
  { steps: ['dossier_collecting', 'withdrawn'], serves: 'any' },
  { steps: ['dossier_collecting', 'dossier_sent'], serves: 'sends' }, // p. 7–8: another institution's commission decides
  { steps: [...COLLECTED, 'decided', 'listed', 'transfer_ordered', 'transferred', 'left'], serves: 'own' }, // p. 4: left on parole
];

/** The halfway house a demo convict of ours asks for elsewhere (route 'sends', V-77 p. 7–8). */
export const DEMO_OTHER_HALFWAY_HOUSE = 'panevezys';

/**
 * The part of a path the demo can walk without signing: up to the first step that a signed or
 * received act, an arrival or a departure takes (V-77 p. 13–18, 24, 4, 46).
 */
export function unsignedPart(steps: readonly CaseState[]): CaseState[] {
  let from: CaseState = 'request_received';
  const out: CaseState[] = [];
  for (const to of steps) {
    const means = stepMeans(from, to);
    if (means !== 'hand' && means !== 'meeting' && means !== 'system') break;
    out.push(to);
    from = to;
  }
  return out;
}

const NOTES: Partial<Record<CaseState, string>> = {
  refused: 'Direktoriaus motyvuotas sprendimas pagal komisijos siūlymą: galiojanti drausminė nuobauda.',
  withdrawn: 'Nuteistasis raštu atsiėmė prašymą.',
  ineligible: 'Paaiškėjo, kad nuteistasis neatitinka BVK 69 straipsnio 2 dalies sąlygų: nustatytas naujas teistumas.',
};

/** The path of a case that went to the commission but turned out not to meet the conditions (V-77 p. 6). */
const INELIGIBLE: readonly CaseState[] = [...COLLECTED.slice(0, 3), 'ineligible'];

export interface DemoCasesOptions {
  /** Seeds the random choices: the same seed gives the same cases (default 77). */
  seed?: number;
  /**
   * Only every n-th case whose path goes through a meeting takes it (default 1: all); the others
   * turn out not to meet the conditions before the commission meets. For large benchmark
   * directories: a decided case costs some fifteen meeting writes.
   */
  meetingEvery?: number;
  /**
   * Whether the cases go on past the commission's decision as the signed acts take them (the demo
   * command signs them with its officials' certificates). Without (the default, for benchmarks and
   * tests) each path stops where a signed or received act would take it on (unsignedPart).
   */
  signing?: boolean;
}

/** Why the commission put a case off to its next meeting (the case goes back to "ready"). */
const DEMO_POSTPONED = 'Svarstymas atidėtas: laukiama naujo nusikalstamo elgesio rizikos vertinimo (OASys), kuris bus atliktas iki kito posėdžio.';

/**
 * A step of a demo case. "scheduled" is dated the meeting's day and puts the case on that meeting's
 * agenda (every case with the same day goes on one meeting); the step after it is the meeting's
 * outcome: "decided" (with the decision it adopted) or "ready_for_commission" (put off, `note`
 * says why). Without an outcome the meeting stays planned.
 */
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
  /** 6.4: the work or study outside (default: chosen at random, never 'none'). */
  work?: WorkKind;
}

/** The commission meets on Thursdays: the meeting `weeks` weeks back (a working day, at least a week before today). */
export function pastMeetingDay(today: IsoDate, weeks: number): IsoDate {
  let d = addDays(today, -7 * weeks);
  while (weekday(d) !== 4) d = addDays(d, -1);
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** The Thursday meeting `weeks` weeks after the next one (at least three days from today). */
export function upcomingMeetingDay(today: IsoDate, weeks: number): IsoDate {
  let d = addDays(today, 3 + 7 * weeks);
  while (weekday(d) !== 4) d = addDays(d, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/**
 * The demo commission (DESIGN §1): five voting members at any time, the default rules. One member
 * left some weeks ago and another took the place, so older meetings show the earlier membership.
 * `since` is the day the commission was formed (before its first meeting).
 */
export function demoCommission(today: IsoDate, since: IsoDate): Commission {
  const change = addDays(today, -24);
  return {
    members: [
      { id: 'grigas', name: 'Vytautas Grigas', position: 'Direktoriaus pavaduotojas', role: 'chair', votes: true, from: since, gender: 'male' },
      { id: 'vilkiene', name: 'Aušra Vilkienė', position: 'Socialinės reabilitacijos skyriaus vyriausioji specialistė', role: 'secretary', votes: true, from: since, gender: 'female' },
      { id: 'vaitkus', name: 'Jonas Vaitkus', position: 'Priežiūros skyriaus viršininkas', role: 'member', votes: true, from: since },
      { id: 'jasinskiene', name: 'Rūta Jasinskienė', position: 'Psichologė', role: 'member', votes: true, from: since },
      { id: 'lukosius', name: 'Darius Lukošius', position: 'Socialinės reabilitacijos skyriaus viršininkas', role: 'member', votes: true, from: since, until: change },
      { id: 'kairyte', name: 'Laima Kairytė', position: 'Socialinė darbuotoja', role: 'member', votes: true, from: addDays(change, 1) },
    ],
    rules: DEFAULT_VOTING_RULES,
  };
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
 * The decided ones were decided at the weekly meetings of past weeks, a few cases each (about ten
 * each for large counts), their dossiers received a few days before; the cases waiting on an agenda
 * go to the next meeting (the first of them was put off at a past one).
 */
export function demoCases(today: IsoDate, count: number, { seed = 77, meetingEvery = 1, signing = false }: DemoCasesOptions = {}): DemoCase[] {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const others = DEMO_SETTINGS.otherInstitutions.map((o) => o.id);
  const perMeeting = count <= 100 ? 4 : 10;
  let held = 0;
  let upcoming = 0;
  let viaMeeting = 0;
  return Array.from({ length: count }, (_, i) => {
    const { steps: whole, serves } = PATHS[i % PATHS.length]!;
    const planned = signing ? whole : unsignedPart(whole);
    const path = !planned.includes('scheduled') || viaMeeting++ % meetingEvery === 0 ? planned : INELIGIBLE;
    const servingInstitutionId = serves === 'own' || serves === 'sends' || (serves === 'any' && rnd() < 0.4) ? OWN_INSTITUTION_ID : pick(others);
    const servesHere = servingInstitutionId === OWN_INSTITUTION_ID;
    const decidedAt = path.indexOf('decided');
    const waits = path.at(-1) === 'scheduled';
    const postponed = waits && upcoming === 0; // put off at a past meeting, on the next one's agenda now
    const steps: DemoStep[] = [];
    let requestDate: IsoDate;
    if (waits && !postponed) {
      // On the agenda of a coming meeting, its dossier received a few days ago (V-77 p. 9).
      const meeting = upcomingMeetingDay(today, Math.floor(upcoming++ / perMeeting));
      const receivedOn = earlier(addDays(meeting, -int(4, 12)), today);
      const collectingOn = addDays(receivedOn, -int(5, 20));
      requestDate = addDays(collectingOn, -int(1, 7));
      steps.push(
        { to: 'dossier_collecting', on: collectingOn },
        { to: 'dossier_received', on: receivedOn },
        { to: 'ready_for_commission', on: receivedOn },
        { to: 'scheduled', on: meeting },
      );
    } else if (decidedAt >= 0 || postponed) {
      // Dated back from the meeting: V-77 p. 9 wants it within 10 working days of the dossier.
      const meeting = pastMeetingDay(today, 1 + Math.floor(held++ / perMeeting));
      const receivedOn = addDays(meeting, -int(1, 9));
      const collectingOn = addDays(receivedOn, -int(5, 20));
      requestDate = addDays(collectingOn, -int(1, 7));
      steps.push(
        { to: 'dossier_collecting', on: collectingOn },
        { to: 'dossier_received', on: receivedOn },
        { to: 'ready_for_commission', on: receivedOn },
        { to: 'scheduled', on: meeting },
      );
      if (postponed) {
        steps.push({ to: 'ready_for_commission', on: meeting, note: DEMO_POSTPONED }, { to: 'scheduled', on: upcomingMeetingDay(today, Math.floor(upcoming++ / perMeeting)) });
      } else {
        // A path that ends at the decision waits for the director's letter (10.2, 10.4: p. 16); after
        // 10.1 or 10.3 the convict would be on the list by itself (p. 12). A path that ends in a
        // refusal before the list was refused by that letter.
        const positive = whole.includes('listed');
        steps.push({ to: 'decided', on: meeting, decision: demoDecision(servesHere, positive) });
        let on = meeting;
        for (const to of path.slice(decidedAt + 1)) {
          on = earlier(addDays(on, int(1, 3)), today);
          steps.push({ to, on, ...(NOTES[to] ? { note: NOTES[to] } : {}) });
        }
      }
    } else {
      requestDate = addDays(today, -(int(2, 12) + path.length * int(6, 9)));
      let on = requestDate;
      for (const to of path) {
        on = earlier(addDays(on, int(1, 7)), today);
        steps.push({ to, on, ...(NOTES[to] ? { note: NOTES[to] } : {}) });
      }
    }
    const possibleTransferDate = addDays(requestDate, int(-10, 55));
    const possibleParoleDate = addCalendarMonths(possibleTransferDate, int(3, 11));
    return {
      request: {
        firstName: pick(FIRST),
        lastName: pick(LAST),
        personalFileNo: `D-${String(i + 1).padStart(5, '0')}`,
        birthDate: `${int(1962, 2000)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
        servingInstitutionId,
        halfwayHouseInstitutionId: serves === 'sends' ? DEMO_OTHER_HALFWAY_HOUSE : OWN_INSTITUTION_ID,
        requestDate,
        possibleTransferDate,
        possibleParoleDate,
        sentenceEnd: addCalendarMonths(possibleParoleDate, int(6, 36)),
      },
      steps,
    };
  });
}

const earlier = (a: IsoDate, b: IsoDate): IsoDate => (compareIso(a, b) <= 0 ? a : b);
