// Trusted lists for the tests (issue 18, "Trust from the trusted lists"): an ETSI TS 119 612 list
// built here with the test CAs as its services, signed with a test operator key by xml-crypto or by
// xmlsec1 (the independent tool), and a qualified CA whose signers carry the QC statements of
// ETSI EN 319 412-5 (compliance, QSCD, type) as openssl writes them from an extfile.
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';
import { objectIdentifier, sequence } from '../../electron/services/signing/der';
import { workDir, type TestIdentity } from './pki';

const TSL = 'http://uri.etsi.org/02231/v2#';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const ECC = 'http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';

export const SERVICE_TYPE = { caQc: 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC', tsaQtst: 'http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST' } as const;
export const STATUS = {
  granted: 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted',
  withdrawn: 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn',
} as const;
/** TS 119 612 §5.5.9.2.3 and §5.5.9.4 names, under http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/. */
export const svcInfoExt = (name: string) => `http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/${name}`;

/** EN 319 412-5 §4.2: the QC statements and the QcType values. */
export const QC = {
  statements: '1.3.6.1.5.5.7.1.3',
  compliance: '0.4.0.1862.1.1',
  sscd: '0.4.0.1862.1.4',
  type: '0.4.0.1862.1.6',
  esign: '0.4.0.1862.1.6.1',
  eseal: '0.4.0.1862.1.6.2',
} as const;

/** The policy of qualified certificates for natural persons on a QSCD (EN 319 411-2, QCP-n-qscd). */
export const QCP_N_QSCD = '0.4.0.194112.1.2';

const stamp = (at: Date) => `${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
const pemToDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64'));
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function openssl(dir: string, args: readonly string[]): string {
  return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const day = 86400_000;

/** A self-signed certificate valid from `validFrom` to `validTo` (openssl ca -selfsign: req -x509 cannot set a start date). */
function selfSigned(name: string, subject: string, kind: 'rsa' | 'ec', extensions: string[], validity: { validFrom?: Date; validTo?: Date } = {}): TestIdentity {
  const dir = workDir(`tl-${name}`);
  const keyPath = join(dir, 'key.pem');
  const algorithm = kind === 'rsa' ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'] : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  openssl(dir, ['genpkey', ...algorithm, '-out', keyPath]);
  openssl(dir, ['req', '-new', '-key', keyPath, '-utf8', '-subj', subject, '-out', 'req.csr']);
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db', 'index.txt'), '');
  writeFileSync(
    join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca = c\n[c]\ndatabase = db/index.txt\nnew_certs_dir = db\nrand_serial = yes\ndefault_md = sha256\npolicy = p\nunique_subject = no\n[p]\ncountryName = optional\norganizationName = optional\ncommonName = supplied\n`,
  );
  writeFileSync(join(dir, 'ext.cnf'), ['[ext]', ...extensions, ''].join('\n'));
  const from = validity.validFrom ?? new Date(Date.now() - 60_000);
  const to = validity.validTo ?? new Date(from.getTime() + 3650 * day);
  const certPath = join(dir, 'cert.pem');
  openssl(dir, [
    'ca', '-config', 'ca.cnf', '-batch', '-selfsign', '-preserveDN', '-notext', '-utf8', '-keyfile', keyPath, '-in', 'req.csr', '-out', certPath,
    '-extfile', 'ext.cnf', '-extensions', 'ext', '-startdate', stamp(from), '-enddate', stamp(to),
  ]);
  return { keyPath, certPath, certificate: pemToDer(readFileSync(certPath, 'utf8')) };
}

/**
 * A scheme operator's signing certificate (TS 119 612 §5.7.1), self-signed as test operators are;
 * valid by default from two years ago, so that lists issued in the past were signed while it was.
 */
export function testOperator(name = 'Bandomasis sąrašo tvarkytojas', kind: 'rsa' | 'ec' = 'rsa', validity: { validFrom?: Date; validTo?: Date } = {}): TestIdentity {
  return selfSigned(`operator-${kind}`, `/C=LT/O=Ryšių reguliavimo tarnyba/CN=${name}`, kind, ['keyUsage=critical,digitalSignature,nonRepudiation'], {
    validFrom: validity.validFrom ?? new Date(Date.now() - 730 * day),
    ...(validity.validTo ? { validTo: validity.validTo } : {}),
  });
}

let qualifiedCaMade: TestIdentity | undefined;

