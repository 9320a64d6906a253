import { compareIso, type IsoDate } from './calendar';
import { DOSSIER_ITEMS, type DossierItemId } from './dossierItems';

/**
 * The dossier of V-77 p. 6 as the case holds it: per item, the documents attached, the day the item
 * was received and its structured facts (DESIGN §1). This module knows what a complete dossier is,
 * what is still missing and what the facts reveal (p. 3.1, 3.2, 6.3); it is pure and runs on both sides.
 */

export const DOSSIER_ITEM_IDS = DOSSIER_ITEMS.map((i) => i.id);

export type DocumentKind = 'pdf' | 'jpeg' | 'png';

/** One stored version of a document: the bytes are kept once, by their SHA-256. */
export interface DocumentVersion {
  sha256: string;
  /** The file name as the user had it. */
  name: string;
  kind: DocumentKind;
  size: number;
  addedAt: string;
  addedBy: string;
  /** What changed, asked when a version replaces the one before. */
  note?: string;
}

/** A document of an item; the last version is the current one, the earlier ones are kept. */
export interface DossierDocument {
  id: string;
  versions: DocumentVersion[];
}

/** The version of a document that counts now: the last one. */
export function currentVersion(document: DossierDocument): DocumentVersion {
  return document.versions[document.versions.length - 1]!;
}

export type RiskLevel = 'low' | 'medium' | 'high' | 'undetermined';
export type WorkKind = 'halfway_house_work' | 'other_work' | 'study' | 'none';
export type IdDocumentType = 'passport' | 'id_card' | 'residence_permit' | 'other';

export interface Conviction {
  date: IsoDate;
  court: string;
  description: string;
}

export interface ConductEntry {
  kind: 'violation' | 'reward';
  date: IsoDate;
  description: string;
  /** For a violation: the day its penalty stops being in force, if one was imposed. */
  penaltyUntil?: IsoDate;
}

/** The structured facts of each item (DESIGN §1, "structured fields (at least)"). */
export interface FactsByItem {
  '6.1': { instrument: string; assessedOn: IsoDate; level: RiskLevel; previousLevel?: RiskLevel };
  '6.2': { concludedOn: IsoDate; summary: string };
  '6.3': { requestDate: IsoDate; halfwayHouse: string; consent: boolean };
  '6.4': { kind: WorkKind; organisation: string };
  '6.5': { totalEur: number; creditors: string };
  '6.6': {
    convictions: Conviction[];
    sentenceStart: IsoDate;
    sentenceEnd: IsoDate;
    possibleTransferDate: IsoDate;
    possibleParoleDate: IsoDate;
  };
  '6.7': { personalFileAccessible: boolean };
  '6.8': { entries: ConductEntry[] };
  '6.9': { restrictions: string[] };
  '6.10': { documentType: IdDocumentType; number: string; validUntil: IsoDate };
  '6.11': { description: string };
}

export type ItemFacts = FactsByItem[DossierItemId];

export interface DossierItemRecord {
  /** The day the item reached the halfway-house institution (set with its first document). */
  receivedOn?: IsoDate;
  facts?: ItemFacts;
  documents: DossierDocument[];
}

export type DossierItems = Partial<Record<DossierItemId, DossierItemRecord>>;

/** What the facts are checked against: the request's dates and today. */
export interface DossierContext {
  requestDate: IsoDate;
  possibleTransferDate: IsoDate;
  possibleParoleDate: IsoDate;
  sentenceEnd: IsoDate;
  today: IsoDate;
}

export function factsOf<I extends DossierItemId>(items: DossierItems, id: I): FactsByItem[I] | undefined {
  return items[id]?.facts as FactsByItem[I] | undefined;
}

// ---- Which item a file belongs to ----

/**
 * V-77 p. 6: a scanned folder names files by the item they carry ("6.1 …", "6_1 …", "6-1 …",
 * "6.10 …"); the item proposed for a file name, or null when the name does not start with one.
 */
