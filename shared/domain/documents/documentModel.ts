import type { IsoDate } from '../calendar';
import type { SignerIdentity } from './signers';

/**
 * A generated document as the Lithuanian document-drafting rules lay it out (DESIGN §1): the
 * institution, the document type, date and registration number, the place, the title, the text,
 * the annexes under "PRIDEDAMA" and the signature block. Templates produce this model from what was
 * recorded; the PDF writer lays it out on A4. The model holds text only, so it is pure and testable.
 */

/** The kinds of document the app generates, with the V-77 point (or the seed) each implements. */
export const DOCUMENT_KINDS = [
  'minutes', // p. 9–11: the commission meeting's minutes (protokolas)
  'proposal', // p. 10: the commission's proposal to the director, one variant per decision 10.1–10.4
  'order', // p. 13: the director's order to transfer (įsakymas)
  'declineDecision', // p. 15: the director's motivated decision not to transfer
  'submission', // p. 14: the submission to the Prison Department director with the draft resolution
  'letter', // p. 16: the motivated letter to the convict and the convict's institution (appeals p. 50–51)
  'list', // p. 12: the list of convicts proposed for transfer
  'returnSubmission', // p. 45: the motivated submission to return the convict to the correctional home
  'returnDecision', // p. 46: the director's decision to return the convict
  'p47Notice', // p. 47: the director tells the other institution's director of circumstances that make our convict ineligible (p. 3)
  'municipalityNotice', // seed 001 (social integration model): the notice of the release to the municipality, 6 months before parole
  'transferNotice', // p. 22–23: our convict goes to another institution's halfway house: its director is told of the arrival, the personal file follows the same day
  'statisticsReport', // issue 17: the report to the Prison Department on a period's requests, decisions, terms kept, list and places
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Who signs a document: the institution's director, or the commission's chair and secretary. */
export type SignerRole = 'director' | 'chair' | 'secretary' | 'halfwayHouseEmployee';

export type Block =
  /** A paragraph of running text; `indent` starts its first line indented, as body text is. */
  | { kind: 'paragraph'; text: string; indent?: boolean; bold?: boolean }
  /** A heading inside the text (e.g. a point of the agenda). */
  | { kind: 'heading'; text: string }
  /** A numbered list; items are numbered 1., 2., … unless they carry their own `label` (e.g. '11.1.'). */
  | { kind: 'numbered'; items: { label?: string; text: string }[] }
  /** A table; widths are fractions of the text width and add up to 1. */
  | { kind: 'table'; columns: { title: string; width: number }[]; rows: string[][] };

/** One line of the signature block; the identity fields say who alone may sign it (issue 12). */
export interface SignatureLine extends SignerIdentity {
  role: SignerRole;
  /** e.g. 'Direktorius', 'Komisijos pirmininkas'. */
  position: string;
  /** Name and surname, as the signature block writes them. */
  name: string;
}

export interface DocumentModel {
  kind: DocumentKind;
  /** e.g. 'proposal/10.3@1': stored with the issued document so it can be reproduced. */
  templateVersion: string;
  /** The institution's name, at the top of the page, in capitals as the rules write it. */
  institution: string;
  /** The document type in capitals: 'PROTOKOLAS', 'ĮSAKYMAS', 'SPRENDIMAS', 'TEIKIMAS', … */
  documentType: string;
  /** The title, in capitals, starting with 'DĖL' where the rules want it. */
  title: string;
  date: IsoDate;
  /** The registration number, or null in a preview (the register gives it when the document is issued). */
  registrationNumber: string | null;
  /** The place where the document was drawn up (a town). */
  place: string;
  /** Addressees of a letter or submission, above the title, one line each. */
  addressees?: string[];
  body: Block[];
  /** Listed under "PRIDEDAMA", numbered. */
  annexes: string[];
  signatures: SignatureLine[];
  /** The person the document is about, for the document list (never printed from here). */
  subject?: string;
}
