// Issue 3, "Data protection": the codec every file of the data directory is written through.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptingCodec, environmentKey, isEncrypted, sealProblemOf } from '../../../electron/services/store/encryption';
import { jsonCodec } from '../../../electron/services/store/jsonFile';

const key = randomBytes(32);
const record = { id: 'a1', convict: { firstName: 'Žydrūnas', lastName: 'Kazlauskas', personalFileNo: 'D-00042' } };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('the encrypting codec (AES-256-GCM)', () => {
  it('round-trips a record as header + 12-byte IV + ciphertext + 16-byte tag, with nothing of it readable', () => {
    const codec = encryptingCodec(key);
    const sealed = codec.encode(record);
    const plain = jsonCodec.encode(record);
    expect(sealed.subarray(0, 4)).toEqual(Buffer.from('PUS\x01', 'latin1'));
    expect(sealed).toHaveLength(4 + 12 + plain.length + 16);
    expect(isEncrypted(sealed)).toBe(true);
    for (const text of ['Kazlauskas', 'Žydrūnas', 'D-00042']) expect(sealed.includes(Buffer.from(text))).toBe(false);
    expect(codec.decode(sealed)).toEqual(record);
  });

  it('seals the same value differently every time (a random IV), and both decode', () => {
    const codec = encryptingCodec(key);
    const a = codec.encode(record);
    const b = codec.encode(record);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(4, 16).equals(b.subarray(4, 16))).toBe(false);
    expect(codec.decode(a)).toEqual(codec.decode(b));
  });

  it('refuses a record with any one byte changed, cut short, or sealed under another key', () => {
    const codec = encryptingCodec(key);
    const sealed = codec.encode(record);
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] = tampered[i]! ^ 0x01;
      // the first four bytes are the header: changed, the file no longer claims to be sealed at all
      expect(codeOf(() => codec.decode(tampered))).toBe(i < 4 ? 'DATA_NOT_ENCRYPTED' : 'DATA_NOT_AUTHENTIC');
    }
    expect(codeOf(() => codec.decode(sealed.subarray(0, sealed.length - 1)))).toBe('DATA_NOT_AUTHENTIC');
    expect(codeOf(() => codec.decode(sealed.subarray(0, 20)))).toBe('DATA_NOT_AUTHENTIC');
    expect(codeOf(() => encryptingCodec(randomBytes(32)).decode(sealed))).toBe('DATA_NOT_AUTHENTIC');
  });

  it('gives the stores a reason to show, in Lithuanian and English', () => {
    const codec = encryptingCodec(key);
    const sealed = codec.encode(record);
    sealed[20] = sealed[20]! ^ 0xff;
    expect(() => codec.decode(sealed)).toThrow(expect.objectContaining({ message: expect.stringContaining('pakeistas'), messageEn: expect.stringContaining('altered') }));
    // The reason as the stores take it (a damaged case's reason), its texts from the error catalogue.
    let error: unknown;
    try {
      codec.decode(sealed);
    } catch (e) {
      error = e;
    }
    expect(sealProblemOf(error)).toBe('notAuthentic');
    expect(sealProblemOf(new Error('other'))).toBeUndefined();
  });

  it('reads a plain JSON file only while a migration accepts it', () => {
    const plain = jsonCodec.encode(record);
    expect(codeOf(() => encryptingCodec(key).decode(plain))).toBe('DATA_NOT_ENCRYPTED');
    const migrating = encryptingCodec(key, { acceptPlain: true });
    expect(migrating.decode(plain)).toEqual(record);
    expect(migrating.decode(migrating.encode(record))).toEqual(record);
    expect(isEncrypted(migrating.encode(record))).toBe(true);
  });

  it('takes only a 32-byte key', () => {
    expect(() => encryptingCodec(randomBytes(16))).toThrow();
  });
});

describe('the key when no host gives one', () => {
  it('is the passphrase in PUSIAUKELE_PASSPHRASE; without it, KEY_REQUIRED names the variable in Lithuanian', () => {
    expect(environmentKey({ PUSIAUKELE_PASSPHRASE: 'ilga slaptafrazė' })).toEqual({ kind: 'passphrase', passphrase: 'ilga slaptafrazė' });
    // Issue 16: the recovery key, for scripts that open a directory whose passphrase is lost.
    expect(environmentKey({ PUSIAUKELE_RECOVERY_KEY: '000011-000022' })).toEqual({ kind: 'recovery', recoveryKey: '000011-000022' });
    expect(environmentKey({ PUSIAUKELE_PASSPHRASE: 'ilga slaptafrazė', PUSIAUKELE_RECOVERY_KEY: '000011' })).toMatchObject({ kind: 'passphrase' });
    for (const env of [{}, { PUSIAUKELE_PASSPHRASE: '' }, { PUSIAUKELE_RECOVERY_KEY: '' }]) {
      expect(() => environmentKey(env)).toThrow(expect.objectContaining({ code: 'KEY_REQUIRED', message: expect.stringContaining('PUSIAUKELE_PASSPHRASE') }));
    }
  });
});