export function proposeItem(fileName: string): DossierItemId | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const match = /^\s*(?:p\.?\s*)?6\s*[._\-\s]\s*(1[01]|[1-9])(?![0-9])/i.exec(base);
  if (!match) return null;
  const id = `6.${match[1]}` as DossierItemId;
  return DOSSIER_ITEM_IDS.includes(id) ? id : null;
}

// ---- Findings: what the facts reveal ----

export type FindingCode =
  | 'consent_missing' // 6.3: no consent to disclose personal data
  | 'no_work_or_study' // 6.4, p. 3.1: neither agrees to work, nor will find work, nor studies full-time
  | 'id_expires_before_transfer' // 6.10, p. 3.2: the document must be valid at the transfer
  | 'id_expired' // 6.10: already expired today
  | 'active_penalty' // 6.8: a disciplinary penalty still in force
  | 'differs_from_request'; // 6.6: dates other than those registered with the request

export interface Finding {
  item: DossierItemId;
  code: FindingCode;
  /** blocking: the item does not count as received until it is put right. */
  severity: 'blocking' | 'warning';
  point: string;
  lt: string;
  en: string;
}

/** The transfer date the facts are checked against: 6.6's when recorded, else the request's. */
export function transferDateOf(items: DossierItems, context: DossierContext): IsoDate {
  return factsOf(items, '6.6')?.possibleTransferDate ?? context.possibleTransferDate;
}

export function dossierFindings(items: DossierItems, context: DossierContext): Finding[] {
  const found: Finding[] = [];
  const consent = factsOf(items, '6.3');
  if (consent && !consent.consent) {
    found.push({
      item: '6.3',
      code: 'consent_missing',
      severity: 'blocking',
      point: '6.3',
      lt: 'Nėra nuteistojo sutikimo atskleisti asmens duomenis (V-77 6.3 p.).',
      en: "The convict's consent to disclose personal data is missing (V-77 p. 6.3).",
    });
  }
  // V-77 p. 3.1: the convict agrees to the work offered, undertakes to find work, or studies full-time.
  const work = factsOf(items, '6.4');
  if (work && work.kind === 'none') {
    found.push({
      item: '6.4',
      code: 'no_work_or_study',
      severity: 'blocking',
      point: '3.1',
      lt: 'Nuteistasis nesutinka dirbti pasiūlyto darbo, neįsipareigoja savarankiškai susirasti darbo ir nestudijuoja nuolatinėse studijose: perkelti į pusiaukelės namus negalima (V-77 3.1, 6.4 p.).',
      en: 'The convict neither agrees to the work offered, nor undertakes to find work, nor studies full-time: a transfer to the halfway house is not possible (V-77 p. 3.1, 6.4).',
    });
  }
  const id = factsOf(items, '6.10');
  if (id) {
    const transfer = transferDateOf(items, context);
    if (compareIso(id.validUntil, context.today) < 0) {
      found.push({
        item: '6.10',
        code: 'id_expired',
        severity: 'blocking',
        point: '3.2',
        lt: `Asmens dokumento galiojimas baigėsi ${id.validUntil}: reikia galiojančio dokumento (V-77 3.2, 6.10 p.).`,
        en: `The identity document expired on ${id.validUntil}: a valid document is needed (V-77 p. 3.2, 6.10).`,
      });
    } else if (compareIso(id.validUntil, transfer) < 0) {
      found.push({
        item: '6.10',
        code: 'id_expires_before_transfer',
        severity: 'blocking',
        point: '3.2',
        lt: `Asmens dokumentas galioja iki ${id.validUntil}, o galimo perkėlimo data ${transfer}: perkeliant dokumentas turi galioti (V-77 3.2 p.).`,
        en: `The identity document is valid until ${id.validUntil} but the possible transfer date is ${transfer}: it must be valid at the transfer (V-77 p. 3.2).`,
      });
    }
  }
  const conduct = factsOf(items, '6.8');
  for (const e of conduct?.entries ?? []) {
    if (e.kind === 'violation' && e.penaltyUntil !== undefined && compareIso(e.penaltyUntil, context.today) >= 0) {
      found.push({
        item: '6.8',
        code: 'active_penalty',
        severity: 'warning',
        point: '6.8',
        lt: `Galioja nuobauda iki ${e.penaltyUntil} (pažeidimas ${e.date}: ${e.description}).`,
        en: `A penalty is in force until ${e.penaltyUntil} (violation of ${e.date}: ${e.description}).`,
      });
    }
  }
  const term = factsOf(items, '6.6');
  if (term) {
    const differing = (
      [
        ['possibleTransferDate', 'galimo perkėlimo data', 'possible transfer date'],
        ['possibleParoleDate', 'galimo lygtinio paleidimo data', 'possible parole date'],
        ['sentenceEnd', 'bausmės pabaiga', 'end of sentence'],
      ] as const
    ).filter(([k]) => term[k] !== context[k]);
    if (differing.length > 0) {
      found.push({
        item: '6.6',
        code: 'differs_from_request',
        severity: 'warning',
        point: '6.6',
        lt: `Medžiagos datos skiriasi nuo įregistruoto prašymo: ${differing.map(([k, lt]) => `${lt} ${term[k]} (prašyme ${context[k]})`).join('; ')}. Jei prašyme klaida, pataisykite prašymo duomenis.`,
        en: `The dossier's dates differ from the registered request: ${differing.map(([k, , en]) => `${en} ${term[k]} (request: ${context[k]})`).join('; ')}. If the request is wrong, correct its data.`,
      });
    }
  }
  return found;
}

