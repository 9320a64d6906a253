import {
  ADMINISTRATORS,
  ARCHIVISTS,
  CASE_READERS,
  CASE_WRITERS,
  COMMISSION_EDITORS,
  COMMISSION_READERS,
  DOCUMENT_AUTHORS,
  DOCUMENT_SIGNERS,
  DOSSIER_SENDERS,
  PACKAGE_HANDLERS,
  type Role,
} from '../../shared/contract/roles';
import type { RouteName } from '../router/routes';

/**
 * What the UI offers to whom, mirroring the back end's role table (which refuses anyway): everyone
 * who works with the cases reads them; only the secretary registers and moves them; the
 * administrator manages the settings, the users and reads the audit trail, and does not see the
 * cases without another role.
 */
const holdsAny = (roles: readonly Role[], allowed: readonly Role[]): boolean => roles.some((r) => allowed.includes(r));

export const canReadCases = (roles: readonly Role[]): boolean => holdsAny(roles, CASE_READERS);
export const canWriteCases = (roles: readonly Role[]): boolean => holdsAny(roles, CASE_WRITERS);
export const isAdministrator = (roles: readonly Role[]): boolean => holdsAny(roles, ADMINISTRATORS);
export const canReadCommission = (roles: readonly Role[]): boolean => holdsAny(roles, COMMISSION_READERS);
export const canEditCommission = (roles: readonly Role[]): boolean => holdsAny(roles, COMMISSION_EDITORS);
/** The secretary and the director prepare the documents; the director, the chair and the secretary sign them. */
export const canIssueDocuments = (roles: readonly Role[]): boolean => holdsAny(roles, DOCUMENT_AUTHORS);
export const canSignDocuments = (roles: readonly Role[]): boolean => holdsAny(roles, DOCUMENT_SIGNERS);
/** Issue 15: the archivist exports cases; the secretary sends the dossier (V-77 p. 7); both check and import packages. */
export const canExportCases = (roles: readonly Role[]): boolean => holdsAny(roles, ARCHIVISTS);
export const canSendDossier = (roles: readonly Role[]): boolean => holdsAny(roles, DOSSIER_SENDERS);
export const canHandlePackages = (roles: readonly Role[]): boolean => holdsAny(roles, PACKAGE_HANDLERS);

/** The screens a user with `roles` may open. */
export function routeAllowed(route: RouteName, roles: readonly Role[]): boolean {
  switch (route) {
    case 'home':
      // Issue 17: every role has a start page (a user without a role gets an empty one).
      return true;
    case 'statistics':
    case 'projector':
      return canReadCases(roles);
    case 'cases':
    case 'case':
      return canReadCases(roles);
    case 'meetings':
    case 'meeting':
    case 'documents':
    case 'places':
      return canReadCases(roles);
    case 'signing':
      // Any case reader may be an official with a signature line (the halfway-house employee who keeps
      // the p. 12 list, V-77 p. 20); the back end decides line by line whose signature each awaits.
      return canSignDocuments(roles) || canReadCases(roles);
    case 'commission':
      return canReadCommission(roles);
    case 'new':
      return canWriteCases(roles);
    case 'archive':
      // The archivist's exports, the packages of the archivist and the secretary, the administrator's backup.
      return canExportCases(roles) || canHandlePackages(roles) || isAdministrator(roles);
    case 'settings':
    case 'users':
    case 'audit':
      return isAdministrator(roles);
    case 'verify':
    case 'password':
    case 'notFound':
      return true;
  }
}

export type NavigationItem = 'home' | 'cases' | 'new' | 'meetings' | 'places' | 'documents' | 'signing' | 'statistics' | 'commission' | 'archive' | 'settings' | 'users' | 'audit';

/**
 * The verification page (#/verify, everyone's) is reached from the documents and signing pages; the
 * projector view from the meeting (Alt+P).
 */
const NAVIGATION: readonly NavigationItem[] = ['home', 'cases', 'new', 'meetings', 'places', 'documents', 'signing', 'statistics', 'commission', 'archive', 'settings', 'users', 'audit'];

/** The links of the main navigation, in order, for `roles`. */
export function navigationFor(roles: readonly Role[]): NavigationItem[] {
  return NAVIGATION.filter((item) => routeAllowed(item, roles));
}

/**
 * Whether the navigation always shows the signing queue: to the signing roles it does; to the other
 * case readers only while a document awaits their signature (SigningNavLink).
 */
export const alwaysShowsSigning = (roles: readonly Role[]): boolean => canSignDocuments(roles);

/** Issue 17: where every user lands after signing in, whatever the roles: the start page of their roles. */
export const LANDING_ROUTE = 'home';
