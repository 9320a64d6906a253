import type { DocumentRequest, GeneratedDocument, RegisterSettings } from '../../../shared/contract/documentSchemas';
import type { AgendaItem, FrozenResult, MeetingRecord } from '../../../shared/contract/meetingSchemas';
import type { CaseRecord, ReturnGround, Settings } from '../../../shared/contract/schemas';
import type { IsoDate } from '../../../shared/domain/calendar';
import { caseRouteOf } from '../../../shared/domain/caseStates';
import type { DecisionId } from '../../../shared/domain/decisions';
import { inForce } from '../../../shared/domain/documents/annulment';
import type { DocumentKind, DocumentModel } from '../../../shared/domain/documents/documentModel';
import type {
  AgendaItemFacts,
  CaseFacts,
  CommissionDecisionFacts,
  DocumentRef,
  InstitutionFacts,
  ListEntryFacts,
  MeetingFacts,
  PersonFacts,
  VoteCount,
} from '../../../shared/domain/documents/documentSources';
import { municipalityNoticeApplies, p47NoticeApplies } from '../../../shared/domain/documents/notices';
import { transferOutApplies } from '../../../shared/domain/documents/transferNotice';
import { buildDocument } from '../../../shared/domain/documents/templates';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import type { CitedKind, NotDue } from '../../../shared/domain/errorTexts/documents';
import { transferList } from '../../../shared/domain/places';
import { statisticsOfIndex } from '../../../shared/domain/statistics';
import type { ServiceContext } from '../context';
import { placeCases } from '../cases/placeAccounting';
import { amendedOf } from '../meetings/views';

/**
 * What each document is made from, read from the records: the settings and register, the case, the
 * meeting that decided it (its frozen results, with the amendments made since), and the documents a
 * later one cites. Each kind checks that the procedure has reached it (V-77 p. 12–16, 45–47; the
 * notice to the municipality, seed 001).
 */

export function registerOf(ctx: ServiceContext): RegisterSettings {
  const register = ctx.settings.get()?.register;
  if (!register) {
    throw new DomainError('REGISTER_NOT_SET_UP');
  }
  return register;
}

function settingsOf(ctx: ServiceContext): Settings {
  const settings = ctx.settings.get();
  if (!settings) throw new DomainError('NOT_SET_UP');
  return settings;
}

function notReady(why: NotDue): DomainError {
  return new DomainError('DOCUMENT_NOT_DUE', why);
}

const tallyOf = (t: FrozenResult['tally'] | undefined): VoteCount => ({
  for: t?.for ?? 0,
  against: t?.against ?? 0,
  abstain: t?.abstain ?? 0,
  decidedByChair: t?.decidedByChair ?? false,
});

function caseFactsOf(record: CaseRecord): CaseFacts {
  return {
    convict: { ...record.convict },
    requestDate: record.request.requestDate,
    possibleTransferDate: record.request.possibleTransferDate,
    possibleParoleDate: record.request.possibleParoleDate,
    sentenceEnd: record.request.sentenceEnd,
    servingInstitution: record.request.servingInstitution.name,
    halfwayHouse: record.request.halfwayHouse.name,
  };
}

interface Decided {
  meeting: MeetingRecord;
  item: AgendaItem;
  frozen: FrozenResult & { decision: DecisionId };
  evaluation: NonNullable<ReturnType<typeof amendedOf>>['evaluation'];
  rationale: string;
}

/** The closed meeting that decided the case, with the decision as corrected by amendments since. */
function decidedIn(ctx: ServiceContext, record: CaseRecord): Decided {
  const meetingId = record.facts.meetingId;
  const meeting = meetingId === undefined ? undefined : ctx.meetings.get(meetingId);
  const item = meeting?.state === 'closed' ? meeting.agenda.find((i) => i.caseId === record.id) : undefined;
  const frozen = item?.frozen;
  if (!meeting || !item || frozen?.outcome !== 'decided' || frozen.decision === undefined) {
    throw notReady({ why: 'notDecided', caseId: record.id });
  }
  const amended = amendedOf(item) ?? { evaluation: frozen.evaluation, rationale: frozen.rationale };
  return { meeting, item, frozen: frozen as Decided['frozen'], ...amended };
}

