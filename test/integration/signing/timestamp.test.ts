// Issue 6, "Signatures": optionally timestamped (RFC 3161, PAdES baseline T) by the institution's
// timestamp authority, here a real one (openssl ts) on 127.0.0.1; an unreachable or misbehaving
// authority is a clear refusal within the timeout.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPadesCms, checkCms } from '../../../electron/services/signing/cms';
import { openPkcs12 } from '../../../electron/services/signing/pkcs12';
import { requestTimestamp } from '../../../electron/services/signing/timestamp';
import { cmsView, opensslVerifyCms, opensslVerifyTimestamp, P12_PASSWORD, testPki } from '../../helpers/pki';
import { silentTsa, startTsa, unreachableUrl, type TestTsa } from '../../helpers/tsa';

const CONTENT = new TextEncoder().encode('%PDF-1.7 Komisijos protokolas (V-77 p. 10)\n');
const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('RFC 3161 signature timestamps', () => {
  const pki = testPki();
  let tsa: TestTsa;

  beforeAll(async () => {
    tsa = await startTsa();
  });
  afterAll(() => tsa.close());

  async function timestampedCms(content = CONTENT): Promise<Uint8Array> {
    const signer = openPkcs12(pki.rsa.p12, P12_PASSWORD);
    try {
      return await buildPadesCms({ digest: sha256(content), signer, timestampUrl: tsa.url, timeoutMs: 10_000 });
    } finally {
      await signer.close();
    }
  }

  it('embeds a token over the signature value that openssl ts -verify accepts (PAdES baseline T)', async () => {
    const before = Date.now();
    const cms = await timestampedCms();
    const view = cmsView(cms);
    expect(view.timestampToken).not.toBeNull();
    const verified = opensslVerifyTimestamp(view.timestampToken!, hex(sha256(view.signature)), pki.ca.certPath);
    expect(verified.output).toContain('Verification: OK');
    expect(opensslVerifyCms(cms, CONTENT, pki.ca.certPath).ok).toBe(true);

    const check = checkCms(cms, sha256(CONTENT), { trusted: [pki.ca.certificate] });
    expect(check).toMatchObject({ intact: true, trusted: true, problems: [] });
    expect(check.timestamp).toMatchObject({ authority: 'Bandomoji laiko žymų tarnyba', intact: true });
    const time = Date.parse(check.timestamp!.time);
    expect(time).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(time).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('judges the certificate at a believed timestamp’s time, not at the time of checking; an expired authority is believed only with a later proof (issue 18, ETSI EN 319 102-1 §5.6.2)', async () => {
    const cms = await timestampedCms();
    const trusted = [pki.ca.certificate];
    const later = new Date('2100-01-01T00:00:00Z');
    // The signer's and the authority's certificates have both expired by then: the token alone proves nothing.
    const alone = checkCms(cms, sha256(CONTENT), { now: later, trusted });
    expect(alone.timestamp).toMatchObject({ intact: true, trusted: false });
    expect([alone.provenTime, alone.certificateValid]).toEqual([null, 'expired']);
    // A later (archive) timestamp proves the token existed while the authority's certificate was valid.
    const proven = checkCms(cms, sha256(CONTENT), { now: later, trusted, poe: new Date(Date.now() + 60_000) });
    expect(proven.timestamp).toMatchObject({ intact: true, trusted: true });
    expect(proven.certificateValid).toBe('valid');
    // A proof from after the authority's certificate expired proves nothing.
    const tooLate = checkCms(cms, sha256(CONTENT), { now: later, trusted, poe: new Date('2099-01-01T00:00:00Z') });
    expect(tooLate.timestamp).toMatchObject({ trusted: false });
  });

  it('believes no time from an authority that is not trusted: the certificate is judged now (issue 12)', async () => {
    const cms = await timestampedCms();
    for (const trusted of [[], [pki.otherCa.certificate]]) {
      const check = checkCms(cms, sha256(CONTENT), { now: new Date('2100-01-01T00:00:00Z'), trusted });
      expect(check.timestamp).toMatchObject({ intact: true, trusted: false });
      expect(check.provenTime).toBeNull();
      expect(check.problems).toContain('TIMESTAMP_UNTRUSTED');
      expect(check.certificateValid).toBe('expired');
    }
  });

  it('reports a token that is not over this signature value', async () => {
    const [first, second] = [await timestampedCms(), await timestampedCms(new TextEncoder().encode('kitas dokumentas'))];
    // Graft the other signature's token onto this one: same length (RSA TSA), another imprint.
    const token = cmsView(second).timestampToken!;
    const own = cmsView(first).timestampToken!;
    expect(token.length).toBe(own.length);
    const grafted = Buffer.from(first);
    grafted.set(token, grafted.indexOf(Buffer.from(own)));
    const check = checkCms(grafted, sha256(CONTENT));
    expect(check.intact).toBe(true);
    expect(check.timestamp).toBeNull();
    expect(check.problems).toEqual(['TIMESTAMP_IMPRINT_MISMATCH']);
  });

  it('requestTimestamp returns a token over the given data', async () => {
    const data = new TextEncoder().encode('parašo reikšmė');
    const token = await requestTimestamp(tsa.url, data, 10_000);
    expect(opensslVerifyTimestamp(token, hex(sha256(data)), pki.ca.certPath).ok).toBe(true);
  });

  it('refuses an unreachable authority with TSA_UNREACHABLE, naming its address', async () => {
    const url = await unreachableUrl();
    const signer = openPkcs12(pki.rsa.p12, P12_PASSWORD);
    await expect(buildPadesCms({ digest: sha256(CONTENT), signer, timestampUrl: url, timeoutMs: 2000 })).rejects.toMatchObject({
      code: 'TSA_UNREACHABLE',
      message: expect.stringContaining(url),
    });
    await signer.close();
  });

  it('gives up on a silent authority after the timeout with TSA_UNREACHABLE', async () => {
    const silent = await silentTsa();
    try {
      const started = Date.now();
      await expect(requestTimestamp(silent.url, CONTENT, 500)).rejects.toMatchObject({
        code: 'TSA_UNREACHABLE',
        message: expect.stringContaining('neatsakė per 0.5 s'),
      });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await silent.close();
    }
  });

  it.each([
    ['an HTTP error', 503, Buffer.from('Service Unavailable')],
    ['a reply that is no timestamp', 200, Buffer.from('<html>ne laiko žyma</html>')],
    // TimeStampResp { PKIStatusInfo { rejection (2), statusString { "bad request" } } }
    ['a rejection', 200, Buffer.from(`30143012020102300d0c0b${Buffer.from('bad request').toString('hex')}`, 'hex')],
  ])('refuses %s with TSA_REFUSED', async (_name, status, body) => {
    const server = createServer((_request, response) => response.writeHead(status, { 'Content-Type': 'application/timestamp-reply' }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await expect(requestTimestamp(url, CONTENT, 2000)).rejects.toMatchObject({ code: 'TSA_REFUSED' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