/** A CA issuing qualified certificates (the service the test list names), made once per process. */
export function qualifiedCa(): TestIdentity {
  qualifiedCaMade ??= selfSigned('qualified-ca', '/C=LT/O=Bandomasis QTSP/CN=Bandomasis kvalifikuotų sertifikatų centras', 'rsa', [
    'basicConstraints=critical,CA:TRUE',
    'keyUsage=critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier=hash',
  ]);
  return qualifiedCaMade;
}

export interface QcOptions {
  /** QcCompliance (EN 319 412-5 §4.2.1); default true. */
  compliance?: boolean;
  /** QcSSCD (§4.2.2): the key is on a qualified device; default true. */
  qscd?: boolean;
  /** QcType (§4.2.3); default esign; null leaves the statement out. */
  type?: 'esign' | 'eseal' | null;
  /** certificatePolicies; default QCP-n-qscd. */
  policies?: string[];
}

/** The DER of the qcStatements extension's value (RFC 3739 §3.2.6: a SEQUENCE OF QCStatement). */
export function qcStatementsDer(options: QcOptions): Uint8Array {
  const statements: Uint8Array[] = [];
  if (options.compliance ?? true) statements.push(sequence(objectIdentifier(QC.compliance)));
  if (options.qscd ?? true) statements.push(sequence(objectIdentifier(QC.sscd)));
  const type = options.type === undefined ? 'esign' : options.type;
  if (type) statements.push(sequence(objectIdentifier(QC.type), sequence(objectIdentifier(QC[type]))));
  return sequence(...statements);
}

let issued = 0;

