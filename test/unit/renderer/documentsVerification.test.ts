import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, INDICATIONS, SUB_INDICATIONS } from '../../../shared/contract/verificationSchemas';
import { en, lt } from '../../../renderer/i18n/messages';
import { translate } from '../../../renderer/i18n/translate';
import { documentVerdictOf, problemKey, signatureFindings, SIGNATURE_PROBLEMS, verdictOf, type Finding, type SignatureCheck } from '../../../renderer/documents/verificationModel';

const GOOD: SignatureCheck = {
  type: 'signature',
  name: 'Ąžuolas Žėkas',
  signer: {
    subject: 'C=LT, O=Pusiaukelė, CN=Ąžuolas Žėkas',
    commonName: 'Ąžuolas Žėkas',
    issuer: 'C=LT, O=Pusiaukelė, CN=Pusiaukelės bandomoji CA',
    serialNumber: '0a',
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2028-01-01T00:00:00.000Z',
  },
  byteRange: [0, 100, 200, 300],
  claimedTime: '2026-11-23T10:00:00.000Z',
  timestamp: null,
  judgedAt: { time: '2026-12-04T10:00:00.000Z', proven: false },
  intact: true,
  problems: [],
  certificateValid: 'valid',
  trusted: true,
  revocation: { status: 'good', checkedAt: '2026-12-01T00:00:00.000Z', source: 'CN=Pusiaukelės bandomoji CA, 2026-12-01' },
  changes: [],
  overlaidPages: [],
  after: 'unchanged',
  indication: 'TOTAL_PASSED',
  subIndication: null,
  valid: true,
  subFilter: 'ETSI.CAdES.detached',
  level: 'B-B',
  qualification: { kind: 'ADES', reasons: [], service: null, list: null },
};

const iso = (s: string) => `<${s}>`;
const change = (kind: string) => translate('lt', `verify.change.${kind as SignatureCheck['changes'][number]['kind']}`);
const findingsOf = (check: SignatureCheck) => signatureFindings(check, iso, change);

/** Each finding as the Lithuanian screen writes it. */
function written(findings: Finding[]): Record<string, string> {
  return Object.fromEntries(findings.map((f) => [f.id, 'value' in f.text ? f.text.value : translate('lt', f.text.key, f.text.params)]));
}

