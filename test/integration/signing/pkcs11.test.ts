// Issue 6, "Signatures": the director signs with a smart card (PKCS#11), here a real SoftHSM2
// token; the card's errors (wrong PIN, no card, no driver) reach the user as clear refusals.
// Issue 16, "The card module runs apart": the module runs in a process of its own, started for each
// signer with a bare environment (no passphrase) and ended after use, on a timeout or when it dies;
// this process never loads it.
import { fork } from 'node:child_process';
import { createHash, verify, X509Certificate } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPadesCms, checkCms } from '../../../electron/services/signing/cms';
import { listPkcs11Certificates, openPkcs11, WORKER_ENVIRONMENT } from '../../../electron/services/signing/pkcs11';
import { cmsView, opensslVerifyCms, testPki } from '../../helpers/pki';
import { emptySoftHsm, softHsmForSuite, useSoftHsm } from '../../helpers/softhsm';
import { systemFolder } from '../../helpers/systemFolder';

/** The card processes this test process started and that still run, read from /proc. */
function cardProcesses(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        // The parent's pid is the 4th field of /proc/<pid>/stat, after the name in parentheses.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
        return ppid === process.pid && cmdline.includes('pkcs11Worker') ? [Number(name)] : [];
      } catch {
        return []; // ended while being read
      }
    });
}