/** A signer certificate from the qualified test CA with the given QC statements, valid from an hour ago for two years. */
export function qualifiedSigner(name: string, options: QcOptions = {}): TestIdentity {
  const ca = qualifiedCa();
  const dir = workDir(`tl-signer-${++issued}`);
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db', 'index.txt'), '');
  writeFileSync(
    join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca = c\n[c]\ndatabase = db/index.txt\nnew_certs_dir = db\nrand_serial = yes\ndefault_md = sha256\npolicy = p\nunique_subject = no\ncopy_extensions = none\n[p]\ncountryName = optional\norganizationName = optional\nserialNumber = optional\ncommonName = supplied\n`,
  );
  const statements = Buffer.from(qcStatementsDer(options)).toString('hex').toUpperCase();
  const policies = options.policies ?? [QCP_N_QSCD];
  writeFileSync(
    join(dir, 'ext.cnf'),
    [
      '[qualified]',
      'basicConstraints = CA:FALSE',
      'keyUsage = critical, digitalSignature, nonRepudiation',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      ...(policies.length > 0 ? [`certificatePolicies = ${policies.join(', ')}`] : []),
      `${QC.statements} = DER:${statements}`,
      '',
    ].join('\n'),
  );
  const keyPath = join(dir, 'key.pem');
  openssl(dir, ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPath]);
  openssl(dir, ['req', '-new', '-key', keyPath, '-utf8', '-subj', `/C=LT/serialNumber=PNOLT-38001010001/CN=${name}`, '-out', 'req.csr']);
  const certPath = join(dir, 'cert.pem');
  const now = Date.now();
  openssl(dir, [
    'ca', '-config', 'ca.cnf', '-batch', '-notext', '-utf8', '-cert', ca.certPath, '-keyfile', ca.keyPath, '-in', 'req.csr', '-out', certPath,
    '-extfile', 'ext.cnf', '-extensions', 'qualified', '-startdate', stamp(new Date(now - 3600_000)), '-enddate', stamp(new Date(now + 730 * 86400_000)),
  ]);
  return { keyPath, certPath, certificate: pemToDer(readFileSync(certPath, 'utf8')) };
}

/** An empty CRL (DER) by the qualified test CA, current for 30 days. */
export function qualifiedCaCrl(): Uint8Array {
  const ca = qualifiedCa();
  const dir = workDir('tl-crl');
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'ca.cnf'), `[ca]\ndefault_ca = c\n[c]\ndatabase = index.txt\ndefault_md = sha256\ndefault_crl_days = 30\n`);
  openssl(dir, ['ca', '-config', 'ca.cnf', '-gencrl', '-cert', ca.certPath, '-keyfile', ca.keyPath, '-out', 'list.pem']);
  openssl(dir, ['crl', '-in', 'list.pem', '-outform', 'DER', '-out', 'list.crl']);
  return new Uint8Array(readFileSync(join(dir, 'list.crl')));
}

export interface QualifierSpec {
  /** Qualifier names under …/SvcInfoExt/ (QCWithQSCD, QCNoQSCD, QCStatement, NotQualified, QCForESig, QCForESeal …). */
  qualifiers: string[];
  /** The CriteriaList's XML (ecc: prefix); default: keyUsage nonRepudiation, asserted atLeastOne. */
  criteria?: string;
}

export interface ServiceStatusSpec {
  status?: string;
  from?: Date;
  type?: string;
  qualifications?: QualifierSpec[];
  /** AdditionalServiceInformation names under …/SvcInfoExt/ (ForeSignatures, ForeSeals). */
  additional?: string[];
  /** Further tsl:Extension elements, as XML. */
  extensions?: string[];
}

export interface ServiceSpec extends ServiceStatusSpec {
  name: string;
  certificate: Uint8Array;
  /** Earlier statuses (ServiceHistoryInstance), any order. */
  history?: ServiceStatusSpec[];
}

export interface ListSpec {
  /** TSLType (§5.3.3); default EUgeneric. */
  type?: string;
  territory?: string;
  sequenceNumber?: number;
  issued?: Date;
  /** null: a closed list (no dateTime in NextUpdate). */
  nextUpdate?: Date | null;
  operatorName?: string;
  provider?: string;
  services?: ServiceSpec[];
  /** The root's Id attribute. */
  id?: string;
}

const DEFAULT_CRITERIA = '<ecc:CriteriaList assert="atLeastOne"><ecc:KeyUsage><ecc:KeyUsageBit name="nonRepudiation">true</ecc:KeyUsageBit></ecc:KeyUsage></ecc:CriteriaList>';

function extensions(spec: ServiceStatusSpec): string {
  const asi = (spec.additional ?? ['ForeSignatures']).map(
    (a) => `<tsl:Extension Critical="false"><tsl:AdditionalServiceInformation><tsl:URI xml:lang="en">${svcInfoExt(a)}</tsl:URI></tsl:AdditionalServiceInformation></tsl:Extension>`,
  );
  const qualifications = spec.qualifications?.length
    ? [
        `<tsl:Extension Critical="true"><ecc:Qualifications>${spec.qualifications
          .map(
            (q) =>
              `<ecc:QualificationElement><ecc:Qualifiers>${q.qualifiers.map((x) => `<ecc:Qualifier uri="${svcInfoExt(x)}"/>`).join('')}</ecc:Qualifiers>${q.criteria ?? DEFAULT_CRITERIA}</ecc:QualificationElement>`,
          )
          .join('')}</ecc:Qualifications></tsl:Extension>`,
      ]
    : [];
  const all = [...asi, ...qualifications, ...(spec.extensions ?? [])];
  return all.length > 0 ? `<tsl:ServiceInformationExtensions>${all.join('')}</tsl:ServiceInformationExtensions>` : '';
}

function information(tag: 'ServiceInformation' | 'ServiceHistoryInstance', name: string, certificate: Uint8Array, spec: ServiceStatusSpec): string {
  return `<tsl:${tag}><tsl:ServiceTypeIdentifier>${spec.type ?? SERVICE_TYPE.caQc}</tsl:ServiceTypeIdentifier><tsl:ServiceName><tsl:Name xml:lang="en">${escape(name)}</tsl:Name></tsl:ServiceName><tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>${Buffer.from(certificate).toString('base64')}</tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity><tsl:ServiceStatus>${spec.status ?? STATUS.granted}</tsl:ServiceStatus><tsl:StatusStartingTime>${(spec.from ?? new Date('2016-07-01T00:00:00Z')).toISOString().replace(/\.\d{3}Z$/, 'Z')}</tsl:StatusStartingTime>${extensions(spec)}</tsl:${tag}>`;
}

function service(spec: ServiceSpec): string {
  const history = (spec.history ?? []).map((h) => information('ServiceHistoryInstance', spec.name, spec.certificate, h)).join('');
  return `<tsl:TSPService>${information('ServiceInformation', spec.name, spec.certificate, spec)}${history ? `<tsl:ServiceHistory>${history}</tsl:ServiceHistory>` : ''}</tsl:TSPService>`;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An unsigned TS 119 612 v2 list (the parts the app reads, in the schema's order). */
export function trustedListXml(spec: ListSpec = {}): string {
  const issued = spec.issued ?? new Date(Date.now() - 86400_000);
  const next = spec.nextUpdate === undefined ? new Date(Date.now() + 180 * 86400_000) : spec.nextUpdate;
  const services = spec.services ?? [];
  const providers = services.length
    ? `<tsl:TrustServiceProviderList><tsl:TrustServiceProvider><tsl:TSPInformation><tsl:TSPName><tsl:Name xml:lang="lt">${escape(spec.provider ?? 'Bandomasis kvalifikuotas paslaugų teikėjas')}</tsl:Name></tsl:TSPName></tsl:TSPInformation><tsl:TSPServices>${services.map(service).join('')}</tsl:TSPServices></tsl:TrustServiceProvider></tsl:TrustServiceProviderList>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<tsl:TrustServiceStatusList xmlns:tsl="${TSL}" xmlns:ecc="${ECC}" xmlns:xades="${XADES}" xmlns:ds="${DS}" Id="${spec.id ?? 'tsl-1'}" TSLTag="http://uri.etsi.org/19612/TSLTag"><tsl:SchemeInformation><tsl:TSLVersionIdentifier>5</tsl:TSLVersionIdentifier><tsl:TSLSequenceNumber>${spec.sequenceNumber ?? 42}</tsl:TSLSequenceNumber><tsl:TSLType>${spec.type ?? 'http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric'}</tsl:TSLType><tsl:SchemeOperatorName><tsl:Name xml:lang="lt">${escape(spec.operatorName ?? 'Ryšių reguliavimo tarnyba')}</tsl:Name><tsl:Name xml:lang="en">Communications Regulatory Authority</tsl:Name></tsl:SchemeOperatorName><tsl:SchemeTerritory>${spec.territory ?? 'LT'}</tsl:SchemeTerritory><tsl:ListIssueDateTime>${iso(issued)}</tsl:ListIssueDateTime><tsl:NextUpdate>${next ? `<tsl:dateTime>${iso(next)}</tsl:dateTime>` : ''}</tsl:NextUpdate></tsl:SchemeInformation>${providers}</tsl:TrustServiceStatusList>
`;
}

export interface SignOptions {
  /** The element the reference points to: the whole document (URI ""), the root by its Id, or a part by an XPath. */
  reference?: 'document' | 'rootId' | { xpath: string };
  digest?: 'sha256' | 'sha1';
  /** Put the operator's certificate in KeyInfo (default true). */
  keyInfo?: boolean;
  /** The certificate put in KeyInfo instead of the signer's own. */
  keyInfoCertificate?: string;
}

/** `xml` with an enveloped signature by `signer` appended to its root (xml-crypto). */
export function signTrustedList(xml: string, signer: TestIdentity, options: SignOptions = {}): string {
  const sha1 = options.digest === 'sha1';
  const cert = options.keyInfoCertificate ?? readFileSync(signer.certPath, 'utf8');
  const sig = new SignedXml({
    privateKey: readFileSync(signer.keyPath),
    publicCert: cert,
    signatureAlgorithm: sha1 ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    getKeyInfoContent: options.keyInfo === false ? () => null : SignedXml.getKeyInfoContent,
  });
  const reference = options.reference ?? 'document';
  sig.addReference({
    xpath: typeof reference === 'object' ? reference.xpath : '/*',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: sha1 ? 'http://www.w3.org/2000/09/xmldsig#sha1' : 'http://www.w3.org/2001/04/xmlenc#sha256',
    ...(reference === 'document' ? { uri: '', isEmptyUri: true } : {}),
  });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'append' } });
  return sig.getSignedXml();
}

/** The XAdES signed properties a list's signature carries besides (ETSI EN 319 132-1), referenced by their Id. */
const XADES_OBJECT = `<ds:Object><xades:QualifyingProperties xmlns:xades="${XADES}" Target="#sig-1"><xades:SignedProperties Id="xades-sig-1"><xades:SignedSignatureProperties><xades:SigningTime>2026-12-01T08:00:00Z</xades:SigningTime></xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object>`;

const XMLSEC_TEMPLATE = (method: string, xades: boolean) =>
  `<ds:Signature xmlns:ds="${DS}" Id="sig-1"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="${method}"/><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference>${
    xades
      ? '<ds:Reference Type="http://uri.etsi.org/01903#SignedProperties" URI="#xades-sig-1"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference>'
      : ''
  }</ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo>${xades ? XADES_OBJECT : ''}</ds:Signature>`;

/**
 * `xml` signed by xmlsec1 (the independent implementation) with `signer`'s key, RSA-SHA256 or
 * ECDSA-SHA256 by its key; `xades` adds signed properties and their reference, as operators' tools sign lists.
 */
export function xmlsecSign(xml: string, signer: TestIdentity, options: { xades?: boolean } = {}): string {
  const dir = workDir('xmlsec-sign');
  const ec = createPrivateKey(readFileSync(signer.keyPath)).asymmetricKeyType === 'ec';
  const method = ec ? 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256' : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
  const template = xml.replace('</tsl:TrustServiceStatusList>', `${XMLSEC_TEMPLATE(method, options.xades ?? false)}</tsl:TrustServiceStatusList>`);
  writeFileSync(join(dir, 'template.xml'), template);
  execFileSync('xmlsec1', ['--sign', '--id-attr:Id', 'SignedProperties', '--privkey-pem', `${signer.keyPath},${signer.certPath}`, '--output', 'signed.xml', 'template.xml'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return readFileSync(join(dir, 'signed.xml'), 'utf8');
}

/** `xmlsec1 --verify` of a list with the operator's certificate as the only key it may use. */
export function xmlsecVerify(xml: string, operator: TestIdentity): { ok: boolean; output: string } {
  const dir = workDir('xmlsec-verify');
  writeFileSync(join(dir, 'list.xml'), xml);
  const run = spawnSync('xmlsec1', ['--verify', '--enabled-key-data', 'x509,key-name', '--pubkey-cert-pem', operator.certPath, '--id-attr:Id', 'TrustServiceStatusList', '--id-attr:Id', 'SignedProperties', 'list.xml'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

export const bytesOf = (xml: string): Uint8Array => new Uint8Array(Buffer.from(xml, 'utf8'));

/**
 * A hostile "list": `depth` elements nested in one another, each declaring a namespace of its own
 * (the XML reader's work grows with the square of that: 32,000 of them, 0.76 MB, took 12 s).
 */
export function nestedNamespaces(depth: number, declare = true): Uint8Array {
  const open = Array.from({ length: depth }, (_, i) => (declare ? `<a xmlns:p${i}="urn:x">` : '<a>')).join('');
  return bytesOf(`<?xml version="1.0" encoding="UTF-8"?><tsl:TrustServiceStatusList xmlns:tsl="${TSL}">${open}${'</a>'.repeat(depth)}</tsl:TrustServiceStatusList>`);
}

/** `count` start tags nested in one another, each declaring a namespace of its own (the costly kind). */
const namespacedOpenings = (count: number): string => Array.from({ length: count }, (_, i) => `<e xmlns:p${i}="urn:x">`).join('');

/** 62 levels under the root: one short of the limit of 64, what a count run below zero lets through beyond it. */
const BELOW_LIMIT = 62;

/**
 * Hostile "lists" (issue 18, review of the XML pre-scan) that hide `count` nested elements from a
 * scan that does not read the markup as xmldom 0.8 does; the reader must refuse each as malformed.
 * xmldom reads them with a warning only, or none, or recovers from an error and reads on.
 */
export function disguisedNesting(count: number): Record<string, Uint8Array> {
  const root = (content: string) => bytesOf(`<?xml version="1.0" encoding="UTF-8"?><tsl:TrustServiceStatusList xmlns:tsl="${TSL}">${content}</tsl:TrustServiceStatusList>`);
  const nested = `${namespacedOpenings(count)}${'</e>'.repeat(count)}`;
  const plain = `${'<e>'.repeat(count + BELOW_LIMIT)}${'</e>'.repeat(count + BELOW_LIMIT)}`;
  return {
    // xmldom takes `b=x"` for an unquoted value, with a warning; the stray quote ran to the next one.
    'quotes that open no value': root(`<r b=x"/>${namespacedOpenings(count)}<z c=y"/>${'</e>'.repeat(count)}`),
    // xmldom ignores an end tag closing nothing open, silently: the levels after it were not counted.
    'end tags before the root': bytesOf(`${'</e>'.repeat(count)}<tsl:TrustServiceStatusList xmlns:tsl="${TSL}">${plain}</tsl:TrustServiceStatusList>`),
    'end tags closing no element open': root(`${'</x>'.repeat(count)}${plain}`),
    'a processing instruction never ended': root(`<?x ${nested}`),
    'a CDATA section never ended': root(`<![CDATA[ ${nested}`),
    "'<?>', which xmldom takes for text": root(`<?> ${nested} ?>`),
    "'<!' opening neither a comment nor a CDATA section": root(`${Array.from({ length: count }, (_, i) => `<!x <e xmlns:p${i}="urn:x">`).join('')}${'</e>'.repeat(count)}`),
    // xmldom reports an error, then reads the value again as markup.
    'an attribute value without a name': root(`<r ='${nested}'/>`),
  };
}
