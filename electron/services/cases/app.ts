import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { CaseRecord, CaseView, RequestInput, Settings } from '../../../shared/contract/schemas';
import { compareIso } from '../../../shared/domain/calendar';
import {
  applyCaseStep,
  assertTransition,
  CASE_STATE_LABELS,
  caseRouteOf,
  isRequestEditable,
  REASON_REQUIRED_STATES,
  registeredCase,
} from '../../../shared/domain/caseStates';
import { DOSSIER_ITEMS } from '../../../shared/domain/dossierItems';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import { duplicateFlag, requestFlags } from '../../../shared/domain/requestRules';
import { requestDateInFuture, stepDateProblem } from '../../../shared/domain/stepRules';
import type { Call, ServiceContext, ServiceHandlers } from '../context';
import { halfwayHouse, servingInstitution, type InstitutionRef } from './institutions';
import { caseChanges, otherOpenCase, refuseUnlessByHand, stampOf } from './caseChanges';
import { dossierItemsOf } from './dossierViews';
import { advanceIfComplete, missingOf } from './readiness';
import { firstStepOn, lastStepOn, refusalDates, refusedByConvict, toListItem } from './views';

type CaseHandlers = Pick<
  ServiceHandlers,
  'cases.list' | 'cases.get' | 'cases.checkRequest' | 'cases.register' | 'cases.updateRequest' | 'cases.transition'
>;

export function casesHandlers(ctx: ServiceContext): CaseHandlers {
  const requireSettings = (): Settings => {
    const settings = ctx.settings.get();
    if (!settings) {
      throw new DomainError('SETUP_REQUIRED');
    }
    return settings;
  };

  const { view, forEdit, save } = caseChanges(ctx);
  const takeStep = caseStepTaker(ctx);

  /**
   * A request's data, checked against today and the settings, as the case stores it. When a case
   * is corrected, an institution it already names is kept even if it has left the settings since.
   */
  const requestOf = (input: RequestInput, settings: Settings, stored?: CaseRecord['request']) => {
    if (requestDateInFuture(input.requestDate, ctx.today())) {
      throw fieldError('requestDate', 'requestInFuture', { why: 'asField' });
    }
    const keep = (ref: InstitutionRef | undefined, id: string) => (ref && ref.id === id ? ref : undefined);
    return {
      convict: {
        firstName: input.firstName,
        lastName: input.lastName,
        personalFileNo: input.personalFileNo,
        birthDate: input.birthDate,
      },
      request: {
        requestDate: input.requestDate,
        servingInstitution: keep(stored?.servingInstitution, input.servingInstitutionId) ?? servingInstitution(settings, input.servingInstitutionId),
        halfwayHouse: keep(stored?.halfwayHouse, input.halfwayHouseInstitutionId) ?? halfwayHouse(settings, input.halfwayHouseInstitutionId),
        possibleTransferDate: input.possibleTransferDate,
        possibleParoleDate: input.possibleParoleDate,
        sentenceEnd: input.sentenceEnd,
      },
    };
  };

  /** An open case of the same convict: a second request must wait for the first to end. */
  const openCaseOf = (personalFileNo: string, exceptId?: string) => otherOpenCase(ctx, personalFileNo, exceptId);

  return {
    'cases.list': async () => {
      const today = ctx.today();
      const stored = ctx.cases.list();
      const refused = refusedByConvict(stored);
      return { today, cases: stored.map((c) => toListItem(c, refused, today)) };
    },

    'cases.get': async ({ id }) => view(ctx.cases.get(id)),

    'cases.checkRequest': async ({ personalFileNo, requestDate, possibleTransferDate, excludeCaseId }) => {
      const dates = refusalDates(ctx.cases.ofConvict(personalFileNo), requestDate, excludeCaseId);
      // Issue 17: the open case that registering would be refused for, said before the user submits.
      const open = openCaseOf(personalFileNo, excludeCaseId);
      return { flags: [...(open ? [duplicateFlag(open)] : []), ...requestFlags({ requestDate, possibleTransferDate }, dates)] };
    },

    'cases.register': async (input, caller) => {
      const settings = requireSettings();
      const data = requestOf(input, settings);
      const s = openCaseOf(input.personalFileNo);
      if (s) {
        throw new DomainError('CASE_DUPLICATE', {
          id: s.id,
          personalFileNo: s.convict.personalFileNo,
          underWay: { firstName: s.convict.firstName, lastName: s.convict.lastName, requestDate: s.request.requestDate, state: s.state },
        });
      }
      const at = ctx.now().toISOString();
      const record: CaseRecord = registeredCase({ id: randomUUID(), revision: 1, createdAt: at, updatedAt: at, ...data, facts: {} }, input.requestDate, stampOf(caller, at));
      return view(save(record, 'newRequest', caller, { summary: 'Užregistruotas prašymas' }));
    },

    'cases.updateRequest': async ({ id, revision, request }, caller) => {
      const settings = requireSettings();
      const record = forEdit(id, revision);
      // V-77 p. 10, 12: not after a decision, even when an upheld appeal sent the case back to the
      // commission (p. 51): a corrected request date would move the convict on the list.
      if (!isRequestEditable(record)) {
        throw new DomainError('REQUEST_LOCKED', { state: record.state });
      }
      const data = requestOf(request, settings, record.request);
      const first = firstStepOn(record);
      if (first !== undefined && compareIso(request.requestDate, first) > 0) {
        throw fieldError('requestDate', 'dateOrder', { why: 'requestAfterFirstStep', first });
      }
      const other = openCaseOf(request.personalFileNo, id);
      if (other) {
        throw new DomainError('CASE_DUPLICATE', { id: other.id, personalFileNo: other.convict.personalFileNo });
      }
      const changed = [
        ...changedKeys(data.convict, record.convict).map((k) => `convict.${k}`),
        ...changedKeys(data.request, record.request).map((k) => `request.${k}`),
      ];
      if (changed.length === 0) return view(record);
      const at = ctx.now().toISOString();
      // The registration is dated by the request: a corrected request date moves it too (V-77 p. 7).
      const timeline = record.timeline.map((e) => (e.kind === 'registered' ? { ...e, on: data.request.requestDate } : e));
      return view(
        save(
          { ...record, ...data, revision: record.revision + 1, updatedAt: at, timeline: [...timeline, { at, kind: 'edited', changed }] },
          'requestChanges',
          caller,
          { before: record, summary: `Pataisyti prašymo duomenys: ${changed.join(', ')}` },
        ),
      );
    },

    'cases.transition': async (input, caller) => takeStep(input, caller),
  };
}

