import { ballotBase, criterionBase, decisionBase, postponementBase, recusalBase } from '../../shared/domain/meetingRules';
import type { Dispatch } from '../../shared/contract/dispatch';
import type { AgendaItemView, MeetingView } from '../../shared/contract/meetingSchemas';
import type { MethodName, MethodOutput } from '../../shared/contract/methods';
import type { CaseRecord, CaseView } from '../../shared/contract/schemas';
import type { DocumentItem, DocumentRequest } from '../../shared/contract/documentSchemas';
import { stepMeans } from '../../shared/domain/caseStates';
import { addCalendarMonths, addDays, compareIso, daysBetween, type IsoDate } from '../../shared/domain/calendar';
import type { CriterionId } from '../../shared/domain/criteria';
import { DECISIONS, type DecisionId } from '../../shared/domain/decisions';
import { factsOf, type FactsByItem, type RiskLevel, type WorkKind } from '../../shared/domain/dossier';
import { DOSSIER_ITEMS, type DossierItemId } from '../../shared/domain/dossierItems';
import { DomainError, errorFromData } from '../../shared/domain/errors';
import type { Assessment, Span } from '../../shared/domain/evaluation';
import { OWN_INSTITUTION_ID } from '../../shared/contract/schemas';
import type { Role } from '../../shared/contract/roles';
import { DEMO_SETTINGS, demoCases, demoCommission, demoDecision, pastMeetingDay, type DemoCase, type DemoStep } from './demoData';
import { demoIdCardPng, demoPdf } from './demoDocuments';
import { DEMO_CA_NAME, DEMO_OFFICIALS, linkDemoOfficials, makeDemoCertificates, type DemoCertificates } from './demoCertificates';
import { dirname, join, resolve } from 'node:path';

/** Call a method through the one dispatch path and unwrap the result, failing loudly. */
async function call<M extends MethodName>(dispatch: Dispatch, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input);
  if (!result.ok) throw errorFromData(result.error);
  return result.value as MethodOutput<M>;
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (compareIso(a, b) >= 0 ? a : b);
const earlier = (a: IsoDate, b: IsoDate): IsoDate => (compareIso(a, b) <= 0 ? a : b);

/** A small deterministic random generator seeded by a text (the personal file number): the same demo every time. */
function randomFor(text: string) {
  let a = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!,
    /** A day from `from` to `to` (`from` when the span is empty). */
    dayIn: (from: IsoDate, to: IsoDate): IsoDate => addDays(from, int(0, Math.max(0, daysBetween(from, to)))),
  };
}
type Random = ReturnType<typeof randomFor>;

// ---- The dossier of a demo case (V-77 p. 6), loaded as the secretary loads it ----

/**
 * How much of the dossier a case has: all of it once it went to the commission (V-77 p. 8), all but
 * the social investigation conclusion while it waits in "dossier received", the first items while
 * the material is being collected, nothing right after the request.
 */
type DossierExtent = 'none' | 'begun' | 'all_but_one' | 'complete';

function extentOf(steps: readonly DemoStep[]): DossierExtent {
  const states = steps.map((s) => s.to);
  if (states.includes('ready_for_commission') || states.includes('dossier_sent')) return 'complete'; // p. 7–8: all of it, to our commission or the other institution's
  if (states.includes('dossier_received')) return 'all_but_one';
  if (states.includes('dossier_collecting')) return 'begun';
  return 'none';
}

/** One item as the convict's institution sent it: its document (if any), its facts and the day it arrived. */
interface DemoItem {
  item: DossierItemId;
  file?: { name: string; bytes: Uint8Array };
  facts?: FactsByItem[DossierItemId];
  receivedOn: IsoDate;
}

const RISK_LT: Record<RiskLevel, string> = { low: 'žema', medium: 'vidutinė', high: 'didelė', undetermined: 'nenustatyta' };
const WORK_LT: Record<WorkKind, string> = {
  halfway_house_work: 'sutinka dirbti pusiaukelės namų pasiūlytą darbą',
  other_work: 'turi darbo pasiūlymą už pataisos įstaigos ribų',
  study: 'mokysis dieniniu būdu',
  none: 'darbo ar mokymosi galimybių nenurodė',
};
const EMPLOYERS = ['UAB „Statybų ratas“', 'UAB „Kauno baldai“', 'UAB „Žalias kiemas“', 'Kaišiadorių rajono savivaldybės komunalinis ūkis'];
const SCHOOLS = ['Kauno technikos profesinio mokymo centras', 'Vilniaus kolegija'];
const COURTS = ['Kauno apylinkės teismas', 'Vilniaus miesto apylinkės teismas', 'Marijampolės apylinkės teismas', 'Alytaus apylinkės teismas'];
const OFFENCES = ['BK 178 str. 2 d. (vagystė)', 'BK 180 str. 1 d. (plėšimas)', 'BK 182 str. 1 d. (sukčiavimas)', 'BK 138 str. 1 d. (nesunkus sveikatos sutrikdymas)', 'BK 281 str. 1 d. (kelių eismo taisyklių pažeidimas)'];

