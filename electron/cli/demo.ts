import type { Dispatch } from '../../shared/contract/dispatch';
import type { MethodName, MethodOutput } from '../../shared/contract/methods';
import type { CaseView } from '../../shared/contract/schemas';
import { addCalendarMonths, addDays, type IsoDate } from '../../shared/domain/calendar';
import { DomainError } from '../../shared/domain/errors';
import { OWN_INSTITUTION_ID } from '../../shared/contract/schemas';
import type { Role } from '../../shared/contract/roles';
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

/** One demo user per role, so that a newcomer can sign in as each (printed by `npm run cli -- demo`). */
export const DEMO_USERS: readonly { username: string; displayName: string; roles: Role[]; password: string }[] = [
  { username: 'admin', displayName: 'Rasa Administratorė', roles: ['administrator'], password: 'Demo-admin-2026' },
  { username: 'sekretore', displayName: 'Aušra Sekretorė', roles: ['secretary'], password: 'Demo-sekretore-2026' },
  { username: 'pirmininkas', displayName: 'Vytautas Pirmininkas', roles: ['chair'], password: 'Demo-pirmininkas-2026' },
  { username: 'narys', displayName: 'Jonas Narys', roles: ['member'], password: 'Demo-narys-2026' },
  { username: 'direktorius', displayName: 'Algis Direktorius', roles: ['director'], password: 'Demo-direktorius-2026' },
  { username: 'archyvare', displayName: 'Dalia Archyvarė', roles: ['archivist'], password: 'Demo-archyvare-2026' },
];

/** Create the demo users (the first one is the first administrator) and sign in as the secretary. */
async function demoUsers(dispatch: Dispatch): Promise<Dispatch> {
  const [admin, ...others] = DEMO_USERS;
  const { session } = await call(dispatch, 'auth.createAdministrator', admin!);
  const asAdmin: Dispatch = (m, i) => dispatch(m, i, session);
  await call(asAdmin, 'settings.save', DEMO_SETTINGS);
  for (const user of others) {
    // Created with a first password, then changed by the user to the demo one, as at a first sign-in.
    const first = `${user.password}-pradinis`;
    await call(asAdmin, 'users.create', { ...user, password: first });
    const signedIn = await call(dispatch, 'auth.login', { username: user.username, password: first });
    await call((m, i) => dispatch(m, i, signedIn.session), 'auth.changePassword', { currentPassword: first, newPassword: user.password });
  }
  const secretary = await call(dispatch, 'auth.login', { username: 'sekretore', password: DEMO_USERS[1]!.password });
  return (m, i) => dispatch(m, i, secretary.session);
}

/**
 * Fill a fresh data directory with one user per role, the demo institution and `count` cases at
 * every stage, plus two that show the V-77 p. 5 and p. 19 flags. Refuses a directory in use.
 */
export async function seedDemo(anonymous: Dispatch, today: IsoDate, count: number): Promise<number> {
  if ((await call(anonymous, 'auth.status', {})).setUp) {
    throw new DomainError(
      'DEMO_NOT_EMPTY',
      'Šis duomenų katalogas jau naudojamas: demonstraciniai duomenys įrašomi tik į naują katalogą.',
      'This data directory is already in use: demo data goes only into a new directory.',
    );
  }
  const dispatch = await demoUsers(anonymous);
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