/**
 * A step by hand (cases.transition), also taken by the archivist's desk when it sends the dossier
 * (issue 15, V-77 p. 7: `sentPackage` is the digest and name of the package that carries it).
 */
export function caseStepTaker(ctx: ServiceContext) {
  const { view, forChange, save } = caseChanges(ctx);
  return (
    { id, revision, to, on, note, confirmMissing, sentPackage }: ParsedInput<'cases.transition'> & { sentPackage?: { sha256: string; name: string } },
    caller: Call,
  ): Promise<CaseView> => {
    const record = forChange(id, revision);
      // Which commission decides (V-77 p. 5–8): a dossier our commission does not decide is sent, never received.
      assertTransition(record.state, to, record.facts.decision, caseRouteOf(record.request));
      // Issue 14: meetings, signed and received acts, the arrival and the departure take their own steps.
      refuseUnlessByHand(record.state, to);
      const notBefore = lastStepOn(record);
      const problem = stepDateProblem(on, ctx.today(), notBefore);
      if (problem) throw fieldError('on', problem, { why: 'stepDate', notBefore });
      if (REASON_REQUIRED_STATES.includes(to) && !note) throw fieldError('note', 'required', { why: 'stepReason', to });
      const facts = { ...record.facts };
      const missing = to === 'ready_for_commission' || to === 'dossier_received' ? missingOf(record, ctx.today()) : [];
      if (to === 'ready_for_commission' && missing.length > 0) {
        // V-77 p. 6, 8: only a complete dossier goes to the commission.
        throw new DomainError('DOSSIER_INCOMPLETE', { missing: missing.map((m) => ({ item: m.item, reason: m.reason, lt: m.lt, en: m.en })) });
      }
      if (to === 'dossier_received' && missing.length > 0 && !confirmMissing) {
        // Marking the dossier received while items are missing asks first, naming them (issue 14).
        throw new DomainError('DOSSIER_MISSING_CONFIRM', { missing: missing.map((m) => ({ item: m.item, lt: m.lt, en: m.en })) });
      }
      // The door sets the day the state's term runs from (dossierReceivedOn p. 9, listedOn p. 12, refusedOn p. 19).
      // V-77 p. 7–8: the dossier goes to the director of the institution whose halfway house is asked for.
      if (to === 'dossier_sent') facts.dossierSent = { on, to: record.request.halfwayHouse.name, items: sentItems(record), ...(sentPackage ? { package: sentPackage } : {}) };
      const confirmed = to === 'dossier_received' && missing.length > 0 ? `Pažymėta gauta, nors medžiagoje trūksta: ${[...new Set(missing.map((m) => m.item))].join(', ')} (patvirtinta)` : '';
      const stepNote = [note, confirmed].filter(Boolean).join('. ');
      const at = ctx.now().toISOString();
      const stamp = stampOf(caller, at);
      const stepped = applyCaseStep({ ...record, facts, revision: record.revision + 1 }, { to, on, ...(stepNote ? { note: stepNote } : {}) }, stamp);
      const next = advanceIfComplete(stepped, ctx.today(), stamp, on);
      const handedOver = next.state !== to ? `; medžiaga pilna, byla perduota komisijai (V-77 8 p.)` : '';
      const unconfirmed = confirmed ? `; pažymėta gauta su trūkstama medžiaga (${missing.length})` : '';
      const sent = sentPackage ? `; medžiaga išsiųsta paketu ${sentPackage.sha256}` : '';
      return Promise.resolve(
        view(
          save(
            next,
            'caseStep',
            caller,
            {
              before: record,
              summary: `Būsena „${CASE_STATE_LABELS[record.state].lt}“ → „${CASE_STATE_LABELS[to].lt}“${handedOver}${unconfirmed}${sent}`,
            },
          ),
        ),
      );
  };
}

/** The dossier items sent with the dossier (V-77 p. 6–7): those with a document or facts, in checklist order. */
function sentItems(record: CaseRecord): string[] {
  const items = dossierItemsOf(record);
  return DOSSIER_ITEMS.map((i) => i.id).filter((id) => {
    const item = items[id];
    return item !== undefined && (item.documents.length > 0 || item.facts !== undefined);
  });
}

function changedKeys<T extends object>(next: T, previous: T): string[] {
  return (Object.keys(next) as (keyof T)[])
    .filter((k) => JSON.stringify(next[k]) !== JSON.stringify(previous[k]))
    .map(String);
}
