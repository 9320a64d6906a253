// What the verification tests need besides the test PKI (issue 12): certificates issued by either
// test CA for any period (a timestamp authority the institution does not trust, signers that expired
// long ago), revocation lists made by `openssl ca -gencrl`, a timestamp authority whose clock is set
// (libfaketime), and a signer from a key file.
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SignatureSlot } from '../../electron/services/pdf/layout';
import { FIXED, renderPdf } from '../../electron/services/pdf/pdfWriter';
import { ParsedRef, Raw, readObject, readRevision, reserialize, serialize, type ParsedDict, type PdfValue } from '../../electron/services/pdf/pdfSyntax';
import { childAt, DER_NULL, DER_TRUE, encodingOf, objectIdentifier, octetString, parseAsn1, sequence, smallInteger, tagged } from '../../electron/services/signing/der';
import { subjectOf } from '../../electron/services/signing/revocation';
import { OID } from '../../electron/services/signing/oids';
import { signPdf } from '../../electron/services/signing/pdfSignature';
import { openPkcs12 } from '../../electron/services/signing/pkcs12';
import type { Signer } from '../../electron/services/signing/signer';
import { buildDocument } from '../../shared/domain/documents/templates';
import { caseHere, institution } from '../unit/domain/documents/fixtures';
import { P12_PASSWORD, testPki, workDir, type TestIdentity } from './pki';
import { appendUpdate } from './popplerSigner';

function openssl(dir: string, args: readonly string[], env?: NodeJS.ProcessEnv): string {
  return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) });
}

const pemToDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64'));

const stamp = (at: Date) => `${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

const PROFILES = {
  signer: 'basicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature, nonRepudiation\n',
  tsa: 'basicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = critical, timeStamping\n',
} as const;

const CONFIG = `[ca]
default_ca = test_ca
[test_ca]
database = index.txt
new_certs_dir = .
rand_serial = yes
default_md = sha256
policy = any_name
unique_subject = no
copy_extensions = none
default_crl_days = 30
[any_name]
countryName = optional
organizationName = optional
commonName = supplied
[signer]
${PROFILES.signer}[tsa]
${PROFILES.tsa}[crl]
authorityKeyIdentifier = keyid
`;

/** A folder with its own CA database, for the certificates and lists these tests make. */
function caDir(name: string): string {
  const dir = workDir(`verification-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ca.cnf'), CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  return dir;
}

export type Issuer = 'ca' | 'otherCa';

function issuerFiles(issuer: Issuer): { cert: string; key: string } {
  const pki = testPki();
  const who = pki[issuer];
  return { cert: who.certPath, key: who.keyPath };
}

let counter = 0;

/**
 * A certificate from one of the test CAs, valid `from`–`until`, with the extensions of `profile`;
 * `crlDistributionPoint`: a URI its cRLDistributionPoints names (RFC 5280 §4.2.1.13); `extensions`:
 * more lines of an openssl extension section.
 */
export function issueCertificate(options: { subject: string; issuer: Issuer; profile: 'signer' | 'tsa'; from: Date; until: Date; crlDistributionPoint?: string; extensions?: string }): TestIdentity {
  const dir = caDir(`cert-${++counter}`);
  const more = `${options.crlDistributionPoint ? `crlDistributionPoints = URI:${options.crlDistributionPoint}\n` : ''}${options.extensions ? `${options.extensions}\n` : ''}`;
  if (more !== '') writeFileSync(join(dir, 'ca.cnf'), `${CONFIG}[with_more]\n${PROFILES[options.profile]}${more}`);
  const keyPath = join(dir, 'key.pem');
  openssl(dir, ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPath]);
  const csr = join(dir, 'req.csr');
  openssl(dir, ['req', '-new', '-key', keyPath, '-utf8', '-subj', options.subject, '-out', csr]);
  const certPath = join(dir, 'cert.pem');
  const { cert, key } = issuerFiles(options.issuer);
  openssl(dir, [
    'ca', '-config', 'ca.cnf', '-batch', '-notext', '-utf8', '-cert', cert, '-keyfile', key, '-in', csr, '-out', certPath,
    '-extensions', more !== '' ? 'with_more' : options.profile, '-startdate', stamp(options.from), '-enddate', stamp(options.until),
  ]);
  return { keyPath, certPath, certificate: pemToDer(readFileSync(certPath, 'utf8')) };
}

