/**
 * Who uses the app, and what each may do. The back end checks the role table for every contract
 * method; the UI only mirrors it.
 */
export const ROLES = ['administrator', 'secretary', 'member', 'chair', 'director', 'archivist'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, { lt: string; en: string }>> = {
  administrator: { lt: 'Administratorius', en: 'Administrator' },
  secretary: { lt: 'Komisijos sekretorius', en: 'Commission secretary' },
  member: { lt: 'Komisijos narys', en: 'Commission member' },
  chair: { lt: 'Komisijos pirmininkas', en: 'Commission chair' },
  director: { lt: 'Direktorius', en: 'Director' },
  archivist: { lt: 'Archyvaras', en: 'Archivist' },
};

/**
 * Who may call a method: anyone (before signing in), any signed-in user, or the holders of one of
 * the listed roles. The administrator manages users and settings but does not see case contents
 * unless they also hold a role that does.
 */
export type Access = 'anyone' | 'signedIn' | readonly Role[];

/** Everyone who works with the cases reads them; the administrator alone does not. */
export const CASE_READERS: readonly Role[] = ['secretary', 'member', 'chair', 'director', 'archivist'];

/** The secretary registers requests and records the steps of the procedure. */
export const CASE_WRITERS: readonly Role[] = ['secretary'];

export const ADMINISTRATORS: readonly Role[] = ['administrator'];

/** The commission's membership and rules are kept by its secretary or the administrator; everyone at work with the cases reads them. */
export const COMMISSION_EDITORS: readonly Role[] = ['secretary', 'administrator'];
export const COMMISSION_READERS: readonly Role[] = [...CASE_READERS, 'administrator'];

/** The secretary prepares the commission's and the director's documents; the director may too (V-77 p. 13–16). */
export const DOCUMENT_AUTHORS: readonly Role[] = ['secretary', 'director'];

/** Who signs: the director, and for the minutes the commission's chair and secretary. */
export const DOCUMENT_SIGNERS: readonly Role[] = ['director', 'chair', 'secretary'];

/**
 * Issue 15: the archivist exports cases (the package holds every document in clear); the secretary
 * sends the dossier to another institution (V-77 p. 7). Both check and import packages: the
 * archivist a case back from the archive, the secretary a dossier another institution sent.
 */
export const ARCHIVISTS: readonly Role[] = ['archivist'];
export const DOSSIER_SENDERS: readonly Role[] = ['secretary'];
export const PACKAGE_HANDLERS: readonly Role[] = ['archivist', 'secretary'];
