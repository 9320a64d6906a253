// X.509 names as people read them: "CN=Ąžuolas Žėkas, O=Pusiaukelė, C=LT" (RFC 4514 order and
// escaping). Strings are decoded by their ASN.1 type, so Lithuanian letters in UTF8String and
// BMPString survive (node-forge mangles them: DESIGN §3).
import * as asn1js from 'asn1js';
import { childrenOf, oidOf, parseAsn1, toHex } from './der';

const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

const COMMON_NAME = '2.5.4.3';

export interface NameAttribute {
  oid: string;
  value: string;
}

/** The RDNs of a DER Name, in encoding order (the country first, as a rule). */
function relativeNames(nameDer: Uint8Array): NameAttribute[][] {
  return childrenOf(parseAsn1(nameDer, 'Name'), 'Name').map((rdn) =>
    childrenOf(rdn, 'RelativeDistinguishedName').map((attribute) => {
      const [type, value] = childrenOf(attribute, 'AttributeTypeAndValue');
      return { oid: oidOf(type, 'attribute type'), value: attributeValueText(value) };
    }),
  );
}

/** Every attribute of a DER Name, in encoding order (a value that is no string is written as #hex). */
export function nameAttributes(nameDer: Uint8Array): NameAttribute[] {
  return relativeNames(nameDer).flat();
}

function attributeValueText(value: asn1js.AsnType | undefined): string {
  if (value instanceof asn1js.BaseStringBlock) return value.getValue();
  return value ? `#${toHex(new Uint8Array(value.valueBeforeDecodeView))}` : '';
}

/** RFC 4514 §2.4: the characters that must be escaped in an attribute value. */
function escapeValue(value: string): string {
  return value
    .replace(/[\\"+,;<>]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/** The name as RFC 4514 writes it: the most specific RDN first. */
export function formatName(nameDer: Uint8Array): string {
  return relativeNames(nameDer)
    .reverse()
    .map((rdn) => rdn.map(({ oid, value }) => `${SHORT_NAMES[oid] ?? oid}=${escapeValue(value)}`).join('+'))
    .join(', ');
}

/** The most specific common name, or '' when the name has none. */
export function commonNameOf(nameDer: Uint8Array): string {
  const names = nameAttributes(nameDer).filter((attribute) => attribute.oid === COMMON_NAME);
  return names.at(-1)?.value ?? '';
}