/** A signer whose key is in a PEM file (for certificates no PKCS#12 was made for). */
export function fileSigner(who: TestIdentity, chain: Uint8Array[] = []): Signer {
  const key = createPrivateKey(readFileSync(who.keyPath));
  return {
    certificate: who.certificate,
    chain,
    keyType: key.asymmetricKeyType === 'ec' ? 'ECDSA' : 'RSA',
    sign: async (data) => new Uint8Array(cryptoSign('sha256', data, key)),
    close: async () => undefined,
  };
}

/** The serial number of a certificate, as `openssl ca`'s database writes it (upper-case hex). */
function serialOf(certPath: string): string {
  return openssl('.', ['x509', '-in', certPath, '-noout', '-serial']).trim().replace(/^serial=/, '');
}

/**
 * A CRL (DER) signed by `issuer`, listing `revoked` certificates with their revocation times (and reasons);
 * `lastUpdate`/`nextUpdate` set its dates (OpenSSL 3: -crl_lastupdate/-crl_nextupdate);
 * `extensions`: lines of an openssl CRL extension section (a v2 list with those extensions and the
 * authority key identifier), e.g. "deltaCRL = critical, DER:02:01:01" or an issuing distribution point.
 */
export function makeCrl(options: { issuer: Issuer; revoked?: { certPath: string; at: Date; reason?: string }[]; lastUpdate?: Date; nextUpdate?: Date; extensions?: string }): Uint8Array {
  const dir = caDir(`crl-${++counter}`);
  if (options.extensions) writeFileSync(join(dir, 'ca.cnf'), `${CONFIG}[crl_more]\nauthorityKeyIdentifier = keyid\n${options.extensions}\n`);
  // openssl ca's database: a revocation date may carry its reason (the entry's reasonCode), e.g. "removeFromCRL".
  const lines = (options.revoked ?? []).map((r) => `R\t${stamp(new Date('2100-01-01T00:00:00Z')).slice(2)}\t${stamp(r.at).slice(2)}${r.reason ? `,${r.reason}` : ''}\t${serialOf(r.certPath)}\tunknown\t/CN=revoked`);
  writeFileSync(join(dir, 'index.txt'), lines.length > 0 ? `${lines.join('\n')}\n` : '');
  const { cert, key } = issuerFiles(options.issuer);
  const out = join(dir, 'list.crl');
  const dates = [
    ...(options.lastUpdate ? ['-crl_lastupdate', stamp(options.lastUpdate)] : []),
    ...(options.nextUpdate ? ['-crl_nextupdate', stamp(options.nextUpdate)] : []),
  ];
  const extensions = options.extensions ? ['-crlexts', 'crl_more'] : [];
  openssl(dir, ['ca', '-config', 'ca.cnf', '-gencrl', '-cert', cert, '-keyfile', key, ...dates, ...extensions, '-out', join(dir, 'list.pem')]);
  openssl(dir, ['crl', '-in', join(dir, 'list.pem'), '-outform', 'DER', '-out', out]);
  return new Uint8Array(readFileSync(out));
}

/** A timestamp reply by `tsa` over `query`, with the TSA's clock at `at` (libfaketime). */
export function timestampReply(query: Uint8Array, tsa: TestIdentity, chainPath: string, at: Date): Uint8Array {
  const dir = caDir(`tsa-${++counter}`);
  writeFileSync(join(dir, 'tsa.cnf'), `[tsa]\ndefault_tsa = t\n[t]\nserial = ${join(dir, 'serial')}\ncrypto_device = builtin\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\nordering = no\ntsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n`);
  writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(join(dir, 'q.tsq'), query);
  const faketime = `@${at.toISOString().replace('T', ' ').slice(0, 19)}`;
  execFileSync('faketime', ['-f', faketime, 'openssl', 'ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'q.tsq', '-inkey', tsa.keyPath, '-signer', tsa.certPath, '-chain', chainPath, '-out', 'r.tsr'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'UTC' },
  });
  return new Uint8Array(readFileSync(join(dir, 'r.tsr')));
}

