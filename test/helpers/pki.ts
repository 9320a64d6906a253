// A real test PKI made with the openssl CLI (issue 6, "Signatures"): a root CA with a Lithuanian
// name, signer certificates (RSA and ECDSA, valid, expired, not yet valid, for the wrong purpose),
// a timestamp authority, and PKCS#12 files in OpenSSL 3's default format and the legacy ones.
// Made once per test process (a worker runs one file) in a temp folder removed at exit.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const P12_PASSWORD = 'Ąžuolas-2026';

export interface TestIdentity {
  /** PKCS#8 PEM private key. */
  keyPath: string;
  certPath: string;
  /** The certificate, DER. */
  certificate: Uint8Array;
}

export interface TestSigner extends TestIdentity {
  /** PKCS#12 as OpenSSL 3 writes it: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), HMAC-SHA256 MAC. */
  p12: Uint8Array;
  /** PKCS#12 as Windows exports it: pbeWithSHAAnd3-KeyTripleDES-CBC for key and certificates, SHA-1 MAC. */
  p12TripleDes: Uint8Array;
  /** `openssl pkcs12 -export -legacy`: 3DES for the key, 40-bit RC2 for the certificates. */
  p12Legacy: Uint8Array;
}

export interface TestPki {
  dir: string;
  /** "C=LT, O=Pusiaukelė, CN=Pusiaukelės bandomoji CA", RSA 2048. */
  ca: TestIdentity;
  /** An unrelated root, to show that trust needs the right one. */
  otherCa: TestIdentity;
  /** "CN=Ąžuolas Žėkas" (UTF8String), RSA 2048, keyUsage critical digitalSignature, nonRepudiation. */
  rsa: TestSigner;
  /** "CN=Eglė Šimkutė" (BMPString), ECDSA P-256, extendedKeyUsage emailProtection, documentSigning. */
  ecdsa: TestSigner;
  /** Valid 2020-01-01 … 2021-01-01. */
  expired: TestIdentity;
  /** Valid 2099-01-01 … 2100-01-01. */
  notYetValid: TestIdentity;
  /** keyUsage keyEncipherment only. */
  keyEnciphermentOnly: TestIdentity;
  /** extendedKeyUsage serverAuth only. */
  serverAuthOnly: TestIdentity;
  /** Timestamp authority, RSA 2048 (its tokens all have one length): extendedKeyUsage critical timeStamping. */
  tsa: TestIdentity;
}

const REQUEST_CONFIG = (stringMask: string) => `[req]
distinguished_name = dn
string_mask = ${stringMask}
utf8 = yes
prompt = no
[dn]
`;

