import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainsToTrusted, PathSearch } from '../../../electron/services/signing/certificatePaths';
import { describeCertificate } from '../../../electron/services/signing/certificates';
import { appendDss } from '../../../electron/services/signing/pdfLtv';
import { verifyPdf } from '../../../electron/services/signing/pdfVerify';
import { parseCrl, type ParsedCrlWithSigner } from '../../../electron/services/signing/revocation';
import { testPki, workDir } from '../../helpers/pki';
import { startTsa, type TestTsa } from '../../helpers/tsa';
import { fileSigner, makeCrl, signedOrder, withDocumentTimestamp } from '../../helpers/verificationPki';

/**
 * Issue 18 (review): the certification path a signature is judged by is the one that reaches a
 * trust anchor (RFC 5280 §6.1; ETSI EN 319 102-1 §5.2.6), found within bounds however the
 * document's security store is filled (issue 18, "Bad input": a hostile file is checked in bounded
 * time). Real certificates made with openssl.
 */

const EXTENSIONS = `[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ee]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
`;

/** A folder with openssl at hand, and DER of the PEM files it makes. */
function workshop(name: string) {
  const dir = workDir(name);
  writeFileSync(join(dir, 'ext.cnf'), EXTENSIONS);
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const der = (file: string) => new Uint8Array(Buffer.from(readFileSync(join(dir, file), 'utf8').replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, ''), 'base64'));
  const key = (who: string) => run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${who}.key`);
  const root = (who: string, subject: string) => run('req', '-x509', '-new', '-key', `${who}.key`, '-subj', subject, '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-addext', 'subjectKeyIdentifier=hash', '-out', `${who}.pem`);
  /** A CA database for `who`, that issues and revokes with `openssl ca`. */
  const database = (who: string) => {
    writeFileSync(join(dir, `${who}.idx`), '');
    writeFileSync(join(dir, `${who}.cnf`), `[ca]\ndefault_ca = c\n[c]\ndatabase = ${who}.idx\nnew_certs_dir = .\nrand_serial = yes\ndefault_md = sha256\npolicy = p\nunique_subject = no\ndefault_crl_days = 30\ncertificate = ${who}.pem\nprivate_key = ${who}.key\n[p]\ncommonName = supplied\n[crl]\nauthorityKeyIdentifier = keyid\n`);
  };
  const issue = (by: string, who: string, subject: string, profile: 'ca' | 'ee') => {
    key(who);
    run('req', '-new', '-key', `${who}.key`, '-subj', subject, '-out', `${who}.csr`);
    run('ca', '-config', `${by}.cnf`, '-batch', '-notext', '-in', `${who}.csr`, '-out', `${who}.pem`, '-extfile', 'ext.cnf', '-extensions', profile, '-days', profile === 'ca' ? '3000' : '300');
  };
  return { dir, run, der, key, root, database, issue };
}

describe('the path is the one that reached the anchor (RFC 5280 §6.1)', () => {
  let p: Record<'R' | 'I' | 'S' | 'U' | 'X' | 'rootList' | 'intermediateList' | 'attackerList', Uint8Array>;
  let keyPath: string;
  let certPath: string;

  beforeAll(() => {
    const w = workshop('paths-substitution');
    // The real PKI: root R (trusted) → intermediate I → signer S; R revokes I (CA key compromise).
    w.key('R');
    w.root('R', '/CN=Root R');
    w.database('R');
    w.issue('R', 'I', '/CN=Intermediate I', 'ca');
    w.database('I');
    w.issue('I', 'S', '/CN=Signer S', 'ee');
    w.run('ca', '-config', 'R.cnf', '-revoke', 'I.pem', '-crl_reason', 'cACompromise');
    w.run('ca', '-config', 'R.cnf', '-gencrl', '-crlexts', 'crl', '-out', 'R.crl');
    w.run('ca', '-config', 'I.cnf', '-gencrl', '-crlexts', 'crl', '-out', 'I.crl');
    // The attacker: a root U of their own, and X: "CN=Intermediate I" with I's public key (no private key of I needed), issued by U.
    w.key('U');
    w.root('U', '/CN=Attacker U');
    w.database('U');
    w.run('pkey', '-in', 'I.key', '-pubout', '-out', 'I.pub');
    w.run('x509', '-new', '-force_pubkey', 'I.pub', '-subj', '/CN=Intermediate I', '-CA', 'U.pem', '-CAkey', 'U.key', '-set_serial', '77', '-days', '3000', '-extfile', 'ext.cnf', '-extensions', 'ca', '-out', 'X.pem');
    w.run('ca', '-config', 'U.cnf', '-gencrl', '-crlexts', 'crl', '-out', 'U.crl');
    p = { R: w.der('R.pem'), I: w.der('I.pem'), S: w.der('S.pem'), U: w.der('U.pem'), X: w.der('X.pem'), rootList: w.der('R.crl'), intermediateList: w.der('I.crl'), attackerList: w.der('U.crl') };
    keyPath = join(w.dir, 'S.key');
    certPath = join(w.dir, 'S.pem');
  });

  it('a certificate with the intermediate’s name and key under another root, put in the store, cannot hide the root’s list that revokes the intermediate: INDETERMINATE / REVOKED_CA_NO_POE either way', async () => {
    const signed = await signedOrder({ signer: fileSigner({ keyPath, certPath, certificate: p.S }, []) });
    const crls: ParsedCrlWithSigner[] = [
      { crl: parseCrl(p.rootList), issuerCertificate: p.R },
      { crl: parseCrl(p.intermediateList), issuerCertificate: p.I },
    ];
    const options = { trusted: [p.R], crls, revocationRequired: true };
    const names = (path: readonly Uint8Array[]) => path.map((der) => describeCertificate(der).commonName);
    const honest = verifyPdf(appendDss(signed, { certificates: [p.I], crls: [] }), options).signatures[0]!;
    const attacked = verifyPdf(appendDss(signed, { certificates: [p.X, p.U, p.I], crls: [p.attackerList] }), options).signatures[0]!;
    for (const s of [honest, attacked]) {
      expect([s.indication, s.subIndication]).toEqual(['INDETERMINATE', 'REVOKED_CA_NO_POE']);
      expect(names(s.cms.trustedPath)).toEqual(['Signer S', 'Intermediate I', 'Root R']);
    }
  });

  it('the path found ends at the anchor it reached, never at a root that is not trusted', () => {
    const path = new PathSearch().toTrusted(p.S, [p.X, p.U, p.I], [p.R]);
    expect(path.map((der) => describeCertificate(der).commonName)).toEqual(['Signer S', 'Intermediate I', 'Root R']);
    expect(new PathSearch().toTrusted(p.S, [p.X, p.U], [p.R])).toEqual([]);
  });
});

describe('the path search is bounded (issue 18, "Bad input")', () => {
  let clique: Uint8Array[];
  let signer: { keyPath: string; certPath: string; certificate: Uint8Array };

  beforeAll(() => {
    // Twelve CA certificates with one name and one key, each a possible issuer of every other (and of
    // itself), and a signer issued under that name: a depth-first search tries every order of them.
    const w = workshop('paths-clique');
    w.key('N');
    clique = Array.from({ length: 12 }, (_, i) => {
      w.run('req', '-x509', '-new', '-key', 'N.key', '-subj', '/CN=N', '-days', '3650', '-set_serial', String(100 + i), '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'subjectKeyIdentifier=hash', '-out', `N${i}.pem`);
      return w.der(`N${i}.pem`);
    });
    w.key('S');
    w.run('req', '-new', '-key', 'S.key', '-subj', '/CN=Ąžuolas Žėkas', '-utf8', '-out', 'S.csr');
    w.run('x509', '-req', '-in', 'S.csr', '-CA', 'N0.pem', '-CAkey', 'N.key', '-set_serial', '9', '-days', '300', '-extfile', 'ext.cnf', '-extensions', 'ee', '-out', 'S.pem');
    signer = { keyPath: join(w.dir, 'S.key'), certPath: join(w.dir, 'S.pem'), certificate: w.der('S.pem') };
  });

  it('twelve certificates of one name and key: no path to the trusted CA, found out in well under a second', () => {
    const started = performance.now();
    expect(chainsToTrusted(signer.certificate, clique, [testPki().ca.certificate])).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a signed document whose store holds them is checked in bounded time: INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const signed = await signedOrder({ signer: fileSigner(signer, clique.slice(0, 3)) });
    const crowded = appendDss(signed, { certificates: clique, crls: [] });
    const started = performance.now();
    const [s] = verifyPdf(crowded, { trusted: [testPki().ca.certificate] }).signatures;
    expect(performance.now() - started).toBeLessThan(2000);
    expect([s!.indication, s!.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
  });

  it('past the budget of issuer checks a search finds no path, even one that exists, and says it was cut short; the next signature has a budget of its own', () => {
    const pki = testPki();
    const path = [pki.rsa.certificate, pki.ca.certificate];
    expect(new PathSearch().toTrusted(pki.rsa.certificate, [], [pki.ca.certificate])).toEqual(path);
    const none = new PathSearch(0);
    expect(none.toTrusted(pki.rsa.certificate, [], [pki.ca.certificate])).toEqual([]);
    expect(none.exhausted).toBe(true);
    // One budget for one signature's searches: what the first spent, the second does not have…
    const shared = new PathSearch(1);
    expect(shared.toTrusted(pki.rsa.certificate, [], [pki.ca.certificate])).toEqual(path);
    expect(shared.toTrusted(pki.ecdsa.certificate, [], [pki.ca.certificate])).toEqual([]);
    expect(shared.exhausted).toBe(true);
    // …but the next signature's searches start with a full budget.
    const next = shared.forNextSignature();
    expect(next.toTrusted(pki.ecdsa.certificate, [], [pki.ca.certificate])).toEqual([pki.ecdsa.certificate, pki.ca.certificate]);
    expect(next.exhausted).toBe(false);
  });
});

describe('an attacker’s appended timestamp cannot spend the genuine signature’s path search (issue 18, "Bad input"; ETSI EN 319 102-1 §5.2.6)', () => {
  let tsa: TestTsa;
  let crowd: Uint8Array[];
  let attackerTsa: { keyPath: string; certPath: string; certificate: Uint8Array };
  let chainPath: string;

  beforeAll(async () => {
    tsa = await startTsa();
    // 64 CA certificates named N with key K (each an issuer of the attacker's authority) and 64 named
    // N with another key (candidates that never verify, checked again from each of the first 64):
    // the authority's path search makes over 4000 issuer checks before it gives up.
    const w = workshop('paths-budget');
    w.key('K');
    w.key('B');
    crowd = ['K', 'B'].flatMap((key) =>
      Array.from({ length: 64 }, (_, i) => {
        w.run('req', '-x509', '-new', '-key', `${key}.key`, '-subj', '/CN=N', '-days', '3650', '-set_serial', String(1000 + i), '-addext', 'basicConstraints=critical,CA:TRUE', '-out', `${key}${i}.pem`);
        return w.der(`${key}${i}.pem`);
      }),
    );
    w.key('T');
    w.run('req', '-new', '-key', 'T.key', '-subj', '/CN=Attacker TSA', '-out', 'T.csr');
    w.run('x509', '-req', '-in', 'T.csr', '-CA', 'K0.pem', '-CAkey', 'K.key', '-set_serial', '5', '-days', '300', '-extfile', 'ext.cnf', '-extensions', 'tsa', '-out', 'T.pem');
    attackerTsa = { keyPath: join(w.dir, 'T.key'), certPath: join(w.dir, 'T.pem'), certificate: w.der('T.pem') };
    chainPath = join(w.dir, 'K0.pem');
  });

  afterAll(() => tsa.close());

  it('a revoked signer stays FAILED / REVOKED; the attacker’s timestamp is INDETERMINATE / CERTIFICATE_CHAIN_GENERAL_FAILURE with PATH_SEARCH_LIMIT, never "no chain found"', async () => {
    const pki = testPki();
    const signed = await signedOrder({ timestampUrl: tsa.url });
    const revoking = makeCrl({ issuer: 'ca', revoked: [{ certPath: pki.rsa.certPath, at: new Date(Date.now() - 3600_000) }] });
    const attacked = withDocumentTimestamp(appendDss(signed, { certificates: crowd, crls: [] }), attackerTsa, chainPath, new Date());
    const started = performance.now();
    const [genuine, stamp] = verifyPdf(attacked, { trusted: [pki.ca.certificate], crls: [{ crl: parseCrl(revoking), issuerCertificate: pki.ca.certificate }] }).signatures;
    expect(performance.now() - started).toBeLessThan(10_000);
    expect([genuine!.type, genuine!.indication, genuine!.subIndication]).toEqual(['signature', 'FAILED', 'REVOKED']);
    expect([stamp!.type, stamp!.indication, stamp!.subIndication]).toEqual(['documentTimestamp', 'INDETERMINATE', 'CERTIFICATE_CHAIN_GENERAL_FAILURE']);
    expect(stamp!.cms.problems).toContain('PATH_SEARCH_LIMIT');
  });
});