/** A timestamp authority on 127.0.0.1 answering as `tsa` with its clock at `at`. Close it after the test. */
export async function startClockTsa(tsa: TestIdentity, chainPath: string, at: Date): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const reply = timestampReply(Buffer.concat(chunks), tsa, chainPath, at);
        response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(Buffer.from(reply));
      } catch {
        response.writeHead(500).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const FONTS = join(process.cwd(), 'build', 'fonts');

/** The director's order (V-77 p. 13) as the app issues it, unsigned, and its signature line. */
export async function renderedOrder(): Promise<{ bytes: Uint8Array; slot: SignatureSlot }> {
  const model = buildDocument({ kind: 'order', sources: { institution, case: caseHere, proposal: { date: '2026-11-20', number: 'DKS-1' }, minutes: { date: '2026-11-20', number: 'DK-1' } } }, 'V-1', '2026-11-23');
  const pdf = await renderPdf(model, { createdAt: new Date('2026-11-23T08:00:00Z'), id: 'verification', producer: 'Pusiaukelė' }, FONTS);
  return { bytes: pdf.bytes, slot: pdf.slots[0] as SignatureSlot };
}

/** `pdf` (by default a fresh order) signed by `signer` (by default the test PKI's RSA signer), which is closed after. */
export async function signedOrder(options: { signer?: Signer; timestampUrl?: string; pdf?: { bytes: Uint8Array; slot: SignatureSlot } } = {}): Promise<Buffer> {
  const pdf = options.pdf ?? (await renderedOrder());
  const signer = options.signer ?? openPkcs12(testPki().rsa.p12, P12_PASSWORD);
  try {
    return Buffer.from(
      await signPdf(pdf.bytes, {
        signer,
        slot: pdf.slot,
        signerName: 'Ąžuolas Žėkas',
        position: 'Direktorius',
        at: new Date(),
        fontsDir: FONTS,
        ...(options.timestampUrl ? { timestampUrl: options.timestampUrl } : {}),
      }),
    );
  } finally {
    await signer.close();
  }
}

/** `bytes` with the bits of `mask` flipped at `at`: one changed byte, as an attacker or a bad disk makes it. */
export function flipped(bytes: Uint8Array, at: number, mask = 0x01): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] as number) ^ mask;
  return copy;
}

/** An object of the last revision with some entries replaced (serialized for an incremental update). */
function withEntries(buf: Buffer, num: number, entries: Record<string, string>): string {
  const value = reserialize(readObject(buf, readRevision(buf), num) as ParsedDict) as Record<string, PdfValue>;
  for (const [k, v] of Object.entries(entries)) value[k] = new Raw(v);
  return serialize(value);
}

const refsOf = (v: unknown): string => (Array.isArray(v) ? v.filter((r): r is ParsedRef => r instanceof ParsedRef).map((r) => `${r.num} 0 R`).join(' ') : '');

/**
 * `pdf` (an app document) with a PAdES document timestamp appended (ETSI EN 319 142-1 §5.4: a
 * /DocTimeStamp whose /Contents is an RFC 3161 token over the revision's byte ranges), by `tsa`
 * with its clock at `at`, as long-term validation tools add one.
 */
