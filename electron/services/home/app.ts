/**
 * Issue 17: the start page of each role (home.get): what waits for the signed-in user, gathered
 * from the case index (no case file is opened for the terms, the flags or the dossiers), the
 * meetings, the generated documents, the users, the settings and the audit trail.
 */
import type { HomeView } from '../../../shared/contract/homeSchemas';
import type { Caller } from '../../../shared/contract/methods';
import { CASE_READERS, type Role } from '../../../shared/contract/roles';
import type { ServiceContext, ServiceHandlers } from '../context';
import { auditFactsReader, type AuditFacts } from './auditFacts';
import { administratorSection, archivistSection, commissionSection, directorSection, secretarySection, signatureQueue, type HomeServices } from './homeSections';

type HomeHandlers = Pick<ServiceHandlers, 'home.get'>;

export function homeView(ctx: HomeServices, caller: Caller, auditFacts: () => AuditFacts): HomeView {
  const roles = caller.user?.roles ?? [];
  const has = (role: Role) => roles.includes(role);
  const today = ctx.today();
  const view: HomeView = { today };
  // The case index is read once for every section that needs it.
  const readsCases = CASE_READERS.some(has);
  const cases = readsCases ? ctx.cases.list() : [];
  if (has('secretary')) view.secretary = secretarySection(ctx, cases, today);
  // Whoever reads the cases may hold a signature line (the halfway-house employee signs the p. 12 list, V-77 p. 20).
  if (caller.user && readsCases) view.signatures = signatureQueue(ctx, caller.user);
  if (has('director')) view.director = directorSection(ctx, cases, today);
  if (has('chair') || has('member')) view.commission = commissionSection(ctx, cases, today);
  if (has('archivist')) view.archivist = archivistSection(cases, auditFacts(), ctx);
  if (has('administrator')) view.administrator = administratorSection(ctx, today, auditFacts());
  return view;
}

export function homeHandlers(ctx: ServiceContext): HomeHandlers {
  const auditFacts = auditFactsReader(ctx.audit);
  return {
    'home.get': async (_input, call) => homeView(ctx, call, auditFacts),
  };
}
