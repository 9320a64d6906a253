// A real PKCS#11 token for the smart-card tests: SoftHSM2 with its token folder in a temp dir,
// the test PKI's RSA and ECDSA keys imported (softhsm2-util) and their certificates beside them
// (C_CreateObject with the keys' CKA_ID), plus the CA certificate, as a national ID card holds
// its chain, and a "qualified" key that asks for the PIN at every signature
// (CKA_ALWAYS_AUTHENTICATE). SoftHSM reads SOFTHSM2_CONF at C_Initialize, so the helpers set it
// in process.env.
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pkcs11js from 'pkcs11js';
import * as pkijs from 'pkijs';
import { testPki, workDir } from './pki';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export interface TestToken {
  modulePath: string;
  pin: string;
  tokenLabel: string;
  /** The SoftHSM2 configuration naming this token's folder (already in process.env). */
  confPath: string;
  rsaKeyLabel: string;
  ecKeyLabel: string;
  /** The ECDSA key again, with CKA_ALWAYS_AUTHENTICATE (CKA_ID 03). */
  qualifiedKeyLabel: string;
}

const PIN = '1234';
const SO_PIN = '87654321';
const TOKEN_LABEL = 'Pusiaukelės kortelė';

/** A SoftHSM2 configuration whose token folder is empty, and the folder. */
function softHsmConf(name: string): { confPath: string; tokenDir: string } {
  const dir = workDir(name);
  const tokenDir = join(dir, 'tokens');
  mkdirSync(tokenDir);
  const confPath = join(dir, 'softhsm2.conf');
  writeFileSync(confPath, `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  return { confPath, tokenDir };
}

/** Points SoftHSM at `confPath` for the next C_Initialize in this process. */
export function useSoftHsm(confPath: string): void {
  process.env.SOFTHSM2_CONF = confPath;
}

/** A configuration with no initialised token: as a reader without a card. */
export function emptySoftHsm(): string {
  return softHsmConf('softhsm-empty').confPath;
}

function softhsmUtil(confPath: string, args: readonly string[]): void {
  execFileSync('softhsm2-util', args, { env: { ...process.env, SOFTHSM2_CONF: confPath }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** DER OID of the P-256 curve, as CKA_EC_PARAMS. */
const P256_PARAMS = Buffer.from('06082a8648ce3d030107', 'hex');

/** A P-256 private key that needs the PIN for every signature, as qualified signature keys do. */
function alwaysAuthenticateKey(keyPath: string, id: Buffer, label: string): pkcs11js.Template {
  const { d } = createPrivateKey(readFileSync(keyPath)).export({ format: 'jwk' });
  return [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_EC },
    { type: pkcs11js.CKA_TOKEN, value: true },
    { type: pkcs11js.CKA_PRIVATE, value: true },
    { type: pkcs11js.CKA_SIGN, value: true },
    { type: pkcs11js.CKA_ALWAYS_AUTHENTICATE, value: true },
    { type: pkcs11js.CKA_LABEL, value: label },
    { type: pkcs11js.CKA_ID, value: id },
    { type: pkcs11js.CKA_EC_PARAMS, value: P256_PARAMS },
    { type: pkcs11js.CKA_VALUE, value: Buffer.from(d!, 'base64url') },
  ];
}

function certificateObject({ der, id, label }: { der: Uint8Array; id: Buffer; label: string }): pkcs11js.Template {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
  return [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
    { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
    { type: pkcs11js.CKA_TOKEN, value: true },
    { type: pkcs11js.CKA_PRIVATE, value: false },
    { type: pkcs11js.CKA_LABEL, value: label },
    { type: pkcs11js.CKA_ID, value: id },
    { type: pkcs11js.CKA_SUBJECT, value: Buffer.from(cert.subject.toSchema().toBER()) },
    { type: pkcs11js.CKA_ISSUER, value: Buffer.from(cert.issuer.toSchema().toBER()) },
    { type: pkcs11js.CKA_SERIAL_NUMBER, value: Buffer.from(cert.serialNumber.toBER()) },
    { type: pkcs11js.CKA_VALUE, value: Buffer.from(der) },
  ];
}

/** Creates objects on the token as a card vendor's tool would. */
function storeObjects(tokenLabel: string, objects: readonly pkcs11js.Template[]): void {
  const module = new pkcs11js.PKCS11();
  module.load(SOFTHSM_MODULE);
  module.C_Initialize();
  try {
    const slot = module.C_GetSlotList(true).find((s) => module.C_GetTokenInfo(s).label.trim() === tokenLabel);
    if (!slot) throw new Error(`SoftHSM token ${tokenLabel} not found`);
    const session = module.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
    module.C_Login(session, pkcs11js.CKU_USER, PIN);
    for (const template of objects) module.C_CreateObject(session, template);
    module.C_Logout(session);
    module.C_CloseSession(session);
  } finally {
    module.C_Finalize();
    module.close();
  }
}

/**
 * A fresh SoftHSM2 token with the test PKI's RSA key ("rsa", CKA_ID 01), ECDSA key ("ec", CKA_ID
 * 02) and the ECDSA key with CKA_ALWAYS_AUTHENTICATE ("qualified", CKA_ID 03), their certificates
 * and the CA certificate; SOFTHSM2_CONF points at it.
 */
export function softHsmToken(): TestToken {
  const pki = testPki();
  const { confPath } = softHsmConf('softhsm');
  softhsmUtil(confPath, ['--init-token', '--free', '--label', TOKEN_LABEL, '--pin', PIN, '--so-pin', SO_PIN]);
  softhsmUtil(confPath, ['--import', pki.rsa.keyPath, '--token', TOKEN_LABEL, '--label', 'rsa', '--id', '01', '--pin', PIN]);
  softhsmUtil(confPath, ['--import', pki.ecdsa.keyPath, '--token', TOKEN_LABEL, '--label', 'ec', '--id', '02', '--pin', PIN]);
  useSoftHsm(confPath);
  storeObjects(TOKEN_LABEL, [
    certificateObject({ der: pki.rsa.certificate, id: Buffer.from([0x01]), label: 'rsa' }),
    certificateObject({ der: pki.ecdsa.certificate, id: Buffer.from([0x02]), label: 'ec' }),
    certificateObject({ der: pki.ca.certificate, id: Buffer.from('ca'), label: 'Pusiaukelės bandomoji CA' }),
    alwaysAuthenticateKey(pki.ecdsa.keyPath, Buffer.from([0x03]), 'qualified'),
    certificateObject({ der: pki.ecdsa.certificate, id: Buffer.from([0x03]), label: 'qualified' }),
  ]);
  return {
    modulePath: SOFTHSM_MODULE,
    pin: PIN,
    tokenLabel: TOKEN_LABEL,
    confPath,
    rsaKeyLabel: 'rsa',
    ecKeyLabel: 'ec',
    qualifiedKeyLabel: 'qualified',
  };
}

/**
 * A SoftHSM2 token for the tests of a describe block: made before them, SOFTHSM2_CONF put back
 * after. Read `.token` inside the tests.
 */
export function softHsmForSuite(before: (fn: () => void) => void, after: (fn: () => void) => void): { token: TestToken } {
  const holder = {} as { token: TestToken };
  let previousConf: string | undefined;
  before(() => {
    previousConf = process.env.SOFTHSM2_CONF;
    holder.token = softHsmToken();
  });
  after(() => {
    if (previousConf === undefined) delete process.env.SOFTHSM2_CONF;
    else process.env.SOFTHSM2_CONF = previousConf;
  });
  return holder;
}