// ---- Field checks of the facts, as the user types and when they are saved ----

/** A field of an item's facts and the validation message key (shared/contract/validationMessages). */
export interface FactsIssue {
  path: string;
  key: 'dateInFuture' | 'dateBeforeSentence' | 'sentenceOrder' | 'transferBeforeStart' | 'paroleAfterTransfer' | 'endAfterParole' | 'penaltyBeforeViolation' | 'receivedBeforeRequest';
}

const after = (a: IsoDate, b: IsoDate) => compareIso(a, b) > 0;

/** Dates out of order in an item's facts (DESIGN §1; the order's terms depend on these dates). */
export function factsIssues<I extends DossierItemId>(item: I, facts: FactsByItem[I], items: DossierItems, today: IsoDate): FactsIssue[] {
  const issues: FactsIssue[] = [];
  const notFuture = (path: string, d: IsoDate | undefined) => {
    if (d !== undefined && after(d, today)) issues.push({ path, key: 'dateInFuture' });
  };
  switch (item) {
    case '6.1':
      notFuture('assessedOn', (facts as FactsByItem['6.1']).assessedOn);
      break;
    case '6.2':
      notFuture('concludedOn', (facts as FactsByItem['6.2']).concludedOn);
      break;
    case '6.3':
      notFuture('requestDate', (facts as FactsByItem['6.3']).requestDate);
      break;
    case '6.6': {
      const f = facts as FactsByItem['6.6'];
      notFuture('sentenceStart', f.sentenceStart);
      f.convictions.forEach((c, i) => notFuture(`convictions.${i}.date`, c.date));
      if (after(f.sentenceStart, f.possibleTransferDate)) issues.push({ path: 'possibleTransferDate', key: 'transferBeforeStart' });
      if (after(f.possibleTransferDate, f.possibleParoleDate)) issues.push({ path: 'possibleParoleDate', key: 'paroleAfterTransfer' });
      if (after(f.possibleParoleDate, f.sentenceEnd)) issues.push({ path: 'sentenceEnd', key: 'endAfterParole' });
      if (after(f.sentenceStart, f.sentenceEnd)) issues.push({ path: 'sentenceEnd', key: 'sentenceOrder' });
      break;
    }
    case '6.8': {
      const start = factsOf(items, '6.6')?.sentenceStart;
      (facts as FactsByItem['6.8']).entries.forEach((e, i) => {
        notFuture(`entries.${i}.date`, e.date);
        if (start !== undefined && after(start, e.date)) issues.push({ path: `entries.${i}.date`, key: 'dateBeforeSentence' });
        if (e.penaltyUntil !== undefined && after(e.date, e.penaltyUntil)) issues.push({ path: `entries.${i}.penaltyUntil`, key: 'penaltyBeforeViolation' });
      });
      break;
    }
    default:
      break;
  }
  return issues;
}