function demoItems(view: CaseView, extent: DossierExtent, window: { from: IsoDate; to: IsoDate }, today: IsoDate, negative: boolean, work: WorkKind | undefined): DemoItem[] {
  const { convict, request } = view.record;
  const rnd: Random = randomFor(convict.personalFileNo);
  const arrives = () => rnd.dayIn(window.from, window.to);
  const sentenceStart = addCalendarMonths(request.requestDate, -rnd.int(14, 48));
  const person = `Nuteistasis: ${convict.firstName} ${convict.lastName}, gim. ${convict.birthDate}, asmens bylos Nr. ${convict.personalFileNo}.`;
  const pdf = (item: DossierItemId, fileName: string, lines: string[], on: IsoDate) => {
    const title = `${item} ${DOSSIER_ITEMS.find((i) => i.id === item)!.lt}`;
    const bytes = demoPdf(title, [request.servingInstitution.name, person, ...lines, `Parengta ${on}.`], on);
    return { name: `${item} ${fileName}.pdf`, bytes };
  };
  const items: DemoItem[] = [];
  const add = (item: DossierItemId, facts: FactsByItem[DossierItemId] | undefined, file: (on: IsoDate) => DemoItem['file']) => {
    const receivedOn = arrives();
    items.push({ item, receivedOn, ...(facts ? { facts } : {}), file: file(addDays(receivedOn, -rnd.int(0, 3))) });
  };

  // 6.3 comes first: the request itself and the consent to disclose personal data.
  const f63: FactsByItem['6.3'] = { requestDate: request.requestDate, halfwayHouse: request.halfwayHouse.name, consent: true };
  add('6.3', f63, (on) => pdf('6.3', 'Prašymas ir sutikimas', [`Prašymo data ${f63.requestDate}. Prašoma perkelti į: ${f63.halfwayHouse}.`, 'Sutinku, kad mano asmens duomenys būtų atskleisti sprendžiant dėl perkėlimo į pusiaukelės namus.'], on));

  // 6.6 from the personal file: the sentence and the dates the request names.
  const conviction = { date: addDays(sentenceStart, -rnd.int(20, 120)), court: rnd.pick(COURTS), description: rnd.pick(OFFENCES) };
  const convictions = rnd.chance(0.4)
    ? [{ date: addCalendarMonths(conviction.date, -rnd.int(36, 96)), court: rnd.pick(COURTS), description: rnd.pick(OFFENCES) }, conviction]
    : [conviction];
  const f66: FactsByItem['6.6'] = {
    convictions,
    sentenceStart,
    sentenceEnd: request.sentenceEnd,
    possibleTransferDate: request.possibleTransferDate,
    possibleParoleDate: request.possibleParoleDate,
  };
  add('6.6', f66, (on) =>
    pdf('6.6', 'Teistumai ir bausmės terminai', [
      ...convictions.map((c) => `Nuosprendis ${c.date}, ${c.court}: ${c.description}.`),
      `Bausmės pradžia ${f66.sentenceStart}, pabaiga ${f66.sentenceEnd}.`,
      `Galimo perkėlimo data ${f66.possibleTransferDate}, galimo lygtinio paleidimo data ${f66.possibleParoleDate}.`,
    ], on),
  );

  // 6.10: the identity document must be valid on the transfer date (V-77 p. 3.2).
  const idCard = rnd.chance(0.7);
  const idIssue = extent === 'all_but_one' && rnd.chance(0.5);
  // The issue: valid today but not on the transfer date, or (when the transfer is near or past) already expired.
  const untilTransfer = daysBetween(today, request.possibleTransferDate);
  const troubled = untilTransfer > 5 ? addDays(today, rnd.int(1, untilTransfer - 1)) : addDays(today, -rnd.int(5, 60));
  const validUntil = idIssue ? troubled : addCalendarMonths(later(today, request.possibleTransferDate), rnd.int(10, 70));
  const f610: FactsByItem['6.10'] = { documentType: idCard ? 'id_card' : 'passport', number: String(rnd.int(10_000_000, 39_999_999)), validUntil };
  add('6.10', extent === 'begun' ? undefined : f610, (on) =>
    idCard
      ? { name: '6.10 asmens tapatybės kortelė.png', bytes: demoIdCardPng(rnd.int(1, 2 ** 31)) }
      : pdf('6.10', 'paso kopija', [`Paso Nr. ${f610.number}, galioja iki ${f610.validUntil}.`, 'Kopija tikra.'], on),
  );
  if (extent === 'begun') return items;

  const f61: FactsByItem['6.1'] = { instrument: 'OASys', assessedOn: addDays(request.requestDate, -rnd.int(5, 40)), level: rnd.pick(['low', 'low', 'medium'] as const), previousLevel: rnd.pick(['medium', 'high'] as const) };
  add('6.1', f61, (on) =>
    pdf('6.1', 'Rizikos vertinimas', [`Vertinimo priemonė ${f61.instrument}, vertinta ${f61.assessedOn}.`, `Nusikalstamo elgesio rizikos lygis: ${RISK_LT[f61.level]} (ankstesnis: ${RISK_LT[f61.previousLevel!]}).`], on),
  );

  // 6.2 is the one still awaited while the case waits in "dossier received" (V-77 p. 7).
  if (extent === 'complete') {
    const received = arrives();
    const f62: FactsByItem['6.2'] = { concludedOn: earlier(addDays(received, -rnd.int(1, 6)), today), summary: rnd.pick(['Socialiniai ryšiai palaikomi, šeima pasirengusi padėti, gyvenamoji vieta yra.', 'Ryšiai su motina ir seserimi palaikomi; po paleidimo ketina gyventi pas seserį Kaune.', 'Dalyvauja priklausomybių mažinimo programoje; socialinis darbuotojas perkėlimui pritaria.']) };
    items.push({ item: '6.2', receivedOn: received, facts: f62, file: pdf('6.2', 'Socialinio tyrimo išvada', [`Išvada parengta ${f62.concludedOn}.`, f62.summary], f62.concludedOn) });
  }

  const kind = work ?? rnd.pick(['halfway_house_work', 'halfway_house_work', 'other_work', 'study'] as const);
  const organisation = kind === 'other_work' ? rnd.pick(EMPLOYERS) : kind === 'study' ? rnd.pick(SCHOOLS) : kind === 'halfway_house_work' ? request.halfwayHouse.name : '';
  const f64: FactsByItem['6.4'] = { kind, organisation };
  add('6.4', f64, (on) => pdf('6.4', kind === 'halfway_house_work' ? 'Sutikimas dirbti' : 'Informacija apie darbą ir mokymąsi', [`Nuteistasis ${WORK_LT[kind]}${organisation ? `: ${organisation}` : ''}.`], on));

  const debt = rnd.pick([0, 0, 120.5, 845.3, 2310]);
  const f65: FactsByItem['6.5'] = { totalEur: debt, creditors: debt > 0 ? rnd.pick(['VMI', 'UAB „Kredito linija“', 'VMI; nukentėjusiojo žalos atlyginimas']) : '' };
  add('6.5', f65, (on) => pdf('6.5', 'Pažyma apie įsiskolinimus', [debt > 0 ? `Įsiskolinimai iš viso ${debt.toFixed(2)} Eur; kreditoriai: ${f65.creditors}.` : 'Finansinių įsiskolinimų nėra.'], on));

  // 6.7: the judgment is needed only if the commission cannot consult the personal file.
  const fileAccessible = rnd.chance(0.75);
  const f67: FactsByItem['6.7'] = { personalFileAccessible: fileAccessible };
  if (fileAccessible) items.push({ item: '6.7', facts: f67, receivedOn: window.from });
  else add('6.7', f67, (on) => pdf('6.7', 'Nuosprendžio išrašas', [`${conviction.court}, nuosprendis ${conviction.date}: ${conviction.description}.`, 'Išrašas tikras.'], on));

  // 6.8: rewards, and a violation: its penalty still in force where the commission's proposal is negative for it.
  const entries: FactsByItem['6.8']['entries'] = [{ kind: 'reward', date: rnd.dayIn(addDays(sentenceStart, 60), addDays(request.requestDate, -30)), description: rnd.pick(['Padėka už gerą elgesį', 'Padėka už aktyvų dalyvavimą užimtumo veikloje']) }];
  if (negative) {
    const date = rnd.dayIn(addDays(request.requestDate, -60), addDays(request.requestDate, -10));
    entries.push({ kind: 'violation', date, description: 'Draudžiamo daikto (mobiliojo telefono) laikymas', penaltyUntil: later(addCalendarMonths(date, 12), addDays(today, 1)) });
  } else if (rnd.chance(0.3)) {
    const date = addDays(sentenceStart, rnd.int(30, 120));
    entries.push({ kind: 'violation', date, description: 'Dienotvarkės pažeidimas', penaltyUntil: addCalendarMonths(date, 6) });
  }
  entries.sort((a, b) => compareIso(a.date, b.date));
  const f68: FactsByItem['6.8'] = { entries };
  add('6.8', f68, (on) => pdf('6.8', 'Pažeidimai ir paskatinimai', entries.map((e) => `${e.date}: ${e.kind === 'reward' ? 'paskatinimas' : 'pažeidimas'} – ${e.description}${e.penaltyUntil ? ` (nuobauda galioja iki ${e.penaltyUntil})` : ''}.`), on));

  const f69: FactsByItem['6.9'] = { restrictions: rnd.chance(0.2) ? ['Negali dirbti aukštyje (gydytojo pažyma)'] : [] };
  add('6.9', f69, (on) => pdf('6.9', 'Apribojimai dirbti', [f69.restrictions.length ? `Nustatyti apribojimai: ${f69.restrictions.join('; ')}.` : 'Apribojimų dirbti tam tikrą darbą nenustatyta.'], on));

  if (rnd.chance(0.4)) {
    const f611: FactsByItem['6.11'] = { description: 'Būrio viršininko charakteristika' };
    add('6.11', f611, (on) => pdf('6.11', 'Charakteristika', ['Nuteistasis drausmingas, dalyvauja užimtumo veikloje, santykiai su kitais nuteistaisiais be konfliktų.'], on));
  }
  return items;
}

