import { readFileSync } from 'node:fs';
import type { Services } from '../../electron/services/index';
import type { Dispatch as ContractDispatch } from '../../shared/contract/dispatch';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { DocumentItem, DocumentRequest, RegisterSettings } from '../../shared/contract/documentSchemas';
import { ok } from './calls';
import { pdfDocument } from './documents';
import { namedSigner, P12_PASSWORD, testPki } from './pki';
import { as, signedIn } from './users';

// No vitest import here: the helpers may run outside the test runner.

type Dispatch = (method: string, input: unknown) => ReturnType<Services['dispatch']>;

/** The officials of the register, each signing with a certificate from the test CA in their name (issue 12). */
export const DIRECTOR = { name: 'Rūta Žemaitienė' };
export const EMPLOYEE = { name: 'Tomas Šaulys' };
/** The commission of test/helpers/meetings.ts: its chair and secretary sign the minutes and the proposals. */
export const CHAIR = { name: 'Rasa Vaitkienė' };
export const SECRETARY = { name: 'Inga Kairienė' };

export const p12 = (person: { name: string }) => ({ kind: 'pkcs12' as const, bytes: namedSigner(person).p12, password: P12_PASSWORD });

/** Who acts in the institution: the staff (secretary, administrator), the director, the chair and the halfway house's employee. */
export interface Officials {
  secretary: Dispatch;
  director: Dispatch;
  chair: Dispatch;
  employee: Dispatch;
}

/**
 * The demo institution with a register whose director and halfway-house employee have user
 * accounts, and the test CA trusted: the director's acts can be issued and signed (V-77 p. 13–16,
 * 44–46), and signing them moves the case (issue 14). `services` is signed in as the staff.
 */
export async function setUpOfficials(services: Services & { session: string }): Promise<Officials> {
  const caPem = readFileSync(testPki().ca.certPath, 'utf8');
  const secretary: Dispatch = services.dispatch;
  const admin = services.session;
  const director = as(services, await signedIn(services, admin, 'direktore', ['director']));
  const chair = as(services, await signedIn(services, admin, 'pirmininke', ['chair']));
  const employee = as(services, await signedIn(services, admin, 'darbuotojas', ['archivist']));
  const register: RegisterSettings = {
    place: 'Pravieniškės',
    director: { ...DIRECTOR, position: 'Direktorė', gender: 'female', userId: (await ok(director, 'auth.status', {})).user!.id },
    halfwayHouseEmployee: { ...EMPLOYEE, position: 'Pusiaukelės namų vyresnysis specialistas', gender: 'male', userId: (await ok(employee, 'auth.status', {})).user!.id },
    prefixes: { minutes: 'DK', proposal: 'DKS', order: 'IS', declineDecision: 'SN', submission: 'TK', letter: 'RS', list: 'SR', returnSubmission: 'GT', returnDecision: 'GS' },
  };
  const current = await ok(secretary, 'settings.get', {});
  await ok(secretary, 'settings.save', { ...DEMO_SETTINGS, revision: current?.revision ?? 0, register, signing: { pkcs11Module: '', timestampUrl: '', trustedRoots: caPem } });
  return { secretary, director, chair, employee };
}

/** The minutes of the meeting and each case's proposal, issued and signed: the director's acts cite them (issue 12). */
export async function signGroundwork(o: Officials, meetingId: string, caseIds: readonly string[]): Promise<void> {
  const minutes = await ok(o.secretary, 'documents.issue', { kind: 'minutes', meetingId });
  await ok(o.chair, 'documents.sign', { id: minutes.id, credential: p12(CHAIR) });
  await ok(o.secretary, 'documents.sign', { id: minutes.id, credential: p12(SECRETARY) });
  for (const caseId of caseIds) {
    const proposal = await ok(o.secretary, 'documents.issue', { kind: 'proposal', caseId });
    await ok(o.chair, 'documents.sign', { id: proposal.id, credential: p12(CHAIR) });
  }
}

/**
 * Issue a director's act (or the employee's return submission) and sign it as the register's
 * official: once fully signed, the act takes its step on the case (V-77 p. 13–16, 46).
 */
export async function signAct(o: Officials, request: DocumentRequest): Promise<DocumentItem> {
  const doc = await ok(o.secretary, 'documents.issue', request);
  const byEmployee = request.kind === 'returnSubmission';
  return ok(byEmployee ? o.employee : o.director, 'documents.sign', { id: doc.id, credential: p12(byEmployee ? EMPLOYEE : DIRECTOR) });
}

/** A copy of a received document (a real PDF), staged for the case by the caller's session (dossier.stage). */
export async function stagedCopy(dispatch: Dispatch, caseId: string, name: string): Promise<{ stagedId: string; bytes: Uint8Array }> {
  const bytes = await pdfDocument({ text: `${name} ${caseId.slice(0, 8)}` });
  const staged = await ok(dispatch as ContractDispatch, 'dossier.stage', { caseId, name, bytes });
  return { stagedId: staged.stagedId, bytes };
}