// ---- The checklist and its completeness ----

export type ItemStatus = 'waiting' | 'received' | 'not_needed';

/** V-77 p. 6.7: the judgment is needed only when the commission cannot consult the personal file. */
export function judgmentNeeded(items: DossierItems): boolean | undefined {
  const f = factsOf(items, '6.7');
  return f === undefined ? undefined : !f.personalFileAccessible;
}

export function itemStatus(items: DossierItems, id: DossierItemId): ItemStatus {
  const record = items[id];
  if (record?.receivedOn !== undefined && record.documents.length > 0) return 'received';
  if (id === '6.11') return 'not_needed'; // optional: anything else that may matter
  if (id === '6.7' && judgmentNeeded(items) === false) return 'not_needed';
  return 'waiting';
}

export type MissingReason = 'not_received' | 'facts_missing' | 'judgment_question' | FindingCode;

export interface MissingEntry {
  item: DossierItemId;
  reason: MissingReason;
  /** Whether the convict's institution must send something (else it is the secretary's to record). */
  toRequest: boolean;
  lt: string;
  en: string;
}

/** Items whose structured facts the commission works from (6.11 is free material). */
const ITEMS_WITH_FACTS: readonly DossierItemId[] = DOSSIER_ITEM_IDS.filter((id) => id !== '6.11');

/**
 * What keeps the dossier from being complete: items not received, blocking findings, facts not
 * recorded. The dossier is complete (and the case ready for the commission, V-77 p. 8) when empty.
 */
export function missingFromDossier(items: DossierItems, context: DossierContext): MissingEntry[] {
  const missing: MissingEntry[] = [];
  const findings = dossierFindings(items, context).filter((f) => f.severity === 'blocking');
  for (const item of DOSSIER_ITEMS) {
    const status = itemStatus(items, item.id);
    if (item.id === '6.7' && judgmentNeeded(items) === undefined && status !== 'received') {
      missing.push({
        item: item.id,
        reason: 'judgment_question',
        toRequest: false,
        lt: 'Nurodykite, ar komisija gali susipažinti su nuteistojo asmens byla (jei ne, reikia nuosprendžio kopijos ar išrašo).',
        en: "State whether the commission can consult the convict's personal file (if not, a copy or extract of the judgment is needed).",
      });
      continue;
    }
    if (status === 'waiting') {
      missing.push({ item: item.id, reason: 'not_received', toRequest: true, lt: item.lt, en: item.en });
      continue;
    }
    for (const f of findings.filter((x) => x.item === item.id)) {
      missing.push({ item: item.id, reason: f.code, toRequest: true, lt: f.lt, en: f.en });
    }
    if (status === 'received' && ITEMS_WITH_FACTS.includes(item.id) && items[item.id]?.facts === undefined) {
      missing.push({
        item: item.id,
        reason: 'facts_missing',
        toRequest: false,
        lt: 'Neįrašyti dokumento duomenys.',
        en: "The document's facts are not recorded.",
      });
    }
  }
  return missing;
}

/** The text of the request for missing documents, to copy or print for the convict's institution. */
export function missingDocumentsText(
  missing: readonly MissingEntry[],
  convict: { name: string; personalFileNo: string },
  lang: 'lt' | 'en',
): string {
  const toRequest = missing.filter((m) => m.toRequest);
  const lines = toRequest.map((m) => {
    const item = DOSSIER_ITEMS.find((i) => i.id === m.item)!;
    const title = lang === 'lt' ? item.lt : item.en;
    const detail = m.reason === 'not_received' ? '' : ` – ${lang === 'lt' ? m.lt : m.en}`;
    return `${m.item}. ${title}${detail}`;
  });
  const head =
    lang === 'lt'
      ? `Nuteistojo ${convict.name} (asmens byla ${convict.personalFileNo}) medžiagai pagal Tvarkos aprašo (V-77) 6 punktą trūksta:`
      : `Missing from the dossier of ${convict.name} (personal file ${convict.personalFileNo}) under V-77 p. 6:`;
  return [head, ...lines].join('\n');
}