/**
 * Load the dossier as the secretary does: the scanned folder in one load (stage, then attach), then
 * each item's facts and the day it arrived (between `window.from` and `window.to`).
 */
async function loadDemoDossier(dispatch: Dispatch, view: CaseView, items: readonly DemoItem[]): Promise<CaseView> {
  const caseId = view.record.id;
  const files = [];
  for (const i of items.filter((x) => x.file)) {
    const staged = await call(dispatch, 'dossier.stage', { caseId, name: i.file!.name, bytes: i.file!.bytes });
    files.push({ stagedId: staged.stagedId, item: i.item });
  }
  if (files.length > 0) view = await call(dispatch, 'dossier.attach', { caseId, revision: view.record.revision, files });
  // 6.6 before 6.8: the conduct is checked against the sentence's start.
  const order = DOSSIER_ITEMS.map((i) => i.id);
  for (const i of [...items].sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item))) {
    view = await call(dispatch, 'dossier.saveItem', {
      caseId,
      revision: view.record.revision,
      item: i.item,
      ...(i.file ? { receivedOn: i.receivedOn } : {}),
      ...(i.facts ? { facts: i.facts } : {}),
    });
  }
  return view;
}

// ---- The commission's meetings (V-77 p. 9–11), held as the secretary records them ----

const RISK_CHANGE_LT = { lower: 'sumažėjo', same: 'nepakito', higher: 'padidėjo', unknown: 'pokytis nežinomas' } as const;
const PLACE = 'Administracinio pastato posėdžių salė (2 aukštas)';
const REHABILITATION = [
  { text: 'Individualaus socialinės reabilitacijos plano priemonės įvykdytos: baigta pozityvaus elgesio programa „Ryšys“.', assessment: 'favourable' },
  { text: 'Plano priemonės vykdomos: baigtas profesinio mokymo kursas (apdailininkas), lanko psichologo konsultacijas.', assessment: 'favourable' },
  { text: 'Plano priemonės vykdomos iš dalies: priklausomybių mažinimo programa pradėta, bet dar nebaigta.', assessment: 'neutral' },
] as const;
const OTHER = ['Kitų reikšmingų aplinkybių nenustatyta.', 'Šeima pasirengusi padėti; po paleidimo turės kur gyventi.', 'Augina nepilnametį sūnų, su juo palaiko ryšius; nuteistojo motina serga.'] as const;
const RECUSAL = 'Anksčiau tyrė šio nuteistojo drausmės pažeidimą, todėl nusišalina (interesų konfliktas).';

const spanLt = (s: Span | null) => (s === null ? 'terminas jau suėjo' : `${s.months} mėn. ${s.days} d.`);
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** `text` ending in exactly one full stop (a span already ends in one: "3 mėn. 2 d."). */
const stop = (text: string) => (text.endsWith('.') ? text : `${text}.`);

interface DemoCriterion {
  criterion: CriterionId;
  findings: string;
  assessment: Assessment;
  onRegister?: boolean;
}

/**
 * The commission's findings on the nine criteria of V-77 p. 11 for one case, written from its
 * dossier as the secretary would on the meeting's day, with the reasons for `decision` (10.2 and
 * 10.4 must be reasoned). The assessments follow the facts.
 */
