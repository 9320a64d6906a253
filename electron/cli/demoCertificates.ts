// Issue 12, "Demo": a demonstration certification authority and a PKCS#12 certificate for each demo
// official, the CA trusted in the demo settings, and some documents signed by the right people, so
// that a newcomer opening the verify page sees a valid signature on the first try.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dispatch } from '../../shared/contract/dispatch';
import type { DocumentItem } from '../../shared/contract/documentSchemas';
import type { MethodName, MethodOutput } from '../../shared/contract/methods';
import type { Settings } from '../../shared/contract/schemas';
import { addCalendarMonths, type IsoDate } from '../../shared/domain/calendar';
import { errorFromData } from '../../shared/domain/errors';
import { issueCertificateAuthority, issueSignerCertificate, pkcs12Of } from '../services/signing/certificateIssuer';

async function call<M extends MethodName>(dispatch: Dispatch, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input);
  if (!result.ok) throw errorFromData(result.error);
  return result.value as MethodOutput<M>;
}

/** Where each demo official stands: the register (director, deputy, employee) or the commission (chair, secretary). */
export type DemoOfficialPlace = 'director' | 'deputy' | 'halfwayHouseEmployee' | 'chair' | 'secretary';

export interface DemoOfficial {
  place: DemoOfficialPlace;
  /** The demo user who signs for them (DEMO_USERS). */
  username: string;
  name: string;
  givenName: string;
  surname: string;
  /** A made-up personal code (not a real person's), in their qualified-style certificate. */
  personalCode: string;
  /** The PKCS#12 file's password, printed like the users' passwords. */
  password: string;
}

/** The officials of the demo register and commission (demoData.ts), with their certificates' details. */
export const DEMO_OFFICIALS: readonly DemoOfficial[] = [
  { place: 'director', username: 'direktorius', name: 'Rūta Žemaitienė', givenName: 'Rūta', surname: 'Žemaitienė', personalCode: '47001010011', password: 'Demo-direktorius-p12' },
  { place: 'deputy', username: 'pavaduotojas', name: 'Darius Kavaliauskas', givenName: 'Darius', surname: 'Kavaliauskas', personalCode: '37501010022', password: 'Demo-pavaduotojas-p12' },
  { place: 'chair', username: 'pirmininkas', name: 'Vytautas Grigas', givenName: 'Vytautas', surname: 'Grigas', personalCode: '37201010033', password: 'Demo-pirmininkas-p12' },
  { place: 'secretary', username: 'sekretore', name: 'Aušra Vilkienė', givenName: 'Aušra', surname: 'Vilkienė', personalCode: '48501010044', password: 'Demo-sekretore-p12' },
  { place: 'halfwayHouseEmployee', username: 'darbuotojas', name: 'Tomas Šaulys', givenName: 'Tomas', surname: 'Šaulys', personalCode: '38801010055', password: 'Demo-darbuotojas-p12' },
];

export const DEMO_CA_NAME = 'Pusiaukelės demonstracinė CA';

/** What the demo wrote about certificates. */
export interface DemoCertificates {
  /** The folder next to the data directory that holds the CA and the PKCS#12 files. */
  dir: string;
  caPem: string;
  /** One per official: the file name in `dir`. */
  files: { official: DemoOfficial; file: string; p12: Uint8Array }[];
}

/**
 * The CA and one PKCS#12 per official, written to `dir` (next to the data directory, never inside
 * it: the data directory refuses files it does not know). Valid from a month before `today` (the app's
 * "today" may be fixed for a demonstration) for three years; the CA for ten.
 */
export function makeDemoCertificates(dir: string, today: IsoDate): DemoCertificates {
  const start = new Date(Math.min(Date.parse(`${today}T00:00:00Z`), Date.now()) - 31 * 24 * 3600 * 1000);
  const end = (years: number) => new Date(Date.parse(`${addCalendarMonths(today, years * 12)}T00:00:00Z`));
  const ca = issueCertificateAuthority({ commonName: DEMO_CA_NAME, organization: 'Pusiaukelė (demonstracija)' }, { from: start, until: end(10) });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'demo-ca.pem'), ca.pem);
  const files = DEMO_OFFICIALS.map((official) => {
    const cert = issueSignerCertificate(
      ca,
      { commonName: official.name, givenName: official.givenName, surname: official.surname, personalCode: official.personalCode },
      { from: start, until: end(3) },
    );
    const p12 = pkcs12Of(cert, [ca.der], official.password, official.name);
    const file = `${official.username}.p12`;
    writeFileSync(join(dir, file), p12);
    return { official, file, p12 };
  });
  return { dir, caPem: ca.pem, files };
}