/**
 * The latest issued document of a kind about a case or a meeting that is in force: not replaced, and
 * not annulled by an upheld appeal nor spent with it (V-77 p. 51), read with `record`, its case.
 */
function issued(ctx: ServiceContext, kind: DocumentKind, match: (d: GeneratedDocument) => boolean, record?: CaseRecord): GeneratedDocument | undefined {
  return ctx.generated
    .list()
    .filter((d) => d.kind === kind && match(d) && inForce(d, record))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

const refOf = (d: GeneratedDocument | undefined, fallbackDate: IsoDate): DocumentRef => (d ? { date: d.date, number: d.registrationNumber } : { date: fallbackDate, number: null });

const minutesRef = (ctx: ServiceContext, meeting: MeetingRecord) => refOf(issued(ctx, 'minutes', (d) => d.meetingId === meeting.id), meeting.date);

function commissionOf<D extends DecisionId>(ctx: ServiceContext, decided: Decided): CommissionDecisionFacts<D> {
  return {
    decision: decided.frozen.decision as D,
    minutes: minutesRef(ctx, decided.meeting),
    rationale: decided.rationale,
    evaluation: decided.evaluation,
  };
}

function requireDecision(decided: Decided, allowed: readonly DecisionId[], point: string): void {
  if (allowed.includes(decided.frozen.decision)) return;
  throw notReady({ why: 'decision', decision: decided.frozen.decision, allowed, point });
}

/**
 * The meeting's own copy of the membership, with who signs for each member as the commission records
 * it now where the copy has no such detail (a copy made before issue 12, or details added since).
 */
function membersOf(ctx: ServiceContext, meeting: MeetingRecord): NonNullable<MeetingRecord['members']> {
  let current: ReturnType<ServiceContext['commission']['get']> = null;
  try {
    current = ctx.commission.get();
  } catch {
    current = null;
  }
  return (meeting.members ?? []).map((m) => {
    const now = current?.members.find((c) => c.id === m.id);
    return {
      ...m,
      ...(m.gender === undefined && now?.gender ? { gender: now.gender } : {}),
      ...(!m.personalCode && now?.personalCode ? { personalCode: now.personalCode } : {}),
      ...(!m.userId && now?.userId ? { userId: now.userId } : {}),
    };
  });
}

function meetingFactsOf(meeting: MeetingRecord, readCase: (id: string) => CaseRecord | null): MeetingFacts {
  const agenda: AgendaItemFacts[] = meeting.agenda.map((item) => {
    const base = { convict: item.convict, requestDate: readCase(item.caseId)?.request.requestDate ?? '' };
    const f = item.frozen;
    if (!f || f.outcome === 'left') return { ...base, outcome: 'left', reason: f?.note ?? '' };
    if (f.outcome === 'postponed') return { ...base, outcome: 'postponed', reason: f.note ?? '', recusals: f.recusals };
    const amended = amendedOf(item) ?? { evaluation: f.evaluation, rationale: f.rationale };
    return {
      ...base,
      outcome: 'decided',
      decision: f.decision as DecisionId,
      rationale: amended.rationale,
      evaluation: amended.evaluation,
      recusals: f.recusals,
      present: f.present,
      ballots: f.ballots,
      tally: tallyOf(f.tally),
      rejected: f.rejected.map((r) => ({ decision: r.decision, tally: tallyOf(r.tally) })),
    };
  });
  return {
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    members: (meeting.members ?? []).map((m) => ({ id: m.id, ...personOf(m), role: m.role, votes: m.votes })),
    present: meeting.present,
    quorumRule: meeting.rules?.quorum ?? 'more_than_half',
    agenda,
  };
}

export interface Sources {
  model: DocumentModel;
  caseIds: string[];
  meetingId?: string;
  /** Issue 12: the ids of the issued documents this one cites by number; they are signed first. */
  cites: string[];
}

/** A person of the register or the commission as the templates take them: name, title, gender, identity. */
function personOf(p: { name: string; position: string; gender?: PersonFacts['gender']; personalCode?: string | undefined; userId?: string | undefined }): PersonFacts {
  return {
    name: p.name,
    position: p.position,
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.personalCode ? { personalCode: p.personalCode } : {}),
    ...(p.userId ? { userId: p.userId } : {}),
  };
}