function demoEvaluation(record: CaseRecord, item: AgendaItemView, decision: DecisionId, date: IsoDate, rnd: Random): { criteria: DemoCriterion[]; rationale: string } {
  const items = record.dossier?.items ?? {};
  const t = item.timeLeft;
  const risk = item.risk;
  const conduct = factsOf(items, '6.8')?.entries ?? [];
  const violations = conduct.filter((e) => e.kind === 'violation');
  const active = violations.filter((e) => e.penaltyUntil !== undefined && compareIso(e.penaltyUntil, date) >= 0);
  const rewards = conduct.filter((e) => e.kind === 'reward').length;
  const social = factsOf(items, '6.2');
  const work = factsOf(items, '6.4');
  const restrictions = factsOf(items, '6.9')?.restrictions ?? [];
  const convictions = factsOf(items, '6.6')?.convictions ?? [];
  const rehabilitation = rnd.pick(REHABILITATION);
  const criteria: DemoCriterion[] = [
    {
      criterion: '11.1',
      findings: t ? stop(`Iki galimo lygtinio paleidimo (${t.paroleDate}) liko ${spanLt(t.untilParole)}, iki bausmės pabaigos (${t.sentenceEnd}) – ${spanLt(t.untilEnd)}`) : 'Bausmės terminų duomenų nėra.',
      assessment: t?.untilParole && t.untilParole.months < 12 ? 'favourable' : 'neutral',
    },
    {
      criterion: '11.2',
      findings: [
        rewards > 0 ? `Paskatintas ${rewards} k.` : 'Paskatinimų neturi.',
        violations.length === 0
          ? 'Drausmės pažeidimų nepadarė.'
          : `Pažeidimai: ${violations.map((v) => `${v.date} – ${v.description.toLowerCase()}${active.includes(v) ? ` (nuobauda galioja iki ${v.penaltyUntil})` : ' (nuobauda išnykusi)'}`).join('; ')}.`,
      ].join(' '),
      assessment: active.length > 0 ? 'unfavourable' : violations.length > 0 ? 'neutral' : 'favourable',
    },
    {
      criterion: '11.3',
      findings: social ? `Socialinio tyrimo išvada (${social.concludedOn}): ${social.summary}` : 'Socialinio tyrimo išvados nėra.',
      assessment: 'favourable',
    },
    { criterion: '11.4', findings: rehabilitation.text, assessment: rehabilitation.assessment },
    {
      criterion: '11.5',
      findings: risk
        ? `${risk.instrument} vertinimas ${risk.assessedOn}: nusikalstamo elgesio rizika ${RISK_LT[risk.level]}${risk.previousLevel ? `, ankstesnė – ${RISK_LT[risk.previousLevel]} (${RISK_CHANGE_LT[risk.change]})` : ''}.`
        : 'Rizikos vertinimo nėra.',
      assessment: risk?.level === 'high' ? 'unfavourable' : risk?.level === 'low' || risk?.change === 'lower' ? 'favourable' : 'neutral',
    },
    {
      criterion: '11.6',
      findings: `${sentence(WORK_LT[work?.kind ?? 'none'])}${work?.organisation ? ` (${work.organisation})` : ''}.${restrictions.length > 0 ? ` Apribojimai: ${restrictions.join('; ')}.` : ''}`,
      assessment: work === undefined || work.kind === 'none' ? 'unfavourable' : 'favourable',
    },
    {
      criterion: '11.7',
      findings: `${convictions.map((c) => `${c.court} ${c.date}: ${c.description}`).join('; ')}.${convictions.length > 1 ? ' Teistas ne pirmą kartą.' : ' Teistas pirmą kartą.'}`,
      assessment: convictions.length > 1 ? 'unfavourable' : 'neutral',
    },
    { criterion: '11.8', findings: 'Į linkusiųjų pabėgti ar užpulti nuteistųjų įskaitą neįtrauktas.', assessment: 'favourable', onRegister: false },
    { criterion: '11.9', findings: rnd.pick(OTHER), assessment: 'neutral' },
  ];
  if (DECISIONS.find((d) => d.id === decision)!.positive) {
    const rationale = `Nuteistasis atitinka perkėlimo sąlygas: ${active.length === 0 ? 'galiojančių nuobaudų neturi' : 'nuobauda netrukus išnyks'}, nusikalstamo elgesio rizika ${risk ? RISK_LT[risk.level] : 'nenustatyta'}, ${WORK_LT[work?.kind ?? 'none']}.`;
    return { criteria, rationale };
  }
  const reasons = [
    ...active.map((v) => `galioja drausminė nuobauda iki ${v.penaltyUntil} už ${v.date} padarytą pažeidimą (V-77 11.2 p.)`),
    ...(work === undefined || work.kind === 'none' ? ['nuteistasis neturi galimybių dirbti ar mokytis laisvėje (V-77 11.6 p.)'] : []),
    ...(risk?.level === 'high' ? ['nusikalstamo elgesio rizika didelė (V-77 11.5 p.)'] : []),
  ];
  const rationale = `Komisija siūlo ${decision === '10.2' ? 'neperkelti nuteistojo į pusiaukelės namus' : 'neteikti teikimo Kalėjimų departamento direktoriui'}, nes ${reasons.length > 0 ? reasons.join('; ') : 'kriterijai įvertinti nepalankiai'}.`;
  return { criteria, rationale };
}

/** A demo case on its way: its view, the next of its steps, and whether its dossier is loaded. */
interface Walk {
  demo: DemoCase;
  view: CaseView;
  next: number;
  loaded: boolean;
}

/**
 * What the demo needs to take the steps after the commission's decision (issue 14): the director's
 * acts signed by the officials (V-77 p. 13–16, 46), which move the case by themselves. Absent, a
 * demo case never reaches such a step (demoCases without `signing`).
 */
export interface DemoActs {
  /** Issue a document and have each official it awaits sign it in turn; returns it fully signed. */
  issueAndSign(request: DocumentRequest): Promise<DocumentItem>;
}

/** The documents a case's acts cite, signed once each: the meeting's minutes and the case's proposal (issue 12). */
const groundworkSigned = new WeakMap<DemoActs, Set<string>>();

