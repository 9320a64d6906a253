import { describe, expect, it } from 'vitest';
import { lt } from '../../../renderer/i18n/messages';
import { translate } from '../../../renderer/i18n/translate';
import { problemKey, signatureFindings, SIGNATURE_PROBLEMS, verdictOf, type Finding, type SignatureCheck } from '../../../renderer/documents/verificationModel';

const GOOD: SignatureCheck = {
  name: 'Ąžuolas Žėkas',
  signer: {
    subject: 'C=LT, O=Pusiaukelė, CN=Ąžuolas Žėkas',
    commonName: 'Ąžuolas Žėkas',
    issuer: 'C=LT, O=Pusiaukelė, CN=Pusiaukelės bandomoji CA',
    serialNumber: '0a',
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2028-01-01T00:00:00.000Z',
  },
  claimedTime: '2026-11-23T10:00:00.000Z',
  timestamp: null,
  intact: true,
  problems: [],
  certificateValid: 'valid',
  trusted: true,
  after: 'unchanged',
  valid: true,
  subFilter: 'ETSI.CAdES.detached',
};

const iso = (s: string) => `<${s}>`;

/** Each finding as the Lithuanian screen writes it. */
function written(findings: Finding[]): Record<string, string> {
  return Object.fromEntries(findings.map((f) => [f.id, 'value' in f.text ? f.text.value : translate('lt', f.text.key, f.text.params)]));
}

describe('issue 6: what the check of one signature says', () => {
  it('a good signature: valid, who, the claimed time labelled as such, intact, valid and trusted certificate, unchanged after', () => {
    expect(translate('lt', verdictOf(GOOD).key)).toBe('Parašas galioja');
    const lines = written(signatureFindings(GOOD, iso));
    expect(lines).toEqual({
      signer: 'Ąžuolas Žėkas',
      issuer: 'C=LT, O=Pusiaukelė, CN=Pusiaukelės bandomoji CA',
      time: '<2026-11-23T10:00:00.000Z> – pasirašiusiojo kompiuterio nurodytas laikas, nepatvirtintas laiko žyma',
      integrity: 'Pasirašyti duomenys nepakeisti, parašas atitinka sertifikatą',
      certificate: 'Galiojantis (nuo <2026-01-01T00:00:00.000Z> iki <2028-01-01T00:00:00.000Z>)',
      trust: 'Išduotas patikimos įstaigos (jos šakninis sertifikatas nurodytas nustatymuose)',
      after: 'Dokumentas po pasirašymo nepakeistas',
    });
    expect(signatureFindings(GOOD, iso).find((f) => f.id === 'time')?.tone).toBe('warning');
  });

  it('prefers the timestamp time, and says when the timestamp itself is damaged', () => {
    const stamped = { ...GOOD, timestamp: { time: '2026-11-23T10:00:05.000Z', authority: 'CN=Bandomoji laiko žymų tarnyba', intact: true } };
    const time = signatureFindings(stamped, iso).find((f) => f.id === 'time');
    expect(time?.tone).toBe('ok');
    expect(written([time!]).time).toBe('<2026-11-23T10:00:05.000Z> – patvirtintas laiko žyma (išdavė CN=Bandomoji laiko žymų tarnyba)');
    const broken = signatureFindings({ ...stamped, timestamp: { ...stamped.timestamp, intact: false } }, iso).find((f) => f.id === 'time');
    expect(broken?.tone).toBe('problem');
  });

  it('a document changed after the signature, with an expired, untrusted certificate: not valid, each problem named', () => {
    const bad: SignatureCheck = { ...GOOD, intact: false, after: 'changed', certificateValid: 'expired', trusted: false, valid: false, problems: ['DIGEST_MISMATCH'] };
    expect(translate('lt', verdictOf(bad).key)).toBe('Parašas negalioja');
    const findings = signatureFindings(bad, iso);
    const lines = written(findings);
    expect(lines.after).toBe('Dokumentas pakeistas po pasirašymo');
    expect(lines.integrity).toMatch(/^Parašas pažeistas/);
    expect(lines.certificate).toBe('Galiojimas pasibaigęs (<2028-01-01T00:00:00.000Z>)');
    expect(lines.trust).toMatch(/^Išdavėjo nėra tarp patikimų/);
    expect(findings.filter((f) => f.tone === 'problem').map((f) => f.id)).toEqual(['integrity', 'certificate', 'after']);
    expect(written(signatureFindings({ ...GOOD, after: 'signedLater' }, iso)).after).toBe('Po šio parašo pridėti tik kiti parašai');
  });

  it('without a certificate says the signer is unknown and leaves out the certificate lines', () => {
    const anonymous = { ...GOOD, signer: null, claimedTime: null, valid: false, intact: false };
    const findings = signatureFindings(anonymous, iso);
    expect(findings.map((f) => f.id)).toEqual(['signer', 'time', 'integrity', 'after']);
    expect(written(findings).time).toBe('Nenurodytas');
  });

  it('explains every problem the back end names, and leaves an unknown one to its code', () => {
    for (const code of SIGNATURE_PROBLEMS) expect(lt[problemKey(code)!], code).toBeTruthy();
    expect(problemKey('SOMETHING_NEW')).toBeNull();
  });
});