/**
 * Issue 12: who signs the director's line: the director, or the deputy chosen before issuing
 * ("Direktoriaus pavaduotoja, laikinai einanti direktoriaus pareigas").
 */
export function directorOf(register: RegisterSettings, signedBy: string | undefined): InstitutionFacts['director'] {
  if (signedBy === undefined || signedBy === 'director') return personOf(register.director);
  const deputy = (register.deputies ?? []).find((d) => d.id === signedBy);
  if (!deputy) {
    throw new DomainError('SIGNER_UNKNOWN', { signedBy });
  }
  return { ...personOf(deputy), acting: true };
}

/** When issuing, what a document cites must have been issued first (a preview may cite "Nr. ____"). */
function requireIssued(ref: DocumentRef, cited: CitedKind): void {
  if (ref.number !== null) return;
  throw notReady({ why: 'citedNotIssued', cited });
}

/** V-77 p. 12, 20, 45: the halfway-house employee keeps the list and submits a return; they must be named. */
function employeeOf(register: RegisterSettings): PersonFacts {
  if (register.halfwayHouseEmployee.name !== '' && register.halfwayHouseEmployee.position !== '') return personOf(register.halfwayHouseEmployee);
  throw new DomainError('REGISTER_NOT_SET_UP', { missing: 'employee' });
}