async function signGroundwork(acts: DemoActs, record: CaseRecord): Promise<void> {
  const done = groundworkSigned.get(acts) ?? new Set<string>();
  groundworkSigned.set(acts, done);
  const meetingId = record.facts.meetingId;
  if (meetingId !== undefined && !done.has(`minutes ${meetingId}`)) {
    await acts.issueAndSign({ kind: 'minutes', meetingId });
    done.add(`minutes ${meetingId}`);
  }
  if (!done.has(`proposal ${record.id}`)) {
    await acts.issueAndSign({ kind: 'proposal', caseId: record.id });
    done.add(`proposal ${record.id}`);
  }
}

const RETURN_REASON = 'Nuteistasis pakartotinai pažeidė pusiaukelės namų vidaus tvarkos taisykles: du kartus negrįžo laiku iš darbo (V-77 45 p., BVK 69 str. 3 d.).';
const DEPARTMENT = 'Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos direktorius';

/**
 * Take a step that a signed act takes (V-77 p. 13–16, 46): the groundwork the act cites, then the
 * act itself, issued and signed by the director (the return by the employee's submission first).
 * An act for a convict further down the list names why (p. 12).
 */
async function signedStep(dispatch: Dispatch, acts: DemoActs, view: CaseView, step: DemoStep): Promise<CaseView> {
  const caseId = view.record.id;
  const from = view.record.state;
  await signGroundwork(acts, view.record);
  let request: DocumentRequest;
  if (from === 'listed' && step.to === 'transfer_ordered') request = { kind: 'order', caseId };
  else if (from === 'listed' && step.to === 'submitted_to_department') request = { kind: 'submission', caseId };
  else if (from === 'listed' && step.to === 'refused') request = { kind: 'declineDecision', caseId, reason: step.note ?? 'Direktorius nusprendė neįgyvendinti komisijos siūlymo.' };
  else if (from === 'decided' && step.to === 'refused') request = { kind: 'letter', caseId };
  else if (from === 'transferred' && step.to === 'returned') {
    await acts.issueAndSign({ kind: 'returnSubmission', caseId, reason: RETURN_REASON, annexes: [] });
    request = { kind: 'returnDecision', caseId, reason: RETURN_REASON };
  } else throw new DomainError('DEMO_STATE', { state: from, expected: step.to });
  try {
    await acts.issueAndSign(request);
  } catch (e) {
    if (!(e instanceof DomainError && e.code === 'PASS_OVER_REASON_REQUIRED') || (request.kind !== 'order' && request.kind !== 'submission')) throw e;
    await acts.issueAndSign({ ...request, passOverReason: 'Anksčiau sąraše esančiam nuteistajam perkėlimas atidėtas: laukiama teismo sprendimo dėl nuobaudos.' });
  }
  return call(dispatch, 'cases.get', { id: caseId });
}

/** Record a received act (V-77 p. 8, 17–18) with its copy, as the secretary registers it. */
async function receivedAct(dispatch: Dispatch, view: CaseView, kind: 'departmentResolution' | 'departmentRefusal' | 'otherOutcome', on: IsoDate): Promise<CaseView> {
  const { record } = view;
  const other = DEMO_SETTINGS.otherInstitutions.find((o) => o.id === record.request.halfwayHouse.id);
  const issuer = kind === 'otherOutcome' ? (other?.name ?? record.request.halfwayHouse.name) : DEPARTMENT;
  const number = `${kind === 'otherOutcome' ? '1-' : 'V-'}${randomFor(`${record.convict.personalFileNo} ${kind}`).int(100, 2999)}`;
  const title = kind === 'departmentResolution' ? 'NUTARIMAS DĖL NUTEISTOJO PERKĖLIMO' : kind === 'departmentRefusal' ? 'SPRENDIMAS DĖL NUTEISTOJO NEPERKĖLIMO' : 'PRANEŠIMAS APIE SPRENDIMĄ';
  const text = kind === 'otherOutcome' ? `Nuteistojo ${record.convict.firstName} ${record.convict.lastName} prašymas perkelti į pusiaukelės namus patenkintas.` : `Nuteistasis ${record.convict.firstName} ${record.convict.lastName} perkeliamas į ${DEMO_SETTINGS.institution.halfwayHouseName}.`;
  const bytes = demoPdf(title, [issuer, text, `${on} Nr. ${number}`], on);
  const staged = await call(dispatch, 'dossier.stage', { caseId: record.id, name: `${number}.pdf`, bytes });
  return call(dispatch, 'cases.recordAct', {
    id: record.id,
    revision: record.revision,
    kind,
    number,
    date: on,
    receivedOn: on,
    issuer,
    ...(kind === 'otherOutcome' ? { granted: true } : {}),
    stagedId: staged.stagedId,
  });
}

/**
 * Take a case's steps as a secretary would, up to its next meeting (or its last step), loading its
 * dossier (V-77 p. 6) while the material is collected: complete for a case that went to the
 * commission, partial for one still collecting or waiting (marked received all the same, the
 * secretary confirming what is missing). A complete dossier takes the case to the commission by
 * itself when it is marked received (p. 8), and a 10.1 or 10.3 decision puts the convict on the list
 * (p. 12). After the decision the acts take the steps (issue 14): the director's signed ones
 * (`acts`), the Prison Department's received ones, the arrival with its p. 25 checks and the
 * departure. A step is never dated before the one before it.
 */
