// Reading and writing the ASN.1 structures of CMS, PKCS#12 and RFC 3161 with asn1js. Readers throw
// Asn1Error on anything that is not the expected shape; each caller turns it into its own error
// code (a PKCS#12 file it cannot read, a signature it reports as damaged).
import * as asn1js from 'asn1js';

export class Asn1Error extends Error {
  constructor(what: string) {
    super(`Malformed ASN.1: ${what}`);
    this.name = 'Asn1Error';
  }
}

/**
 * Parses one BER/DER value from the start of `bytes` (what follows it is ignored: a PDF pads the
 * signature with zeros). Octet strings are not parsed as embedded ASN.1: readers ask for that.
 */
export function parseAsn1(bytes: Uint8Array, what: string): asn1js.AsnType {
  const parsed = asn1js.fromBER(bytes, { parseEmbedded: false });
  if (parsed.offset === -1 || parsed.result.error) throw new Asn1Error(`${what}: ${parsed.result.error || 'cannot decode'}`);
  return parsed.result;
}

/** The bytes a parsed value was decoded from (its own tag, length and content). */
export function encodingOf(node: asn1js.AsnType): Uint8Array {
  return new Uint8Array(node.valueBeforeDecodeView);
}

function isConstructedBlock(node: asn1js.AsnType): node is asn1js.Constructed {
  return node instanceof asn1js.Constructed;
}

/** The elements of a SEQUENCE, SET or constructed context tag. */
export function childrenOf(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!node || !isConstructedBlock(node)) throw new Asn1Error(`${what} is not a constructed value`);
  return node.valueBlock.value;
}

export function childAt(node: asn1js.AsnType | undefined, index: number, what: string): asn1js.AsnType {
  const child = childrenOf(node, what)[index];
  if (!child) throw new Asn1Error(`${what} has no element ${index}`);
  return child;
}

export function isContextTag(node: asn1js.AsnType | undefined, tagNumber: number): boolean {
  return node !== undefined && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tagNumber;
}

export function oidOf(node: asn1js.AsnType | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new Asn1Error(`${what} is not an object identifier`);
  return node.valueBlock.toString();
}

/**
 * The content of an OCTET STRING or of an implicitly tagged one, primitive or constructed (BER
 * splits long strings into pieces: Windows and Java write PKCS#12 files so).
 */
export function octetsOf(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!node || (node.idBlock.tagClass === 1 && node.idBlock.tagNumber !== 4)) {
    throw new Asn1Error(`${what} is not an octet string`);
  }
  if (!node.idBlock.isConstructed) {
    return new Uint8Array((node.valueBlock as unknown as { valueHexView: Uint8Array }).valueHexView);
  }
  const pieces = childrenOf(node, what).map((piece) => octetsOf(piece, what));
  return concatBytes(pieces);
}

/** The two's-complement content octets of an INTEGER. */
export function integerBytesOf(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.Integer)) throw new Asn1Error(`${what} is not an integer`);
  return new Uint8Array(node.valueBlock.valueHexView);
}

/** A small non-negative INTEGER (versions, iteration counts, statuses). */
export function smallIntegerOf(node: asn1js.AsnType | undefined, what: string): number {
  const bytes = integerBytesOf(node, what);
  if (bytes.length > 6 || (bytes[0] ?? 0) & 0x80) throw new Asn1Error(`${what} is out of range`);
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

export function bitStringBytesOf(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.BitString)) throw new Asn1Error(`${what} is not a bit string`);
  return new Uint8Array(node.valueBlock.valueHexView);
}

/** An AlgorithmIdentifier: its OID and its parameters, if any. */
export interface AlgorithmIdentifier {
  oid: string;
  params: asn1js.AsnType | undefined;
}

export function algorithmOf(node: asn1js.AsnType | undefined, what: string): AlgorithmIdentifier {
  const [id, params] = childrenOf(node, what);
  return { oid: oidOf(id, `${what} algorithm`), params };
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

// ---- writing: DER assembled from parts, so that certificates and tokens are embedded byte for byte ----

/** Tag, DER length, content. */
export function tagged(tag: number, content: Uint8Array): Uint8Array {
  return concatBytes([new Uint8Array([tag]), derLength(content.length), content]);
}

function derLength(length: number): Uint8Array {
  if (length < 0x80) return new Uint8Array([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

export function sequence(...parts: Uint8Array[]): Uint8Array {
  return tagged(0x30, concatBytes(parts));
}

/** A SET OF in DER order: the elements sorted by their encodings (X.690 §11.6). */
export function setOf(...elements: Uint8Array[]): Uint8Array {
  return tagged(0x31, concatBytes([...elements].sort(compareBytes)));
}

/** [n] EXPLICIT, or an IMPLICIT constructed [n] replacing a SET/SEQUENCE tag: both wrap the parts. */
export function contextConstructed(tagNumber: number, ...parts: Uint8Array[]): Uint8Array {
  return tagged(0xa0 + tagNumber, concatBytes(parts));
}

export function octetString(bytes: Uint8Array): Uint8Array {
  return tagged(0x04, bytes);
}

export function objectIdentifier(oid: string): Uint8Array {
  return new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER(false));
}

export function smallInteger(value: number): Uint8Array {
  return new Uint8Array(new asn1js.Integer({ value }).toBER(false));
}

/** A non-negative INTEGER from unsigned big-endian bytes, minimally encoded. */
export function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return tagged(0x02, (trimmed[0] ?? 0) & 0x80 ? concatBytes([new Uint8Array([0]), trimmed]) : trimmed);
}

export const DER_TRUE = new Uint8Array([0x01, 0x01, 0xff]);
export const DER_NULL = new Uint8Array([0x05, 0x00]);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  }
  return a.length - b.length;
}