describe('issue 12: what the check of one signature says', () => {
  it('TOTAL_PASSED: valid, who, the claimed time labelled as such, intact, valid and trusted certificate, not revoked, unchanged after', () => {
    const verdict = verdictOf(GOOD);
    expect(translate('lt', verdict.key)).toBe('Parašas galioja');
    expect(verdict.reason).toBeNull();
    expect(translate('lt', verdict.code.key, verdict.code.params)).toBe('ETSI EN 319 102-1: TOTAL_PASSED');
    expect(written(findingsOf(GOOD))).toEqual({
      signer: 'Ąžuolas Žėkas',
      issuer: 'C=LT, O=Pusiaukelė, CN=Pusiaukelės bandomoji CA',
      time: '<2026-11-23T10:00:00.000Z> – pasirašiusiojo kompiuterio nurodytas laikas, nepatvirtintas laiko žyma',
      integrity: 'Pasirašyti duomenys nepakeisti, parašas atitinka sertifikatą',
      certificate: 'Galioja tikrinimo metu (nuo <2026-01-01T00:00:00.000Z> iki <2028-01-01T00:00:00.000Z>)',
      trust: 'Išduotas patikimo centro (jo šakninis sertifikatas nurodytas nustatymuose)',
      revocation: 'Neatšauktas (sąrašas: CN=Pusiaukelės bandomoji CA, 2026-12-01)',
      after: 'Dokumentas po pasirašymo nepakeistas',
    });
  });

  it('an intact signature with no trusted roots is INDETERMINATE with a plain explanation, never "not valid"', () => {
    const untrusted: SignatureCheck = { ...GOOD, trusted: false, valid: false, indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND', revocation: { status: 'notChecked', reason: 'noList' } };
    const verdict = verdictOf(untrusted);
    expect(verdict.tone).toBe('warning');
    expect(translate('lt', verdict.key)).toBe('Parašo galiojimo nustatyti negalima');
    expect(translate('lt', verdict.reason!)).toMatch(/^Parašas nepažeistas, tačiau sertifikato išdavėjo nėra tarp patikimų/);
    expect(translate('lt', verdict.code.key, verdict.code.params)).toBe('ETSI EN 319 102-1: INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND');
    const findings = findingsOf(untrusted);
    expect(findings.filter((f) => f.tone === 'problem')).toEqual([]);
    expect(written(findings).revocation).toBe('Netikrinta: šio sertifikato atšauktų sertifikatų sąrašas neimportuotas');
  });

  it('a trusted timestamp is the time the certificate is judged at; an untrusted one is said to prove nothing', () => {
    const stamped: SignatureCheck = {
      ...GOOD,
      timestamp: { time: '2026-11-23T10:00:05.000Z', authority: 'Bandomoji laiko žymų tarnyba', intact: true, trusted: true },
      judgedAt: { time: '2026-11-23T10:00:05.000Z', proven: true },
    };
    const lines = written(findingsOf(stamped));
    expect(lines.time).toBe('<2026-11-23T10:00:05.000Z> – patvirtintas patikimos laiko žymos (išdavė Bandomoji laiko žymų tarnyba)');
    expect(lines.certificate).toMatch(/^Galiojo laiko žymos metu/);
    const rogue = findingsOf({ ...stamped, timestamp: { ...stamped.timestamp!, trusted: false }, judgedAt: { time: '2026-12-04T10:00:00.000Z', proven: false }, certificateValid: 'expired', indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE', valid: false });
    expect(written(rogue).time).toMatch(/nepatikima tarnyba \(Bandomoji laiko žymų tarnyba\), laikas nepatvirtintas$/);
    expect(written(rogue).certificate).toMatch(/^Tikrinimo metu negalioja/);
    expect(rogue.find((f) => f.id === 'certificate')?.tone).toBe('warning');
    const broken = findingsOf({ ...stamped, timestamp: { ...stamped.timestamp!, intact: false } }).find((f) => f.id === 'time');
    expect(broken?.tone).toBe('problem');
  });

  it('FAILED after a change: each change named, an overlay called out, the problem named', () => {
    const bad: SignatureCheck = {
      ...GOOD,
      changes: [{ kind: 'signature', detail: '' }, { kind: 'undefined', detail: 'page content' }],
      overlaidPages: [0],
      after: 'changed',
      indication: 'FAILED',
      subIndication: 'FORMAT_FAILURE',
      valid: false,
    };
    expect(translate('lt', verdictOf(bad).key)).toBe('Parašas negalioja');
    const findings = findingsOf(bad);
    const lines = written(findings);
    expect(lines.after).toBe('Po pasirašymo: pridėtas kitas parašas; pakeistas dokumento turinys ar sandara');
    expect(lines.overlay).toBe('Po pasirašymo ant pasirašyto turinio nupiešta kita (puslapiai: 1)');
    expect(findings.filter((f) => f.tone === 'problem').map((f) => f.id)).toEqual(['after', 'overlay']);
    expect(written(findingsOf({ ...GOOD, changes: [{ kind: 'signature', detail: '' }], after: 'signedLater' })).after).toBe('Po pasirašymo: pridėtas kitas parašas');
  });

  it('without a certificate says the signer is unknown and leaves out the certificate lines', () => {
    const anonymous: SignatureCheck = { ...GOOD, signer: null, claimedTime: null, valid: false, intact: false, indication: 'FAILED', subIndication: 'FORMAT_FAILURE' };
    const findings = findingsOf(anonymous);
    expect(findings.map((f) => f.id)).toEqual(['signer', 'time', 'integrity', 'after']);
    expect(written(findings).time).toBe('Nenurodytas');
    // A broken signature never reads "unchanged after signing".
    expect(written(findings).after).toBe('Nenustatyta: pats parašas pažeistas, todėl nežinoma, kas pasirašyta');
    expect(written(findingsOf({ ...GOOD, intact: false, indication: 'FAILED', subIndication: 'HASH_FAILURE', valid: false })).after).toMatch(/^Nenustatyta/);
  });

  it('the document verdict', () => {
    expect(translate('lt', documentVerdictOf({ indication: 'TOTAL_PASSED' }).key)).toMatch(/^Dokumentas patikimas/);
    expect(documentVerdictOf({ indication: 'FAILED' }).tone).toBe('problem');
  });

  it('explains every code the back end names in both languages, and leaves an unknown problem to its code', () => {
    for (const code of SIGNATURE_PROBLEMS) expect(lt[problemKey(code)!], code).toBeTruthy();
    for (const code of INDICATIONS) expect([lt[`verify.indication.${code}`], en[`verify.document.${code}`]].every(Boolean), code).toBe(true);
    for (const code of SUB_INDICATIONS) expect(lt[`verify.sub.${code}`] && en[`verify.sub.${code}`], code).toBeTruthy();
    for (const kind of CHANGE_KINDS) expect(lt[`verify.change.${kind}`], kind).toBeTruthy();
    expect(problemKey('SOMETHING_NEW')).toBeNull();
  });
});