async function walk(dispatch: Dispatch, w: Walk, today: IsoDate, acts: DemoActs | undefined): Promise<void> {
  const { steps } = w.demo;
  const extent = extentOf(steps);
  const negative = steps.some((s) => s.to === 'refused' || (s.decision !== undefined && !DECISIONS.find((d) => d.id === s.decision)!.positive));
  const load = async (until: IsoDate) => {
    const window = { from: w.view.lastStepOn, to: later(until, w.view.lastStepOn) };
    w.view = await loadDemoDossier(dispatch, w.view, demoItems(w.view, extent, window, today, negative, w.demo.work));
    w.loaded = true;
  };
  for (; w.next < steps.length; w.next++) {
    const step = steps[w.next]!;
    if (step.to === 'scheduled') return; // the meeting's step (V-77 p. 9)
    if (!w.loaded && step.to !== 'dossier_collecting') await load(step.on);
    const { record } = w.view;
    if (record.state === step.to) continue; // p. 8, 12: there already
    const on = later(step.on, w.view.lastStepOn);
    const means = stepMeans(record.state, step.to);
    const ref = { id: record.id, revision: record.revision };
    if (means === 'hand') {
      w.view = await call(dispatch, 'cases.transition', { ...ref, to: step.to, on, ...(step.note ? { note: step.note } : {}), ...(step.to === 'dossier_received' ? { confirmMissing: true } : {}) });
      if (step.to === 'dossier_sent' && acts) w.view = await receivedAct(dispatch, w.view, 'otherOutcome', earlier(addDays(on, 14), today)); // p. 8, 49
    } else if (means === 'document' && acts) {
      w.view = await signedStep(dispatch, acts, w.view, step);
    } else if (means === 'received') {
      w.view = await receivedAct(dispatch, w.view, step.to === 'refused' ? 'departmentRefusal' : 'departmentResolution', on);
    } else if (means === 'arrival') {
      const bed = randomFor(`${w.demo.request.personalFileNo} lova`);
      w.view = await call(dispatch, 'cases.recordArrival', { ...ref, on, time: `${String(bed.int(9, 14)).padStart(2, '0')}:${bed.pick(['00', '15', '30', '45'])}`, checks: { identity: true, search: true, rules: true, room: true }, room: String(bed.int(101, 112)), bed: bed.pick(['A', 'B']) });
    } else if (means === 'departure') {
      w.view = await call(dispatch, 'cases.recordDeparture', { ...ref, on, how: 'parole', note: 'Paleistas lygtinai teismo nutartimi.' });
    } else {
      throw new DomainError('DEMO_STATE', { state: record.state, expected: step.to });
    }
  }
  if (!w.loaded) await load(today);
}

/**
 * The meeting on `date` with these cases on its agenda (V-77 p. 9–11). Held when the cases' steps
 * say what it did with them: opened on its day, attendance (now and then an ordinary member is
 * away), each case evaluated on the nine criteria, the decision proposed with its reasons and put
 * to the vote (now and then a member dissents or recuses), a case put off where its step says so,
 * and closed. Otherwise it stays planned, to be held on its day.
 */
async function demoMeeting(dispatch: Dispatch, walks: readonly Walk[], date: IsoDate): Promise<MeetingView> {
  const outcomes = walks.map((w) => w.demo.steps[w.next + 1]);
  const held = outcomes.some((o) => o !== undefined);
  const stray = outcomes.find((o) => held && o?.to !== 'decided' && o?.to !== 'ready_for_commission');
  if (stray !== undefined || (held && outcomes.some((o) => o === undefined))) {
    throw new DomainError('DEMO_MEETING', { date, problem: 'outcomes' });
  }
  const rnd = randomFor(`posėdis ${date}`);
  const caseIds = walks.map((w) => w.view.record.id);
  let view = await call(dispatch, 'meetings.schedule', { date, time: rnd.pick(['09:30', '10:00', '13:30']), place: PLACE, caseIds });
  if (!held) return view;
  view = await call(dispatch, 'meetings.open', { id: view.record.id, revision: view.record.revision });
  const id = view.record.id;
  const ordinary = view.members.filter((m) => m.role === 'member');
  const chair = view.members.find((m) => m.role === 'chair')?.id;
  const away = rnd.chance(0.3) ? rnd.pick(ordinary).id : undefined;
  for (const m of view.members) if (m.id !== away) view = await call(dispatch, 'meetings.setAttendance', { id, memberId: m.id, present: true });
  for (const [k, w] of walks.entries()) {
    const outcome = outcomes[k]!;
    const caseId = w.view.record.id;
    const c = randomFor(`${w.demo.request.personalFileNo} ${date}`);
    const itemOf = () => view.items.find((i) => i.item.caseId === caseId)!;
    const { criteria, rationale } = demoEvaluation(w.view.record, itemOf(), outcome.decision ?? demoDecision(w.view.servesInHalfwayHouseInstitution, true), date, c);
    if (outcome.to === 'ready_for_commission') {
      // Put off: the findings so far stay on the record of this meeting.
      for (const e of criteria.slice(0, 3)) view = await call(dispatch, 'meetings.saveCriterion', { id, caseId, ...e, basedOn: criterionBase(itemOf().item, e.criterion) });
      view = await call(dispatch, 'meetings.postpone', { id, caseId, postponed: true, reason: outcome.note ?? 'Svarstymas atidėtas.', basedOn: postponementBase(itemOf().item) });
      continue;
    }
    const decision = outcome.decision!;
    const present = ordinary.filter((m) => view.record.present.includes(m.id));
    if (present.length === ordinary.length && c.chance(0.08)) {
      const recusing = c.pick(present).id;
      view = await call(dispatch, 'meetings.recuse', { id, caseId, memberId: recusing, recused: true, reason: RECUSAL, basedOn: recusalBase(itemOf().item, recusing) });
    }
    for (const e of criteria) view = await call(dispatch, 'meetings.saveCriterion', { id, caseId, ...e, basedOn: criterionBase(itemOf().item, e.criterion) });
    view = await call(dispatch, 'meetings.saveDecision', { id, caseId, decision, rationale, basedOn: decisionBase(itemOf().item) });
    const eligible = itemOf().eligible;
    // With four or five voting, one may vote against or abstain; the proposal is still adopted.
    const dissent = eligible.length >= 4 && c.chance(0.3) ? c.pick(eligible.filter((m) => m !== chair)) : undefined;
    for (const memberId of eligible) view = await call(dispatch, 'meetings.vote', { id, caseId, memberId, ballot: memberId === dissent ? c.pick(['against', 'abstain'] as const) : 'for', basedOn: ballotBase(itemOf().item, memberId) });
    if (itemOf().tally?.status !== 'adopted') {
      throw new DomainError('DEMO_MEETING', { date, problem: 'notAdopted' });
    }
  }
  return call(dispatch, 'meetings.close', { id, revision: view.record.revision });
}

/** Set up the demo commission, formed well before the earliest meeting of `demos`, unless there is one. */
export async function ensureDemoCommission(dispatch: Dispatch, demos: readonly DemoCase[]): Promise<void> {
  if ((await call(dispatch, 'commission.get', {})) !== null) return;
  const { today } = await call(dispatch, 'app.info', {});
  const first = demos.flatMap((d) => d.steps.filter((s) => s.to === 'scheduled').map((s) => s.on)).reduce((a, b) => (compareIso(a, b) <= 0 ? a : b), today);
  await call(dispatch, 'commission.save', { revision: 0, ...demoCommission(today, addCalendarMonths(first, -6)) });
}

