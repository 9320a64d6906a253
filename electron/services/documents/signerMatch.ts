// Issue 12, "The right person signs each line": whether a certificate's holder is the official a
// signature line names. Qualified certificates of Lithuanian persons carry the personal code in the
// subject's serialNumber, "PNOLT-38001010000" (ETSI EN 319 412-1 §5.1.3), older ones as the plain 11
// digits; the name is in the commonName and in givenName + surname.
import { DomainError } from '../../../shared/domain/errors';
import { parseCertificate } from '../signing/certificates';
import { nameAttributes } from '../signing/distinguishedNames';

const CN = '2.5.4.3';
const SURNAME = '2.5.4.4';
const SERIAL_NUMBER = '2.5.4.5';
const GIVEN_NAME = '2.5.4.42';

/** Who a certificate names: its holder as people read it, the name's words and the personal code. */
export interface CertificateHolder {
  /** The commonName, else "givenName surname", else the subject as written. */
  name: string;
  /** The names the certificate gives, each as a list of words: the commonName, and givenName + surname. */
  names: string[];
  /** The personal code from the subject's serialNumber, or null when it carries none. */
  personalCode: string | null;
}

/** The line's official, as the document stores them (issue 12). */
export interface ExpectedSigner {
  name: string;
  personalCode?: string | undefined;
}

/** Reads the holder of a DER certificate; throws CERT_UNREADABLE when it is not a certificate. */
export function certificateHolder(der: Uint8Array): CertificateHolder {
  const values = nameAttributes(parseCertificate(der).subjectDer);
  const first = (oid: string) => values.filter((v) => v.oid === oid).map((v) => v.value.trim()).filter((v) => v !== '');
  const cn = first(CN).at(-1) ?? '';
  const given = first(GIVEN_NAME).join(' ');
  const surname = first(SURNAME).join(' ');
  const fromParts = [given, surname].filter((p) => p !== '').join(' ');
  const names = [cn, given !== '' && surname !== '' ? fromParts : ''].filter((n) => n !== '');
  const personalCode = first(SERIAL_NUMBER).map(personalCodeOf).find((c): c is string => c !== null) ?? null;
  return { name: cn || fromParts, names, personalCode };
}

/** "PNOLT-38001010000" or "38001010000" → "38001010000"; anything else → null. */
export function personalCodeOf(serialNumber: string): string | null {
  const match = /^(?:PNO[A-Z]{2}-)?([1-9]\d{10})$/u.exec(serialNumber.trim());
  return match?.[1] ?? null;
}

/**
 * A name as words to compare: Unicode NFC, case folded the Lithuanian way, whitespace collapsed.
 * Letters are kept as they are: "Žėkas" never equals "Zekas".
 */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('lt')
    .split(/[\s,]+/u)
    .filter((w) => w !== '')
    .sort();
}

function sameWords(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  return x.length > 0 && x.length === y.length && x.every((w, i) => w === y[i]);
}

/**
 * Whether the holder is the expected official: by personal code when the official has one (the
 * certificate must carry the same), else by name (given name and surname in either order, against
 * the commonName or givenName + surname).
 */
export function holderMatches(holder: CertificateHolder, expected: ExpectedSigner): boolean {
  const code = expected.personalCode?.trim() ?? '';
  if (code !== '') return holder.personalCode === code;
  return holder.names.some((n) => sameWords(n, expected.name));
}

/** CERT_NOT_SIGNER, naming the certificate's holder and the official the line expects. */
export function certNotSigner(holder: CertificateHolder, expected: ExpectedSigner & { position: string }): DomainError {
  return new DomainError('CERT_NOT_SIGNER', {
    holder: holder.name,
    expected: expected.name,
    position: expected.position,
    ...(expected.personalCode ? { personalCode: expected.personalCode } : {}),
  });
}
