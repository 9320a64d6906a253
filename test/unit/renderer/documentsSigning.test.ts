import { describe, expect, it } from 'vitest';
import { documentsLt as lt } from '../../../renderer/documents/documentMessages';
import {
  advisedRefusal,
  credentialOf,
  EMPTY_CREDENTIAL,
  notReached,
  runSigning,
  signedCount,
  stopsRun,
  withoutSecret,
  type SigningRun,
} from '../../../renderer/documents/signingModel';

interface Refusal {
  code: string;
}

const refusal = (code: string): Refusal => ({ code });
const toError = (e: unknown): Refusal => e as Refusal;

/** A back end that refuses the documents named in `refuse` with their code, and records what it signed. */
function fakeSign(refuse: Readonly<Record<string, string>> = {}) {
  const signed: string[] = [];
  return {
    signed,
    sign: async (id: string) => {
      const code = refuse[id];
      if (code) throw refusal(code);
      signed.push(id);
    },
  };
}

describe('issue 6: the credential the signer gives', () => {
  it('is a PKCS#12 file with its password (which may be empty) or a PIN; incomplete until the file or the PIN is there', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(credentialOf(EMPTY_CREDENTIAL)).toBeNull();
    expect(credentialOf({ kind: 'pkcs12', file: { name: 'a.p12', bytes }, password: '' })).toEqual({ kind: 'pkcs12', bytes, password: '' });
    expect(credentialOf({ kind: 'pkcs11', pin: '' })).toBeNull();
    expect(credentialOf({ kind: 'pkcs11', pin: '1234' })).toEqual({ kind: 'pkcs11', pin: '1234' });
  });

  it('forgets the password or PIN after a run and keeps the chosen file', () => {
    const file = { name: 'a.p12', bytes: new Uint8Array([1]) };
    expect(withoutSecret({ kind: 'pkcs12', file, password: 'slaptas' })).toEqual({ kind: 'pkcs12', file, password: '' });
    expect(withoutSecret({ kind: 'pkcs11', pin: '1234' })).toEqual({ kind: 'pkcs11', pin: '' });
  });

  it('stops a run on a refusal of the credential, the card, the timestamp service or the session; goes on past one document', () => {
    for (const code of ['P12_WRONG_PASSWORD', 'CERT_EXPIRED', 'CERT_NOT_FOR_SIGNING', 'PIN_INCORRECT', 'TOKEN_MISSING', 'PKCS11_NOT_CONFIGURED', 'TSA_UNREACHABLE', 'SESSION_ENDED', 'NO_CONNECTION']) {
      expect(stopsRun(code), code).toBe(true);
    }
    for (const code of ['NOTHING_TO_SIGN', 'DOCUMENT_REPLACED', 'DOCUMENT_NOT_FOUND']) expect(stopsRun(code), code).toBe(false);
  });

  it('issue 14: an order whose place went, or that would pass over a convict listed since it was issued (V-77 p. 12), is refused alone, with advice to re-issue it as a correction', () => {
    for (const code of ['NO_FREE_PLACE', 'PASS_OVER_REASON_REQUIRED']) expect(stopsRun(code), code).toBe(false);
    expect(advisedRefusal('PASS_OVER_REASON_REQUIRED')).toBe('PASS_OVER_REASON_REQUIRED');
    expect(advisedRefusal('CERT_NOT_SIGNER')).toBe('CERT_NOT_SIGNER');
    expect(advisedRefusal('P12_WRONG_PASSWORD')).toBeNull();
    expect(lt['signing.advice.PASS_OVER_REASON_REQUIRED']).toContain('pataisymą');
  });
});

describe('a signing run, one document at a time', () => {
  it('signs every document in order, reporting after each', async () => {
    const backEnd = fakeSign();
    const reports: SigningRun<Refusal>[] = [];
    const run = await runSigning(['a', 'b', 'c'], backEnd.sign, toError, (r) => reports.push(r));
    expect(backEnd.signed).toEqual(['a', 'b', 'c']);
    expect(reports.map((r) => [r.results.length, r.finished])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(signedCount(run)).toBe(3);
    expect(run.stoppedBy).toBeNull();
    expect(notReached(run)).toEqual([]);
  });

  it('stops at a wrong password: the documents signed before stay signed, the rest are not reached', async () => {
    const backEnd = fakeSign({ b: 'P12_WRONG_PASSWORD' });
    const run = await runSigning(['a', 'b', 'c'], backEnd.sign, toError, () => undefined);
    expect(backEnd.signed).toEqual(['a']);
    expect(run.stoppedBy).toEqual({ code: 'P12_WRONG_PASSWORD' });
    expect(run.results).toEqual([{ id: 'a', outcome: 'signed' }]);
    expect(notReached(run)).toEqual(['b', 'c']);
    expect(run.finished).toBe(true);
  });

  it('goes on past a document that no longer awaits the signature', async () => {
    const backEnd = fakeSign({ a: 'DOCUMENT_REPLACED' });
    const run = await runSigning(['a', 'b'], backEnd.sign, toError, () => undefined);
    expect(run.results).toEqual([
      { id: 'a', outcome: 'refused', error: { code: 'DOCUMENT_REPLACED' } },
      { id: 'b', outcome: 'signed' },
    ]);
    expect(signedCount(run)).toBe(1);
    expect(run.stoppedBy).toBeNull();
  });

  it('stops before the next document once the page is left', async () => {
    const backEnd = fakeSign();
    let wanted = true;
    const run = await runSigning(
      ['a', 'b'],
      async (id) => {
        await backEnd.sign(id);
        wanted = false;
      },
      toError,
      () => undefined,
      () => wanted,
    );
    expect(backEnd.signed).toEqual(['a']);
    expect(run.finished).toBe(true);
    expect(notReached(run)).toEqual(['b']);
  });
});