/** The document model for a request, with the cases (and meeting) it concerns. */
export function documentSources(ctx: ServiceContext, request: DocumentRequest, registrationNumber: string | null, options: { issuing?: boolean } = {}): Sources {
  const cites: string[] = [];
  /** A cited document: its reference, and its id kept so that it is signed before this one (issue 12). */
  const cite = (doc: GeneratedDocument | undefined, fallbackDate: IsoDate, what: CitedKind): DocumentRef => {
    const ref = refOf(doc, fallbackDate);
    if (options.issuing) requireIssued(ref, what);
    if (doc && !cites.includes(doc.id)) cites.push(doc.id);
    return ref;
  };
  const settings = settingsOf(ctx);
  const register = registerOf(ctx);
  const institution: InstitutionFacts = {
    name: settings.institution.name,
    place: register.place,
    director: directorOf(register, 'signedBy' in request ? request.signedBy : undefined),
  };
  const today = ctx.today();
  const readCase = (id: string): CaseRecord | null => {
    try {
      return ctx.cases.get(id);
    } catch {
      return null;
    }
  };

  if (request.kind === 'minutes') {
    const meeting = ctx.meetings.get(request.meetingId);
    if (meeting.state !== 'closed') {
      throw notReady({ why: 'meetingNotClosed', state: meeting.state });
    }
    const model = buildDocument({ kind: 'minutes', sources: { institution, meeting: meetingFactsOf({ ...meeting, members: membersOf(ctx, meeting) }, readCase) } }, registrationNumber, meeting.date);
    return { model, caseIds: meeting.agenda.map((i) => i.caseId), meetingId: meeting.id, cites };
  }

  if (request.kind === 'list') {
    // V-77 p. 12: the live list: those the commission proposed for transfer (10.1, 10.3) and not yet
    // transferred, refused or removed, printed in the order of the places' list (transferList: by
    // request date, then the day listed, then the case), the one order the app keeps (issue 14).
    const entries: (ListEntryFacts & { caseId: string })[] = transferList(placeCases(ctx)).flatMap((e) => {
      const record = readCase(e.caseId);
      if (!record || (e.decision !== '10.1' && e.decision !== '10.3')) return [];
      const decidedOn = record.timeline.findLast((t) => t.kind === 'state' && t.to === 'decided')?.on ?? record.facts.listedOn ?? today;
      return [{ caseId: record.id, convict: record.convict, requestDate: e.requestDate, decision: e.decision, decidedOn, servingInstitution: record.request.servingInstitution.name }];
    });
    const keeper = employeeOf(register);
    const model = buildDocument({ kind: 'list', sources: { institution, entries, keeper } }, registrationNumber, today);
    return { model, caseIds: entries.map((e) => e.caseId), cites };
  }

  if (request.kind === 'statisticsReport') {
    // Issue 17: the figures as counted now, from the case index, frozen in the document when issued.
    const statistics = statisticsOfIndex(ctx.cases.list(), settings.institution, { from: request.from, to: request.to }, today);
    const model = buildDocument({ kind: 'statisticsReport', sources: { institution, statistics } }, registrationNumber, today);
    return { model, caseIds: [], cites };
  }

  const record = ctx.cases.get(request.caseId);
  const caseFacts = caseFactsOf(record);
  const one = (model: DocumentModel): Sources => ({ model, caseIds: [record.id], cites });

  if (request.kind === 'returnSubmission' || request.kind === 'returnDecision') {
    // V-77 p. 44–46: a convict is returned from the halfway house, so they must have arrived there.
    if (record.state !== 'transferred' && record.state !== 'returned') {
      throw notReady({ why: 'notTransferred', state: record.state });
    }
    if (request.kind === 'returnSubmission') {
      const employee = employeeOf(register);
      const grounds = returnGroundsOf(settings.returnGrounds ?? [], request.grounds ?? []);
      return one(
        buildDocument(
          {
            kind: 'returnSubmission',
            sources: { institution, convict: record.convict, halfwayHouse: caseFacts.halfwayHouse, employee, reasons: request.reason, annexes: request.annexes, grounds },
          },
          registrationNumber,
          today,
        ),
      );
    }
    const submitted = issued(ctx, 'returnSubmission', (d) => d.caseIds.includes(record.id), record);
    const submission = cite(submitted, today, 'returnSubmission');
    // The text names the employee who submitted it, in their gender (issue 12).
    const signedSlot = submitted?.slots.find((slot) => slot.role === 'halfwayHouseEmployee');
    const employee = register.halfwayHouseEmployee.name !== '' ? personOf(register.halfwayHouseEmployee) : signedSlot ? { name: signedSlot.name, position: signedSlot.position } : undefined;
    return one(
      buildDocument(
        { kind: 'returnDecision', sources: { institution, convict: record.convict, halfwayHouse: caseFacts.halfwayHouse, submission, reasons: request.reason, ...(employee ? { employee } : {}) } },
        registrationNumber,
        today,
      ),
    );
  }

  if (request.kind === 'p47Notice') {
    // V-77 p. 47: our convict asked for another institution's halfway house (route 'sends', p. 6–8).
    const route = caseRouteOf(record.request);
    if (!p47NoticeApplies(record.state, route, record.facts.decision)) {
      throw notReady({ why: 'notice', notice: 'p47Notice', state: record.state, route });
    }
    const runs = settings.otherInstitutions.find((o) => o.id === record.request.halfwayHouse.id);
    const sent = record.facts.dossierSent;
    return one(
      buildDocument(
        {
          kind: 'p47Notice',
          sources: { institution, case: caseFacts, recipient: runs?.name ?? caseFacts.halfwayHouse, ...(sent ? { dossierSentOn: sent.on } : {}), circumstances: request.reason },
        },
        registrationNumber,
        today,
      ),
    );
  }

  if (request.kind === 'transferNotice') {
    // V-77 p. 21–23: our convict (route 'sends') goes to the other institution's halfway house that granted the request.
    if (!transferOutApplies(record)) {
      throw notReady({ why: 'notice', notice: 'transferNotice', state: record.state, route: caseRouteOf(record.request) });
    }
    const receives = settings.otherInstitutions.find((o) => o.id === record.request.halfwayHouse.id);
    return one(
      buildDocument(
        { kind: 'transferNotice', sources: { institution, case: caseFacts, recipient: receives?.name ?? caseFacts.halfwayHouse, departureOn: request.departureOn, annexes: request.annexes } },
        registrationNumber,
        today,
      ),
    );
  }

  if (request.kind === 'municipalityNotice') {
    // Seed 001: the convict lives in our halfway house; the release is prepared with the municipality.
    if (!municipalityNoticeApplies(record.state)) {
      throw notReady({ why: 'notice', notice: 'municipalityNotice', state: record.state, route: caseRouteOf(record.request) });
    }
    return one(
      buildDocument({ kind: 'municipalityNotice', sources: { institution, case: caseFacts, municipality: request.municipality, socialWorker: request.socialWorker } }, registrationNumber, today),
    );
  }

  const decided = decidedIn(ctx, record);
  const minutes = () => cite(issued(ctx, 'minutes', (d) => d.meetingId === decided.meeting.id), decided.meeting.date, 'minutes');
  const proposalOf = () => cite(issued(ctx, 'proposal', (d) => d.caseIds.includes(record.id), record), decided.meeting.date, 'proposal');
  switch (request.kind) {
    case 'proposal': {
      minutes();
      const chair = membersOf(ctx, decided.meeting).find((m) => m.role === 'chair');
      const chairFacts = chair ? personOf(chair) : undefined;
      return one(
        buildDocument(
          {
            kind: 'proposal',
            sources: { institution, case: caseFacts, commission: commissionOf(ctx, decided), tally: tallyOf(decided.frozen.tally), chairName: chair?.name ?? '', ...(chairFacts ? { chair: chairFacts } : {}) },
          },
          registrationNumber,
          today,
        ),
      );
    }
    case 'order':
      requireDecision(decided, ['10.1'], '13');
      return one(buildDocument({ kind: 'order', sources: { institution, case: caseFacts, proposal: proposalOf(), minutes: minutes() } }, registrationNumber, today));
    case 'declineDecision':
      requireDecision(decided, ['10.1'], '15');
      return one(buildDocument({ kind: 'declineDecision', sources: { institution, case: caseFacts, proposal: proposalOf(), minutes: minutes(), reasons: request.reason } }, registrationNumber, today));
    case 'submission':
      requireDecision(decided, ['10.3'], '14');
      return one(buildDocument({ kind: 'submission', sources: { institution, case: caseFacts, proposal: proposalOf(), minutes: minutes(), rationale: decided.rationale } }, registrationNumber, today));
    case 'letter': {
      requireDecision(decided, ['10.2', '10.4'], '16');
      proposalOf();
      // V-77 p. 16, 19: the letter is the refusal: signed, it sets the case's refusal date to its own
      // date (caseSteps.takeDocumentStep), so the p. 19 date it prints runs from that date too.
      return one(
        buildDocument(
          { kind: 'letter', sources: { institution, case: caseFacts, commission: commissionOf<'10.2' | '10.4'>(ctx, decided), refusedOn: today } },
          registrationNumber,
          today,
        ),
      );
    }
  }
}

/**
 * V-77 p. 44: the return submission's grounds, chosen by id from the settings' catalogue (BVK art. 69
 * part 3): at least one when the catalogue has any; an id not in it is refused. With no catalogue the
 * submission names none (the app does not guess the Code's wording).
 */
export function returnGroundsOf(catalogue: readonly ReturnGround[], chosen: readonly string[]): { text: string; citation: string }[] {
  if (catalogue.length > 0 && chosen.length === 0) throw fieldError('grounds', 'required');
  const out: { text: string; citation: string }[] = [];
  for (const id of new Set(chosen)) {
    const ground = catalogue.find((g) => g.id === id);
    if (!ground) throw fieldError('grounds', 'invalid');
    out.push({ text: ground.text, citation: ground.citation });
  }
  return out;
}