/** The variables a process was started with, from /proc/<pid>/environ. */
function environmentOf(pid: number): Record<string, string> {
  const pairs = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** The card process started by hand, as pkcs11.ts starts it from the sources, for speaking to it directly. */
function forkWorker() {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const entry = new URL('../../../electron/services/signing/pkcs11Worker.ts', import.meta.url);
  const env = { PATH: process.env.PATH ?? '', ...(process.env.SOFTHSM2_CONF ? { SOFTHSM2_CONF: process.env.SOFTHSM2_CONF } : {}) };
  const child = fork(entry, [], { env, execArgv: ['--import', tsx], serialization: 'json', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const answers: unknown[] = [];
  child.on('message', (m) => answers.push(m));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ask = async (request: object) => {
    const before = answers.length;
    child.send(request);
    await until(() => answers.length > before || child.exitCode !== null, `the card process answers ${JSON.stringify(request).slice(0, 80)}`);
    return answers[before];
  };
  return { child, ask, exited, answers };
}

const CONTENT = new TextEncoder().encode('%PDF-1.7 Teikimas Kalėjimų departamento direktoriui (V-77 p. 14)\n');
const DIGEST = new Uint8Array(createHash('sha256').update(CONTENT).digest());
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

describe('PAdES CMS from a PKCS#11 token', () => {
  const pki = testPki();
  const hsm = softHsmForSuite(beforeAll, afterAll);

  it.each([
    { keyLabel: 'rsa', keyType: 'RSA', certificate: () => pki.rsa.certificate, holder: 'Ąžuolas Žėkas' },
    { keyLabel: 'ec', keyType: 'ECDSA', certificate: () => pki.ecdsa.certificate, holder: 'Eglė Šimkutė' },
    // A qualified signature key asks for the PIN at every signature (CKA_ALWAYS_AUTHENTICATE).
    { keyLabel: 'qualified', keyType: 'ECDSA', certificate: () => pki.ecdsa.certificate, holder: 'Eglė Šimkutė' },
  ])('signs with the "$keyLabel" $keyType key: openssl cms -verify accepts it, checkCms finds it intact and trusted', async ({ keyLabel, keyType, certificate, holder }) => {
    const signer = await openPkcs11({ modulePath: hsm.token.modulePath, pin: hsm.token.pin, tokenLabel: hsm.token.tokenLabel, keyLabel });
    let cms: Uint8Array;
    try {
      expect(signer.keyType).toBe(keyType);
      expect(signer.certificate).toEqual(certificate());
      // The CA certificate on the card is the chain.
      expect(signer.chain).toEqual([pki.ca.certificate]);
      cms = await buildPadesCms({ digest: DIGEST, signer });
    } finally {
      await signer.close();
    }
    const verified = opensslVerifyCms(cms, CONTENT, pki.ca.certPath);
    expect(verified.output).toContain('Verification successful');
    // PAdES: no signing-time; issue 6.
    expect(cmsView(cms).signedAttributeTypes).not.toContain(OID_SIGNING_TIME);
    const check = checkCms(cms, DIGEST, { trusted: [pki.ca.certificate] });
    expect(check).toMatchObject({ intact: true, trusted: true, problems: [], hasSigningTimeAttribute: false });
    expect(check.signer?.commonName).toBe(holder);
    const changed = checkCms(cms, new Uint8Array(createHash('sha256').update('kitas turinys').digest()));
    expect(changed.intact).toBe(false);
    expect(changed.problems).toContain('DIGEST_MISMATCH');
  });

  it('asks a qualified key for the PIN again at each signature, so it signs more than once', async () => {
    const signer = await openPkcs11({ modulePath: hsm.token.modulePath, pin: hsm.token.pin, keyLabel: hsm.token.qualifiedKeyLabel });
    try {
      const signatures = [await signer.sign(CONTENT), await signer.sign(CONTENT)];
      const key = new X509Certificate(pki.ecdsa.certificate).publicKey;
      expect(signatures.map((signature) => verify('sha256', CONTENT, key, signature))).toEqual([true, true]);
    } finally {
      await signer.close();
    }
  });

  it('keeps two signers on one card apart: closing one leaves the other signing', async () => {
    const options = { modulePath: hsm.token.modulePath, pin: hsm.token.pin, tokenLabel: hsm.token.tokenLabel };
    const rsa = await openPkcs11({ ...options, keyLabel: 'rsa' });
    const ec = await openPkcs11({ ...options, keyLabel: 'ec' }).catch(async (e: unknown) => {
      await rsa.close();
      throw e;
    });
    try {
      // Each signer logs in from a card process of its own: a third with another PIN is refused by the card.
      await expect(openPkcs11({ ...options, pin: '0000' })).rejects.toMatchObject({ code: 'PIN_INCORRECT' });
      await rsa.close();
      const cms = await buildPadesCms({ digest: DIGEST, signer: ec });
      expect(checkCms(cms, DIGEST).intact).toBe(true);
    } finally {
      await Promise.all([rsa.close(), ec.close()]);
    }
    await expect(ec.sign(DIGEST)).rejects.toMatchObject({ code: 'SIGNING_FAILED' });
  });

  it('refuses a wrong PIN with PIN_INCORRECT, and the right one still opens afterwards', async () => {
    await expect(openPkcs11({ modulePath: hsm.token.modulePath, pin: '0000', keyLabel: 'rsa' })).rejects.toMatchObject({
      code: 'PIN_INCORRECT',
      message: expect.stringContaining('Neteisingas PIN kodas'),
    });
    const signer = await openPkcs11({ modulePath: hsm.token.modulePath, pin: hsm.token.pin, keyLabel: 'rsa' });
    await signer.close();
  });

  it('refuses a key label the card does not have with KEY_NOT_FOUND', async () => {
    await expect(openPkcs11({ modulePath: hsm.token.modulePath, pin: hsm.token.pin, keyLabel: 'nėra' })).rejects.toMatchObject({
      code: 'KEY_NOT_FOUND',
    });
  });

  it('refuses another card’s label with TOKEN_MISSING', async () => {
    await expect(openPkcs11({ modulePath: hsm.token.modulePath, pin: hsm.token.pin, tokenLabel: 'Kita kortelė' })).rejects.toMatchObject({
      code: 'TOKEN_MISSING',
      message: expect.stringContaining('Kita kortelė'),
    });
  });

  it('refuses a reader without a card (no initialised token) with TOKEN_MISSING', async () => {
    useSoftHsm(emptySoftHsm());
    try {
      await expect(openPkcs11({ modulePath: hsm.token.modulePath, pin: hsm.token.pin })).rejects.toMatchObject({ code: 'TOKEN_MISSING' });
    } finally {
      useSoftHsm(hsm.token.confPath);
    }
  });

  it('refuses a missing or unloadable driver with PKCS11_MODULE_MISSING', async () => {
    await expect(openPkcs11({ modulePath: '/usr/lib/nera/libpkcs11.so', pin: hsm.token.pin })).rejects.toMatchObject({
      code: 'PKCS11_MODULE_MISSING',
      message: expect.stringContaining('/usr/lib/nera/libpkcs11.so'),
    });
    // A file in a system folder that is no PKCS#11 library: the card process says so, and ends.
    const system = systemFolder();
    try {
      const notLibrary = `${system.dir}/ca.pem`;
      copyFileSync(pki.ca.certPath, notLibrary);
      await expect(openPkcs11({ modulePath: notLibrary, pin: hsm.token.pin })).rejects.toMatchObject({
        code: 'PKCS11_MODULE_MISSING',
        params: { reason: { why: 'notPkcs11' } },
      });
    } finally {
      system.remove();
    }
    await until(() => cardProcesses().length === 0, 'no card process is left');
  });

  it('lists the certificates on the token without the PIN, through the card process', async () => {
    const certificates = await listPkcs11Certificates({ modulePath: hsm.token.modulePath, tokenLabel: hsm.token.tokenLabel });
    const expected = [pki.rsa.certificate, pki.ecdsa.certificate, pki.ca.certificate];
    for (const der of expected) expect(certificates).toContainEqual(der);
    expect(certificates).toHaveLength(4); // the ECDSA certificate twice: "ec" and "qualified"
    await until(() => cardProcesses().length === 0, 'the card process has ended');
  });
});

describe('the card module runs apart from the data key (issue 16)', () => {
  const pki = testPki();
  const hsm = softHsmForSuite(beforeAll, afterAll);
  const CONTENT = new TextEncoder().encode('%PDF-1.7 Įsakymas (V-77 p. 15)\n');

  it('signs in a child process whose environment and arguments hold no passphrase; this process never loads the module', async () => {
    // The test's own process holds the data directories' passphrase, as the browser host does.
    const passphrase = process.env.PUSIAUKELE_PASSPHRASE;
    expect(passphrase).toBeTruthy();
    expect(cardProcesses()).toEqual([]);
    const signer = await openPkcs11({ modulePath: hsm.token.modulePath, pin: hsm.token.pin, keyLabel: 'ec' });
    try {
      const [pid, ...more] = cardProcesses();
      expect(more).toEqual([]);
      expect(pid).toBeGreaterThan(0);
      const env = environmentOf(pid!);
      expect(Object.keys(env).filter((name) => name.startsWith('PUSIAUKELE'))).toEqual([]);
      // Only the listed variables, and Node's own for the IPC channel it was started with.
      expect(Object.keys(env).filter((name) => !WORKER_ENVIRONMENT.includes(name) && !name.startsWith('NODE_CHANNEL_'))).toEqual([]);
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain(passphrase);
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(passphrase);
      // The driver SoftHSM needs reaches it: the token is found, and it signs.
      expect(env.SOFTHSM2_CONF).toBe(hsm.token.confPath);
      const signature = await signer.sign(CONTENT);
      expect(verify('sha256', CONTENT, new X509Certificate(pki.ecdsa.certificate).publicKey, signature)).toBe(true);
      // The module is mapped in the card process, and not in this one.
      expect(readFileSync(`/proc/${pid}/maps`, 'utf8')).toContain('libsofthsm2.so');
      expect(readFileSync('/proc/self/maps', 'utf8')).not.toContain('libsofthsm2.so');
    } finally {
      await signer.close();
    }
    await until(() => cardProcesses().length === 0, 'the card process has ended after close');
  });

  it('ends the card process when it does not answer in time, and says so', async () => {
    await expect(openPkcs11({ modulePath: hsm.token.modulePath, pin: hsm.token.pin, timeoutMs: 1 })).rejects.toMatchObject({
      code: 'PKCS11_TIMEOUT',
      message: expect.stringContaining('neatsakė per'),
    });
    await until(() => cardProcesses().length === 0, 'the card process was killed');
  });

  it('a card process that dies (a crashing driver) fails the signature with a clear refusal, and nothing hangs', async () => {
    const signer = await openPkcs11({ modulePath: hsm.token.modulePath, pin: hsm.token.pin, keyLabel: 'rsa' });
    const [pid] = cardProcesses();
    process.kill(pid!, 'SIGKILL');
    await until(() => cardProcesses().length === 0, 'the card process is gone');
    await expect(signer.sign(CONTENT)).rejects.toMatchObject({ code: 'PKCS11_WORKER_FAILED', message: expect.stringContaining('netikėtai nustojo veikti') });
    await signer.close();
  });

  it('the card process answers its narrow protocol only: an unknown request ends it unanswered', async () => {
    const worker = forkWorker();
    const answer = await worker.ask({ id: 1, op: 'readFile', path: '/etc/shadow' });
    expect(answer).toBeUndefined();
    expect(await worker.exited).toBe(2);
  });

  it('the card process signs nothing before the PIN opened a key, and takes a digest only (32 bytes)', async () => {
    const worker = forkWorker();
    try {
      const digest = createHash('sha256').update(CONTENT).digest('base64');
      expect(await worker.ask({ id: 1, op: 'sign', digest })).toMatchObject({ id: 1, ok: false, error: { code: 'SIGNING_FAILED' } });
      expect(await worker.ask({ id: 2, op: 'open', modulePath: hsm.token.modulePath, pin: '0000', keyLabel: 'ec' })).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT' } });
      expect(await worker.ask({ id: 3, op: 'open', modulePath: hsm.token.modulePath, pin: hsm.token.pin, keyLabel: 'ec' })).toMatchObject({ id: 3, ok: true });
      expect(await worker.ask({ id: 4, op: 'sign', digest })).toMatchObject({ id: 4, ok: true });
      // A whole document instead of its digest is not a request it knows.
      await worker.ask({ id: 5, op: 'sign', digest: Buffer.from(`${'x'.repeat(100)}`).toString('base64') });
      expect(await worker.exited).toBe(2);
    } finally {
      worker.child.kill('SIGKILL');
    }
  });

  it('the card process checks the module path itself: it refuses a library outside the system folders', async () => {
    const worker = forkWorker();
    try {
      expect(await worker.ask({ id: 1, op: 'open', modulePath: pki.ca.certPath, pin: hsm.token.pin })).toMatchObject({
        ok: false,
        error: { code: 'PKCS11_MODULE_OUTSIDE_SYSTEM' },
      });
      expect(await worker.ask({ id: 2, op: 'close' })).toMatchObject({ id: 2, ok: true });
      expect(await worker.exited).toBe(0);
    } finally {
      worker.child.kill('SIGKILL');
    }
  });
});