export function withDocumentTimestamp(pdf: Buffer, tsa: TestIdentity, chainPath: string, at: Date): Buffer {
  const rev = readRevision(pdf);
  const n = rev.trailer.get('Size') as number;
  const page = readObject(pdf, rev, FIXED.firstPage) as ParsedDict;
  const form = (readObject(pdf, rev, FIXED.catalog) as ParsedDict).get('AcroForm');
  const fields = form instanceof Map ? refsOf(form.get('Fields')) : '';
  const placeholder = '0'.repeat(16384);
  const updated = appendUpdate(pdf, {
    [FIXED.firstPage]: withEntries(pdf, FIXED.firstPage, { Annots: `[${refsOf(page.get('Annots'))} ${n} 0 R]` }),
    [FIXED.catalog]: withEntries(pdf, FIXED.catalog, { AcroForm: `<</Fields [${fields} ${n} 0 R] /SigFlags 3>>` }),
    [n]: `<</Type /Annot /Subtype /Widget /FT /Sig /T (Laiko zyma) /Rect [0 0 0 0] /F 132 /P ${FIXED.firstPage} 0 R /V ${n + 1} 0 R>>`,
    [n + 1]: `<</Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 0000000000 0000000000 0000000000] /Contents <${placeholder}>>>`,
  });
  const text = updated.toString('latin1');
  const rangeAt = text.indexOf('/ByteRange [0 0000000000 0000000000 0000000000]', pdf.length);
  const b = text.indexOf(`<${placeholder}>`, pdf.length);
  const c = b + placeholder.length + 2;
  const range = `/ByteRange [0 ${String(b).padStart(10, '0')} ${String(c).padStart(10, '0')} ${String(updated.length - c).padStart(10, '0')}]`;
  updated.write(range, rangeAt, 'latin1');
  const digest = createHash('sha256').update(updated.subarray(0, b)).update(updated.subarray(c)).digest();
  const query = sequence(smallInteger(1), sequence(sequence(objectIdentifier(OID.sha256)), octetString(digest)), DER_TRUE);
  const reply = timestampReply(query, tsa, chainPath, at);
  const token = Buffer.from(encodingOf(childAt(parseAsn1(reply, 'TimeStampResp'), 1, 'token'))).toString('hex');
  updated.write(token.padEnd(placeholder.length, '0'), b + 1, 'latin1');
  return updated;
}

/** The byte ranges of the signatures in the file, as "a b c d", in file order. */
export function signatureRanges(buf: Buffer): string[] {
  return [...buf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => [m[1], m[2], m[3], m[4]].join(' '));
}

/** `pdf` signed by the app in `slot`, as the test PKI's RSA signer (Ąžuolas Žėkas) or ECDSA signer (Eglė Šimkutė). */
export async function signInSlot(pdf: Uint8Array, slot: SignatureSlot, who: 'rsa' | 'ecdsa' = 'rsa'): Promise<Buffer> {
  const signer = openPkcs12(testPki()[who].p12, P12_PASSWORD);
  try {
    const signerName = who === 'rsa' ? 'Ąžuolas Žėkas' : 'Eglė Šimkutė';
    return Buffer.from(await signPdf(pdf, { signer, slot, signerName, position: slot.position, at: new Date('2026-11-23T10:00:00Z'), fontsDir: FONTS }));
  } finally {
    await signer.close();
  }
}

/**
 * A forged CRL (issue 18): it names the test CA as its issuer and lists nothing, with the dates
 * given, but is signed with a key of its own, as an attacker who puts a clean list into a document's
 * security store would make it.
 */
export function forgedCrl(options: { lastUpdate: Date; nextUpdate: Date }): Uint8Array {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const algorithm = sequence(objectIdentifier(OID.sha256WithRsa), DER_NULL);
  const time = (at: Date) => tagged(0x17, new Uint8Array(Buffer.from(stamp(at).slice(2), 'latin1')));
  const tbs = sequence(smallInteger(1), algorithm, subjectOf(testPki().ca.certificate), time(options.lastUpdate), time(options.nextUpdate));
  return sequence(tbs, algorithm, tagged(0x03, new Uint8Array([0, ...cryptoSign('sha256', tbs, privateKey)])));
}

/** A CRL signed by the test CA that leaves out nextUpdate (RFC 5280 requires it; a careless CA might not). */
export function crlWithoutNextUpdate(): Uint8Array {
  const ca = testPki().ca;
  const algorithm = sequence(objectIdentifier(OID.sha256WithRsa), DER_NULL);
  const thisUpdate = tagged(0x17, new Uint8Array(Buffer.from(`${stamp(new Date()).slice(2)}`, 'latin1')));
  const tbs = sequence(smallInteger(1), algorithm, subjectOf(ca.certificate), thisUpdate);
  const signature = cryptoSign('sha256', tbs, createPrivateKey(readFileSync(ca.keyPath)));
  return sequence(tbs, algorithm, tagged(0x03, new Uint8Array([0, ...signature])));
}