const CA_CONFIG = `[ca]
default_ca = test_ca
[test_ca]
database = db/index.txt
new_certs_dir = db
certificate = ca.pem
private_key = ca.key
rand_serial = yes
default_md = sha256
policy = any_name
unique_subject = no
preserve = yes
copy_extensions = none
[any_name]
countryName = optional
organizationName = optional
serialNumber = optional
givenName = optional
surname = optional
commonName = supplied
[signer]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[signer_eku]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection, 1.3.6.1.5.5.7.3.36
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[key_encipherment]
basicConstraints = CA:FALSE
keyUsage = critical, keyEncipherment
[server_auth]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
[tsa]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

function openssl(dir: string, args: readonly string[]): string {
  return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function pemToDer(pem: string): Uint8Array {
  const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

/** An openssl -startdate/-enddate value. */
function certificateTime(at: Date): string {
  return `${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

function newKey(dir: string, name: string, kind: 'rsa' | 'ec'): string {
  const keyPath = join(dir, `${name}.key`);
  const algorithm = kind === 'rsa' ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'] : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  openssl(dir, ['genpkey', ...algorithm, '-out', keyPath]);
  return keyPath;
}

function identity(keyPath: string, certPath: string): TestIdentity {
  return { keyPath, certPath, certificate: pemToDer(readFileSync(certPath, 'utf8')) };
}

interface IssueOptions {
  name: string;
  subject: string;
  kind: 'rsa' | 'ec';
  extensions: string;
  from: Date;
  until: Date;
  stringMask?: 'utf8only' | 'pkix';
}

function issue(dir: string, options: IssueOptions): TestIdentity {
  const keyPath = newKey(dir, options.name, options.kind);
  const configPath = join(dir, `${options.name}.req.cnf`);
  writeFileSync(configPath, REQUEST_CONFIG(options.stringMask ?? 'utf8only'));
  const csrPath = join(dir, `${options.name}.csr`);
  openssl(dir, ['req', '-new', '-key', keyPath, '-config', configPath, '-utf8', '-subj', options.subject, '-out', csrPath]);
  const certPath = join(dir, `${options.name}.pem`);
  openssl(dir, [
    'ca', '-config', 'ca.cnf', '-batch', '-notext', '-utf8', '-in', csrPath, '-out', certPath,
    '-extensions', options.extensions,
    '-startdate', certificateTime(options.from), '-enddate', certificateTime(options.until),
  ]);
  return identity(keyPath, certPath);
}

function selfSigned(dir: string, name: string, subject: string, kind: 'rsa' | 'ec'): TestIdentity {
  const keyPath = newKey(dir, name, kind);
  const configPath = join(dir, `${name}.req.cnf`);
  writeFileSync(configPath, REQUEST_CONFIG('utf8only'));
  const certPath = join(dir, `${name}.pem`);
  openssl(dir, [
    'req', '-x509', '-new', '-key', keyPath, '-config', configPath, '-utf8', '-subj', subject, '-days', '3650', '-sha256',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    '-addext', 'subjectKeyIdentifier=hash', '-out', certPath,
  ]);
  return identity(keyPath, certPath);
}

function pkcs12(dir: string, name: string, who: TestIdentity, caPath: string, options: readonly string[]): Uint8Array {
  const out = join(dir, `${name}.p12`);
  openssl(dir, [
    'pkcs12', '-export', '-inkey', who.keyPath, '-in', who.certPath, '-certfile', caPath, '-name', name,
    '-passout', `pass:${P12_PASSWORD}`, ...options, '-out', out,
  ]);
  return new Uint8Array(readFileSync(out));
}

function signer(dir: string, name: string, who: TestIdentity, caPath: string): TestSigner {
  return {
    ...who,
    p12: pkcs12(dir, name, who, caPath, []),
    p12TripleDes: pkcs12(dir, `${name}-3des`, who, caPath, ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']),
    p12Legacy: pkcs12(dir, `${name}-legacy`, who, caPath, ['-legacy']),
  };
}

function makePki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'pusiaukele-pki-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db', 'index.txt'), '');
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);

  const ca = selfSigned(dir, 'ca', '/C=LT/O=Pusiaukelė/CN=Pusiaukelės bandomoji CA', 'rsa');
  const otherCa = selfSigned(dir, 'other-ca', '/C=LT/CN=Kita bandomoji CA', 'ec');
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const valid = { from: new Date(now - day), until: new Date(now + 730 * day) };
  const rsa = issue(dir, { name: 'rsa', subject: '/C=LT/O=Pusiaukelė/CN=Ąžuolas Žėkas', kind: 'rsa', extensions: 'signer', ...valid });
  const ecdsa = issue(dir, {
    name: 'ecdsa', subject: '/C=LT/O=Pusiaukelė/CN=Eglė Šimkutė', kind: 'ec', extensions: 'signer_eku', stringMask: 'pkix', ...valid,
  });
  return {
    dir,
    ca,
    otherCa,
    rsa: signer(dir, 'rsa', rsa, ca.certPath),
    ecdsa: signer(dir, 'ecdsa', ecdsa, ca.certPath),
    expired: issue(dir, {
      name: 'expired', subject: '/C=LT/CN=Pasibaigęs Sertifikatas', kind: 'ec', extensions: 'signer',
      from: new Date('2020-01-01T00:00:00Z'), until: new Date('2021-01-01T00:00:00Z'),
    }),
    notYetValid: issue(dir, {
      name: 'not-yet-valid', subject: '/C=LT/CN=Būsimas Sertifikatas', kind: 'ec', extensions: 'signer',
      from: new Date('2099-01-01T00:00:00Z'), until: new Date('2100-01-01T00:00:00Z'),
    }),
    keyEnciphermentOnly: issue(dir, { name: 'key-encipherment', subject: '/C=LT/CN=Šifravimo Raktas', kind: 'ec', extensions: 'key_encipherment', ...valid }),
    serverAuthOnly: issue(dir, { name: 'server-auth', subject: '/C=LT/CN=pusiaukele.example', kind: 'ec', extensions: 'server_auth', ...valid }),
    tsa: issue(dir, { name: 'tsa', subject: '/C=LT/O=Pusiaukelė/CN=Bandomoji laiko žymų tarnyba', kind: 'rsa', extensions: 'tsa', ...valid }),
  };
}

export interface NamedPerson {
  /** Given name and surname, as the commonName writes them ("Rūta Žemaitienė"). */
  name: string;
  /** The personal code, written as Lithuanian qualified certificates do: serialNumber "PNOLT-<code>". */
  personalCode?: string;
  /** Also write givenName and surname (the first word and the rest of `name`). */
  nameParts?: boolean;
}

const named = new Map<string, TestSigner>();