/**
 * Register the demo cases and walk each through its steps; a meeting takes the cases it has on its
 * agenda the rest of the way (V-77 p. 9–10): the meetings are held day by day, each with every case
 * whose "scheduled" step has its day, then the cases go on. Returns the cases' views, in order.
 */
export async function addDemoCases(dispatch: Dispatch, demos: readonly DemoCase[], acts?: DemoActs): Promise<CaseView[]> {
  const { today } = await call(dispatch, 'app.info', {});
  if (demos.some((d) => d.steps.some((s) => s.to === 'scheduled'))) await ensureDemoCommission(dispatch, demos);
  const walks: Walk[] = [];
  for (const demo of demos) {
    const w: Walk = { demo, view: await call(dispatch, 'cases.register', demo.request), next: 0, loaded: extentOf(demo.steps) === 'none' };
    await walk(dispatch, w, today, acts);
    walks.push(w);
  }
  for (;;) {
    const waiting = walks.filter((w) => w.demo.steps[w.next]?.to === 'scheduled');
    if (waiting.length === 0) break;
    const date = waiting.map((w) => w.demo.steps[w.next]!.on).reduce((a, b) => (compareIso(a, b) <= 0 ? a : b));
    const agenda = waiting.filter((w) => w.demo.steps[w.next]!.on === date);
    const meeting = await demoMeeting(dispatch, agenda, date);
    for (const w of agenda) {
      w.next += meeting.record.state === 'closed' ? 2 : 1;
      w.view = await call(dispatch, 'cases.get', { id: w.view.record.id });
      await walk(dispatch, w, today, acts);
    }
  }
  for (const { demo, view } of walks) {
    const expected = demo.steps.at(-1)?.to ?? 'request_received';
    if (view.record.state !== expected) {
      throw new DomainError('DEMO_STATE', { state: view.record.state, expected });
    }
  }
  return walks.map((w) => w.view);
}

/** One demo case (see addDemoCases); a meeting step holds a meeting with this case alone. */
export async function addDemoCase(dispatch: Dispatch, demo: DemoCase, acts?: DemoActs): Promise<CaseView> {
  return (await addDemoCases(dispatch, [demo], acts))[0]!;
}

/** One demo user per role, so that a newcomer can sign in as each (printed by `npm run cli -- demo`). */
export const DEMO_USERS: readonly { username: string; displayName: string; roles: Role[]; password: string }[] = [
  { username: 'admin', displayName: 'Rasa Administratorė', roles: ['administrator'], password: 'Demo-admin-2026' },
  // Issue 12: the officials who sign are people with accounts of their own (DEMO_OFFICIALS).
  { username: 'sekretore', displayName: 'Aušra Vilkienė', roles: ['secretary'], password: 'Demo-sekretore-2026' },
  { username: 'pirmininkas', displayName: 'Vytautas Grigas', roles: ['chair'], password: 'Demo-pirmininkas-2026' },
  { username: 'narys', displayName: 'Jonas Vaitkus', roles: ['member'], password: 'Demo-narys-2026' },
  { username: 'direktorius', displayName: 'Rūta Žemaitienė', roles: ['director'], password: 'Demo-direktorius-2026' },
  { username: 'pavaduotojas', displayName: 'Darius Kavaliauskas', roles: ['director'], password: 'Demo-pavaduotojas-2026' },
  // V-77 p. 20: the halfway-house employee keeps and signs the list; reads the cases as the archivist does.
  { username: 'darbuotojas', displayName: 'Tomas Šaulys', roles: ['archivist'], password: 'Demo-darbuotojas-2026' },
  { username: 'archyvare', displayName: 'Dalia Archyvarė', roles: ['archivist'], password: 'Demo-archyvare-2026' },
];

