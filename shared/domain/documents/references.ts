import { formatLtDate, type IsoDate } from '../calendar';
import type { Block, DocumentModel, SignatureLine } from './documentModel';
import type { ConvictFacts, ConvictIdentity, DocumentRef, InstitutionFacts, PersonFacts } from './documentSources';
import { actingDirectorTitle, genderOf, identityOf, TITLES } from './signers';

/**
 * How the documents name people, institutions and other documents. Names are never declined: a
 * declined generic noun carries the case ("nuteistąjį", "nuteistojo") and the name follows it in a
 * labelled parenthesis in the nominative ("nuteistąjį (vardas ir pavardė: Jonas Petraitis, …)");
 * an institution's name follows a generic noun in parentheses ("kitoje pataisos įstaigoje
 * (Marijampolės pataisos namai)"), or stands where a nominative belongs (a subject, an address).
 */

export function fullName(person: Pick<ConvictIdentity, 'firstName' | 'lastName'>): string {
  return `${person.firstName} ${person.lastName}`;
}

/** The convict as the agenda and the list identify them: "(vardas ir pavardė: …, asmens bylos Nr. …)". */
export function convictIdentity(convict: ConvictIdentity): string {
  return `(vardas ir pavardė: ${fullName(convict)}, asmens bylos Nr. ${convict.personalFileNo})`;
}

/** The convict as a decision about them identifies them, with the date of birth. */
export function convictDetails(convict: ConvictFacts): string {
  return (
    `(vardas ir pavardė: ${fullName(convict)}, gimimo data: ${formatLtDate(convict.birthDate)}, ` +
    `asmens bylos Nr. ${convict.personalFileNo})`
  );
}

/** "Nr. DK-12", or "Nr. ____" (the blank a preview leaves) for a document the register has not numbered yet. */
export function numbered(number: string | null): string {
  return `Nr. ${number ?? '____'}`;
}

/**
 * The minutes a text cites in parentheses, in the nominative: "posėdžio protokolas Nr. DK-12" beside a
 * mention of the same day's meeting or proposal, else with its date.
 */
export function minutesNote(minutes: DocumentRef, mentionedOn: IsoDate): string {
  const day = minutes.date === mentionedOn ? '' : `${formatLtDate(minutes.date)} `;
  return `${day}posėdžio protokolas ${numbered(minutes.number)}`;
}

/** "drausmės komisijos 2026 m. lapkričio 20 d. siūlymas Nr. DKS-5", in the nominative. */
export function proposalCitation(proposal: DocumentRef): string {
  return `drausmės komisijos ${formatLtDate(proposal.date)} siūlymas ${numbered(proposal.number)}`;
}

/** The operative verb of an order or decision, letter-spaced as Lithuanian legal acts set it ("p e r k e l i u"). */
export function spaced(word: string): string {
  return [...word].join(' ');
}

export function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase('lt') + text.slice(1);
}

/** A text the user wrote, trimmed and ending as a sentence ends. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The parts of the head every document shares: the institution in capitals and the place. */
export function documentHead(institution: InstitutionFacts): Pick<DocumentModel, 'institution' | 'place'> {
  return { institution: institution.name.toLocaleUpperCase('lt'), place: institution.place };
}

/** A line of the signature block for `person`, carrying who alone may sign it (issue 12). */
export function signatureLine(role: SignatureLine['role'], person: PersonFacts, position: string): SignatureLine {
  return { role, position, name: person.name, ...identityOf(person) };
}

/**
 * The director's line (V-77 p. 13–16, 46): the director's own position, or for a deputy chosen when
 * issuing, "Direktoriaus pavaduotoja, laikinai einanti direktoriaus pareigas" in the deputy's gender.
 * An empty position takes the title of the person's gender.
 */
export function directorSignature(institution: InstitutionFacts): SignatureLine {
  const { director } = institution;
  const gender = genderOf(director);
  const own = director.position.trim() || (director.acting ? TITLES.deputy[gender] : TITLES.director[gender]);
  return signatureLine('director', director, director.acting ? actingDirectorTitle(own, gender) : own);
}

/** A paragraph of body text, its first line indented. */
export function bodyText(text: string): Block {
  return { kind: 'paragraph', indent: true, text };
}

/** A paragraph set flush left: a line of a list, an address, an agreement block. */
export function line(text: string, bold = false): Block {
  return bold ? { kind: 'paragraph', text, bold } : { kind: 'paragraph', text };
}

/** The blocks, or none when the condition does not hold. */
export function blocksIf(condition: boolean, ...blocks: Block[]): Block[] {
  return condition ? blocks : [];
}
