import type { Dispatch } from '../../shared/contract/dispatch';
import type { MethodName, MethodOutput } from '../../shared/contract/methods';
import type { CaseView } from '../../shared/contract/schemas';
import { addCalendarMonths, addDays, type IsoDate } from '../../shared/domain/calendar';
import { DomainError } from '../../shared/domain/errors';
import { OWN_INSTITUTION_ID } from '../../shared/contract/schemas';
import { DEMO_SETTINGS, demoCases, demoDecision, type DemoCase } from './demoData';

/** Call a method through the one dispatch path and unwrap the result, failing loudly. */
async function call<M extends MethodName>(dispatch: Dispatch, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new DomainError(result.error.code, result.error.message, result.error.messageEn ?? result.error.message, result.error.details);
  return result.value as MethodOutput<M>;
}

/** Register a demo case and walk it through its steps, as a secretary would. */
export async function addDemoCase(dispatch: Dispatch, demo: DemoCase): Promise<CaseView> {
  let view = await call(dispatch, 'cases.register', demo.request);
  for (const step of demo.steps) {
    view = await call(dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, ...step });
  }
  return view;
}

/**
 * Fill a fresh data directory with the demo institution and `count` cases at every stage, plus two
 * that show the V-77 p. 5 and p. 19 flags. Refuses a directory that is already set up.
 */
export async function seedDemo(dispatch: Dispatch, today: IsoDate, count: number): Promise<number> {
  if ((await call(dispatch, 'settings.get', {})) !== null) {
    throw new DomainError(
      'DEMO_NOT_EMPTY',
      'Šis duomenų katalogas jau naudojamas: demonstraciniai duomenys įrašomi tik į naują katalogą.',
      'This data directory is already in use: demo data goes only into a new directory.',
    );
  }
  await call(dispatch, 'settings.save', DEMO_SETTINGS);
  const cases = demoCases(today, count);
  for (const demo of cases) await addDemoCase(dispatch, demo);

  // V-77 p. 19: a convict refused three weeks ago asks again.
  const refusedOn = addDays(today, -21);
  const first: DemoCase = {
    request: {
      ...cases[0]!.request,
      personalFileNo: 'D-90001',
      firstName: 'Ramūnas',
      lastName: 'Žemaitis',
      requestDate: addDays(today, -60),
      possibleTransferDate: addDays(today, -20),
    },
    steps: [
      { to: 'dossier_collecting', on: addDays(today, -55) },
      { to: 'dossier_received', on: addDays(today, -45) },
      { to: 'ready_for_commission', on: addDays(today, -44) },
      { to: 'scheduled', on: addDays(today, -40) },
      { to: 'decided', on: addDays(today, -35), decision: demoDecision(cases[0]!.request.servingInstitutionId === OWN_INSTITUTION_ID, false) },
      { to: 'refused', on: refusedOn, note: 'Direktoriaus motyvuotas sprendimas neperkelti: nėra darbo pasiūlymo ir galimybių dirbti laisvėje.' },
    ],
  };
  await addDemoCase(dispatch, first);
  await addDemoCase(dispatch, { request: { ...first.request, requestDate: addDays(today, -3), possibleTransferDate: addDays(today, 20) }, steps: [] });

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
  return count + 3;
}