/** Create the demo users (the first one is the first administrator); the administrator's dispatch. */
async function demoUsers(dispatch: Dispatch): Promise<Dispatch> {
  const [admin, ...others] = DEMO_USERS;
  // The first administrator's roles are the method's own to give (issue 16: an input takes only its keys).
  const { session } = await call(dispatch, 'auth.createAdministrator', { username: admin!.username, displayName: admin!.displayName, password: admin!.password });
  const asAdmin: Dispatch = (m, i) => dispatch(m, i, session);
  await call(asAdmin, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  for (const user of others) {
    // Created with a first password, then changed by the user to the demo one, as at a first sign-in.
    const first = `${user.password}-pradinis`;
    await call(asAdmin, 'users.create', { ...user, password: first });
    const signedIn = await call(dispatch, 'auth.login', { username: user.username, password: first });
    await call((m, i) => dispatch(m, i, signedIn.session), 'auth.changePassword', { currentPassword: first, newPassword: user.password });
  }
  return asAdmin;
}

/** A demo user's dispatch, signed in with their demo password. */
async function sessionOf(dispatch: Dispatch, username: string): Promise<Dispatch> {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  const { session } = await call(dispatch, 'auth.login', { username, password: user.password });
  return (m, i) => dispatch(m, i, session);
}

/** What `npm run cli -- demo` wrote. */
export interface DemoSummary {
  cases: number;
  /** Meetings held (closed) and planned. */
  meetings: { held: number; planned: number };
  /** Issue 12: where the demo CA and the officials' PKCS#12 files are, and the documents signed with them. */
  certificates: { dir: string; files: { file: string; username: string; name: string; password: string }[] };
  signed: number;
}

/** The folder of the demo certificates: next to the data directory (which refuses files it does not know). */
export function demoCertificatesDir(dataDir: string): string {
  return join(dirname(resolve(dataDir)), 'demo-certificates');
}

/**
 * The demo's officials signing (issue 12): each document issued by the secretary is signed by every
 * official it awaits, in turn, with their demo certificate. The signed ones are kept in `signed`.
 */
function demoActs(secretary: Dispatch, sessions: ReadonlyMap<string, Dispatch>, certificates: DemoCertificates, signed: DocumentItem[]): DemoActs {
  const sign = (doc: DocumentItem) => {
    const role = doc.awaiting[0]!;
    const entry = certificates.files.find((f) => f.official.place === role)!;
    const official = DEMO_OFFICIALS.find((o) => o.place === role)!;
    return call(sessions.get(official.username)!, 'documents.sign', { id: doc.id, credential: { kind: 'pkcs12', bytes: entry.p12, password: entry.official.password } });
  };
  return {
    async issueAndSign(request) {
      let doc = await call(secretary, 'documents.issue', request);
      while (doc.awaiting.length > 0) doc = await sign(doc);
      signed.push(doc);
      return doc;
    },
  };
}

/**
 * Fill a fresh data directory with one user per role, the demo institution and its commission,
 * `count` cases at every stage (the decided ones decided at past meetings, a few waiting on the
 * agenda of the next one), plus two that show the V-77 p. 5 and p. 19 flags. The officials get demo
 * certificates first: the director's acts after a decision are signed, and move the cases (issue
 * 14): to the list, transfer ordered or submitted, refused by the letter, transferred on arrival
 * and gone on parole, so that the places and the list have content. Documents are dated the day
 * they are issued, so the steps they take (and the arrivals and departures after them) are today's.
 * Refuses a directory in use.
 */
export async function seedDemo(anonymous: Dispatch, today: IsoDate, count: number, out: (text: string) => void = (text) => process.stdout.write(text)): Promise<DemoSummary> {
  if ((await call(anonymous, 'auth.status', {})).setUp) {
    throw new DomainError('DEMO_NOT_EMPTY');
  }
  const asAdmin = await demoUsers(anonymous);
  const dispatch = await sessionOf(anonymous, 'sekretore');
  const cases = demoCases(today, count, { signing: true });

  // V-77 p. 19: a convict whose request the commission did not support (6.8: a penalty in force) at
  // the meeting four weeks ago, refused by the director's letter, asks again.
  const meeting = pastMeetingDay(today, 4);
  const refusedOn = addDays(today, -21);
  const first: DemoCase = {
    request: {
      ...cases[0]!.request,
      personalFileNo: 'D-90001',
      firstName: 'Ramūnas',
      lastName: 'Žemaitis',
      requestDate: addDays(meeting, -25),
      possibleTransferDate: addDays(today, -20),
    },
    steps: [
      { to: 'dossier_collecting', on: addDays(meeting, -20) },
      { to: 'dossier_received', on: addDays(meeting, -8) },
      { to: 'ready_for_commission', on: addDays(meeting, -8) },
      { to: 'scheduled', on: meeting },
      { to: 'decided', on: meeting, decision: demoDecision(cases[0]!.request.servingInstitutionId === OWN_INSTITUTION_ID, false) },
      { to: 'refused', on: refusedOn },
    ],
  };

  // Issue 12: a demo CA and a certificate per official, the CA trusted, the officials linked to
  // their accounts (the commission first: its chair and secretary sign the minutes).
  await ensureDemoCommission(dispatch, [...cases, first]);
  const { dataDir } = await call(anonymous, 'app.info', {});
  const certificates = makeDemoCertificates(demoCertificatesDir(dataDir), today);
  await linkDemoOfficials(asAdmin, dispatch, certificates.caPem);
  const sessions = new Map<string, Dispatch>();
  for (const { official } of certificates.files) sessions.set(official.username, await sessionOf(anonymous, official.username));
  const signed: DocumentItem[] = [];
  const acts = demoActs(dispatch, sessions, certificates, signed);

  const views = await addDemoCases(dispatch, [...cases, first], acts);
  // Asks again three days ago, or on the day of the refusal if it could only be recorded later.
  const again = later(addDays(today, -3), views.at(-1)!.record.facts.refusedOn ?? refusedOn);
  await addDemoCase(dispatch, { request: { ...first.request, requestDate: again, possibleTransferDate: addDays(today, 20) }, steps: [] });

  // V-77 p. 5: a request filed more than two months before the possible transfer date.
  const transfer = addCalendarMonths(today, 4);
  await addDemoCase(dispatch, {
    request: {
      ...cases[1 % cases.length]!.request,
      personalFileNo: 'D-90002',
      firstName: 'Edvinas',
      lastName: 'Šalkauskas',
      requestDate: addDays(today, -1),
      possibleTransferDate: transfer,
      possibleParoleDate: addCalendarMonths(transfer, 8),
      sentenceEnd: addCalendarMonths(transfer, 30),
    },
    steps: [],
  });
  const { meetings } = await call(dispatch, 'meetings.list', {});

  // V-77 p. 12, 20: the list as the halfway-house employee signs it; and one proposal of the latest
  // meeting issued and waiting for the chair's signature.
  await acts.issueAndSign({ kind: 'list' });
  const latest = meetings.filter((m) => m.state === 'closed').sort((a, b) => b.date.localeCompare(a.date))[0];
  if (latest) {
    const { items } = await call(dispatch, 'meetings.get', { id: latest.id });
    const proposed = new Set(signed.filter((d) => d.kind === 'proposal').flatMap((d) => d.caseIds));
    const waiting = items.find((i) => i.item.frozen?.outcome === 'decided' && !proposed.has(i.item.caseId));
    if (waiting) await call(dispatch, 'documents.issue', { kind: 'proposal', caseId: waiting.item.caseId });
  }
  out(
    `Demonstraciniai sertifikatai (${DEMO_CA_NAME}, patikima nustatymuose) kataloge ${certificates.dir}:\n` +
      `  demo-ca.pem${' '.repeat(14)}sertifikavimo centras (Nustatymai → Patikimi šakniniai sertifikatai)\n` +
      certificates.files.map(({ official, file }) => `  ${file.padEnd(24)} ${official.password.padEnd(24)} ${official.name}`).join('\n') +
      `\nPasirašyta dokumentų: ${signed.length} (Dokumentai → Parašų tikrinimas).\n\n`,
  );
  return {
    cases: count + 3,
    meetings: { held: meetings.filter((m) => m.state === 'closed').length, planned: meetings.filter((m) => m.state === 'planned').length },
    certificates: {
      dir: certificates.dir,
      files: certificates.files.map(({ official, file }) => ({ file, username: official.username, name: official.name, password: official.password })),
    },
    signed: signed.length,
  };
}