const of = (place: DemoOfficialPlace) => DEMO_OFFICIALS.find((o) => o.place === place)!;

/**
 * The register with the officials' personal codes and user accounts, the commission's chair and
 * secretary likewise, and the demo CA as the one trusted root (settings.signing.trustedRoots).
 */
export async function linkDemoOfficials(asAdmin: Dispatch, secretary: Dispatch, caPem: string): Promise<void> {
  const users = await call(asAdmin, 'users.list', {});
  const idOf = (username: string) => users.find((u) => u.username === username)?.id ?? '';
  const settings = (await call(asAdmin, 'settings.get', {})) as Settings;
  const register = settings.register!;
  const director = of('director');
  const deputy = of('deputy');
  const employee = of('halfwayHouseEmployee');
  await call(asAdmin, 'settings.save', {
    ...settings,
    register: {
      ...register,
      director: { ...register.director, personalCode: director.personalCode, userId: idOf(director.username) },
      deputies: (register.deputies ?? []).map((d) => (d.name === deputy.name ? { ...d, personalCode: deputy.personalCode, userId: idOf(deputy.username) } : d)),
      halfwayHouseEmployee: { ...register.halfwayHouseEmployee, personalCode: employee.personalCode, userId: idOf(employee.username) },
    },
    signing: { pkcs11Module: '', timestampUrl: '', ...settings.signing, trustedRoots: caPem },
  });
  const commission = await call(secretary, 'commission.get', {});
  if (!commission) return;
  const chair = of('chair');
  const clerk = of('secretary');
  await call(secretary, 'commission.save', {
    revision: commission.revision,
    rules: commission.rules,
    members: commission.members.map((m) =>
      m.name === chair.name
        ? { ...m, personalCode: chair.personalCode, userId: idOf(chair.username) }
        : m.name === clerk.name
          ? { ...m, personalCode: clerk.personalCode, userId: idOf(clerk.username) }
          : m,
    ),
  });
}

/**
 * Documents of the latest closed meeting, signed by the right people in the right order (issue 12):
 * the minutes (chair, secretary), a proposal (chair) and the director's order after 10.1 (director),
 * and the p. 12 list (the halfway-house employee). Another proposal stays in the chair's queue.
 * Returns the signed documents.
 */
export async function signDemoDocuments(secretary: Dispatch, sessionOf: (username: string) => Dispatch, certificates: DemoCertificates): Promise<DocumentItem[]> {
  const credentialOf = (place: DemoOfficialPlace) => {
    const entry = certificates.files.find((f) => f.official.place === place)!;
    return { kind: 'pkcs12' as const, bytes: entry.p12, password: entry.official.password };
  };
  const signAs = (place: DemoOfficialPlace, id: string) => call(sessionOf(of(place).username), 'documents.sign', { id, credential: credentialOf(place) });
  const signed: DocumentItem[] = [];
  const { meetings } = await call(secretary, 'meetings.list', {});
  const latest = meetings.filter((m) => m.state === 'closed').sort((a, b) => b.date.localeCompare(a.date))[0];
  if (latest) {
    const minutes = await call(secretary, 'documents.issue', { kind: 'minutes', meetingId: latest.id });
    await signAs('chair', minutes.id);
    signed.push(await signAs('secretary', minutes.id));
    const view = await call(secretary, 'meetings.get', { id: latest.id });
    const decided = view.items.filter((i) => i.item.frozen?.outcome === 'decided');
    // An order fits a case the director has not refused: on the list, ordered or transferred.
    const transfer = decided.find((i) => i.item.frozen?.decision === '10.1' && ['decided', 'listed', 'transfer_ordered', 'transferred'].includes(i.caseState ?? ''));
    if (transfer) {
      const proposal = await call(secretary, 'documents.issue', { kind: 'proposal', caseId: transfer.item.caseId });
      signed.push(await signAs('chair', proposal.id));
      const order = await call(secretary, 'documents.issue', { kind: 'order', caseId: transfer.item.caseId });
      signed.push(await signAs('director', order.id));
    }
    // One more proposal, issued and waiting for the chair's signature.
    const other = decided.find((i) => i !== transfer);
    if (other) await call(secretary, 'documents.issue', { kind: 'proposal', caseId: other.item.caseId });
  }
  const list = await call(secretary, 'documents.issue', { kind: 'list' });
  signed.push(await signAs('halfwayHouseEmployee', list.id));
  return signed;
}
