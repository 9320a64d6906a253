import { createContext, useContext } from 'react';
import { contract } from '../../shared/contract/methods';
import type { Role } from '../../shared/contract/roles';

/** What the signed-in user may do with documents; the workspace provides it from their roles. */
export interface DocumentAccess {
  /** The secretary and the director prepare documents (DOCUMENT_AUTHORS). */
  canIssue: boolean;
  /** The director, the chair and the secretary sign them (DOCUMENT_SIGNERS). */
  canSign: boolean;
  /** Issue 18: make a signed document's signatures long-term (documents.extend's roles). */
  canExtend?: boolean;
}

/** Issue 18: the roles of documents.extend (the back end refuses the others anyway). */
export function canExtendDocuments(roles: readonly Role[]): boolean {
  const access: readonly Role[] = contract['documents.extend'].access;
  return roles.some((r) => access.includes(r));
}

export const DocumentAccessContext = createContext<DocumentAccess>({ canIssue: false, canSign: false });

export function useDocumentAccess(): DocumentAccess {
  return useContext(DocumentAccessContext);
}