/**
 * A signer certificate for a named person from the test CA (issue 12: the right person signs each
 * line), RSA 2048, keyUsage digitalSignature + nonRepudiation, valid from yesterday for two years,
 * with its PKCS#12 files (password P12_PASSWORD). Made once per person and process.
 */
export function namedSigner(person: NamedPerson): TestSigner {
  const key = JSON.stringify([person.name, person.personalCode ?? '', person.nameParts ?? false]);
  const ready = named.get(key);
  if (ready) return ready;
  const pki = testPki();
  const dir = pki.dir;
  const fileName = `person-${named.size + 1}`;
  const escape = (v: string) => v.replace(/[/=+\\]/g, (c) => `\\${c}`);
  const [given, ...rest] = person.name.trim().split(/\s+/);
  const parts = person.nameParts ? `/GN=${escape(given ?? '')}/SN=${escape(rest.join(' '))}` : '';
  const code = person.personalCode ? `/serialNumber=PNOLT-${person.personalCode}` : '';
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const who = issue(dir, {
    name: fileName,
    subject: `/C=LT${code}${parts}/CN=${escape(person.name)}`,
    kind: 'rsa',
    extensions: 'signer',
    from: new Date(now - day),
    until: new Date(now + 730 * day),
  });
  const made = signer(dir, fileName, who, pki.ca.certPath);
  named.set(key, made);
  return made;
}

let cached: TestPki | undefined;

/** The test PKI of this process, made on first use (about a second). */
export function testPki(): TestPki {
  cached ??= makePki();
  return cached;
}

/** A fresh folder inside the PKI folder, for one test's files. */
export function workDir(name: string): string {
  return mkdtempSync(join(testPki().dir, `${name}-`));
}

export interface ToolResult {
  ok: boolean;
  output: string;
}

/** `openssl cms -verify` of a detached CMS against the test CA, as an independent verifier. */
export function opensslVerifyCms(cms: Uint8Array, content: Uint8Array, caPath: string): ToolResult {
  const dir = workDir('cms');
  writeFileSync(join(dir, 'cms.der'), cms);
  writeFileSync(join(dir, 'content.bin'), content);
  const run = spawnSync(
    'openssl',
    ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'cms.der', '-content', 'content.bin', '-CAfile', caPath, '-purpose', 'any', '-out', '/dev/null'],
    { cwd: dir, encoding: 'utf8' },
  );
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** `openssl ts -verify` of a timestamp token over a SHA-256 digest (hex), against the test CA. */
export function opensslVerifyTimestamp(token: Uint8Array, digestHex: string, caPath: string): ToolResult {
  const dir = workDir('ts');
  writeFileSync(join(dir, 'token.der'), token);
  const run = spawnSync(
    'openssl',
    ['ts', '-verify', '-in', 'token.der', '-token_in', '-digest', digestHex, '-CAfile', caPath],
    { cwd: dir, encoding: 'utf8' },
  );
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** `openssl asn1parse` of DER bytes: the structure as an independent parser sees it. */
export function opensslAsn1parse(der: Uint8Array): string {
  const dir = workDir('asn1');
  writeFileSync(join(dir, 'value.der'), der);
  return openssl(dir, ['asn1parse', '-inform', 'DER', '-in', 'value.der']);
}

/** A CMS signature as an independent parser (pkijs) reads it. */
export interface CmsView {
  /** OIDs of the signed attributes, in encoding order. */
  signedAttributeTypes: string[];
  /** certHash of the first ESSCertIDv2 of signingCertificateV2, if there is one. */
  signingCertificateV2Hash: Uint8Array | null;
  signature: Uint8Array;
  /** The id-aa-signatureTimeStampToken value, DER, if there is one. */
  timestampToken: Uint8Array | null;
  certificateCount: number;
}

export function cmsView(cms: Uint8Array): CmsView {
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(cms)).content });
  const [signerInfo] = signedData.signerInfos;
  if (!signerInfo) throw new Error('no SignerInfo');
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const essCertIdV2 = attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.47')?.values[0];
  const certHash = essCertIdV2 ? firstChild(firstChild(firstChild(essCertIdV2))) : undefined;
  const token = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14')?.values[0];
  return {
    signedAttributeTypes: attributes.map((a) => a.type),
    signingCertificateV2Hash: certHash instanceof asn1js.OctetString ? new Uint8Array(certHash.valueBlock.valueHexView) : null,
    signature: new Uint8Array(signerInfo.signature.valueBlock.valueHexView),
    timestampToken: token ? new Uint8Array(token.valueBeforeDecodeView) : null,
    certificateCount: signedData.certificates?.length ?? 0,
  };
}

function firstChild(node: asn1js.AsnType | undefined): asn1js.AsnType | undefined {
  return node instanceof asn1js.Constructed ? node.valueBlock.value[0] : undefined;
}
