import { createContext, useContext } from 'react';

/** What the signed-in user may do with documents; the workspace provides it from their roles. */
export interface DocumentAccess {
  /** The secretary and the director prepare documents (DOCUMENT_AUTHORS). */
  canIssue: boolean;
  /** The director, the chair and the secretary sign them (DOCUMENT_SIGNERS). */
  canSign: boolean;
}

export const DocumentAccessContext = createContext<DocumentAccess>({ canIssue: false, canSign: false });

export function useDocumentAccess(): DocumentAccess {
  return useContext(DocumentAccessContext);
}
