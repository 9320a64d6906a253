import { describe, expect, it } from 'vitest';
import { PDF_LT_LEVELS, PDF_LT_REMARKS, PDF_LT_REQUIREMENTS } from '../../../shared/contract/pdfLtSchemas';
import { CHANGE_KINDS, INDICATIONS, PADES_LEVELS, QUALIFICATIONS, SUB_INDICATIONS } from '../../../shared/contract/verificationSchemas';
import { QUALIFICATION_REASONS } from '../../../shared/contract/verificationTexts';
import { en, lt } from '../../../renderer/i18n/messages';
import { translate, type Translate } from '../../../renderer/i18n/translate';
import { documentVerdictOf, pdfLtView, problemKey, signatureFindings, SIGNATURE_PROBLEMS, verdictOf, type Finding, type SignatureCheck } from '../../../renderer/documents/verificationModel';

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
const t: Translate = (key, params) => translate('lt', key, params);
const findingsOf = (check: SignatureCheck) => signatureFindings(check, iso, t);

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
      pades: 'PAdES B-B: parašas be laiko žymos',
      qualification: 'Pažangusis elektroninis parašas (AdES)',
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
    const anonymous: SignatureCheck = {
      ...GOOD,
      signer: null,
      claimedTime: null,
      valid: false,
      intact: false,
      indication: 'FAILED',
      subIndication: 'FORMAT_FAILURE',
      level: null,
      qualification: { kind: 'NOT_DETERMINED', reasons: ['notPassed'], service: null, list: null },
    };
    const findings = findingsOf(anonymous);
    expect(findings.map((f) => f.id)).toEqual(['signer', 'time', 'integrity', 'qualification', 'qualificationReasons', 'after']);
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
    for (const level of PADES_LEVELS) expect(lt[`verify.pades.${level}`] && en[`verify.pades.${level}`], level).toBeTruthy();
    for (const kind of QUALIFICATIONS) expect(lt[`verify.qualification.${kind}`] && en[`verify.qualification.${kind}`], kind).toBeTruthy();
    for (const code of QUALIFICATION_REASONS) expect(lt[`verify.qualification.reason.${code}`] && en[`verify.qualification.reason.${code}`], code).toBeTruthy();
    for (const code of PDF_LT_REQUIREMENTS) expect(lt[`verify.pdfLt.requirement.${code}`] && en[`verify.pdfLt.requirement.${code}`], code).toBeTruthy();
    for (const level of PDF_LT_LEVELS) expect(lt[`verify.pdfLt.level.${level}`] && en[`verify.pdfLt.level.${level}`], level).toBeTruthy();
    for (const remark of PDF_LT_REMARKS) expect(lt[`verify.pdfLt.remark.${remark}`] && en[`verify.pdfLt.remark.${remark}`], remark).toBeTruthy();
    expect(problemKey('SOMETHING_NEW')).toBeNull();
  });
});

describe('issue 18: the PAdES level and the kind of signature', () => {
  it('ETSI EN 319 142-1 §6: each PAdES level in words', () => {
    expect(PADES_LEVELS.map((level) => written(findingsOf({ ...GOOD, level })).pades)).toEqual([
      'PAdES B-B: parašas be laiko žymos',
      'PAdES B-T: parašas su laiko žyma',
      'PAdES B-LT: dokumente yra sertifikatų grandinė ir atšaukimo duomenys ilgalaikiam tikrinimui',
      'PAdES B-LTA: ilgalaikio tikrinimo duomenis saugo dokumento laiko žyma',
    ]);
  });

  it('eIDAS art. 25(2): a QES is named as such, with the qualified service and its list', () => {
    const qes: SignatureCheck = { ...GOOD, level: 'B-LTA', qualification: { kind: 'QES', reasons: [], service: 'Bandomoji kvalifikuota CA', list: 'LT #42' } };
    const findings = findingsOf(qes);
    expect(written(findings).qualification).toBe('Kvalifikuotas elektroninis parašas (QES) – sertifikatą išdavė kvalifikuota paslauga „Bandomoji kvalifikuota CA“ (sąrašas LT #42)');
    expect(findings.find((f) => f.id === 'qualification')?.tone).toBe('ok');
    expect(findings.some((f) => f.id === 'qualificationReasons')).toBe(false);
  });

  it('NOT_DETERMINED says it could not be determined and why, never more; an unknown reason is named by its code', () => {
    const unknown: SignatureCheck = { ...GOOD, qualification: { kind: 'NOT_DETERMINED', reasons: ['noTrustedList', 'somethingNew'], service: null, list: null } };
    const findings = findingsOf(unknown);
    expect(written(findings).qualification).toBe('Ar parašas kvalifikuotas, nustatyti nepavyko');
    expect(written(findings).qualificationReasons).toBe('neimportuotas nė vienas patikimų paslaugų sąrašas; kita priežastis (somethingNew)');
    expect(findings.filter((f) => f.id.startsWith('qualification')).map((f) => f.tone)).toEqual(['warning', 'warning']);
    const adesQc: SignatureCheck = { ...GOOD, qualification: { kind: 'ADES_QC', reasons: ['noQscd'], service: 'Bandomoji kvalifikuota CA', list: null } };
    expect(written(findingsOf(adesQc))).toMatchObject({
      qualification: 'Pažangusis elektroninis parašas su kvalifikuotu sertifikatu (AdES/QC) – sertifikatą išdavė kvalifikuota paslauga „Bandomoji kvalifikuota CA“ (sąrašas —)',
      qualificationReasons: 'nenurodyta, kad parašo raktas laikomas kvalifikuotame parašo kūrimo įtaise (QSCD)',
    });
  });

  it('a document timestamp has neither a PAdES level nor a kind of signature', () => {
    const ids = findingsOf({ ...GOOD, type: 'documentTimestamp', level: null, qualification: null }).map((f) => f.id);
    expect(ids.filter((id) => id === 'pades' || id.startsWith('qualification'))).toEqual([]);
  });
});

describe('issue 18: the PDF-LT-V1.0 section', () => {
  it('level A: the checked requirements met, PDF/A only declared — said in the level and as a remark; nothing unmet', () => {
    const view = pdfLtView({ level: 'A', claimed: true, unmet: [], remarks: ['PDFA_DECLARED_NOT_VALIDATED'] });
    expect([translate('lt', view.key), view.tone, view.claimedButShort, view.unmet]).toEqual(['Tikrinti PDF-LT-V1.0 A lygio reikalavimai įvykdyti (PDF/A atitiktis tik deklaruota, netikrinta)', 'ok', false, []]);
    expect(translate('en', view.key)).toBe('The checked requirements of PDF-LT-V1.0 level A are met (PDF/A declared, not validated)');
    expect(view.remarks.map((r) => translate('lt', r.key))).toEqual(['PDF/A-2 atitiktis nustatyta tik pagal metaduomenų deklaraciją (pdfaid:part): ar failas iš tiesų atitinka PDF/A-2, ši patikra netikrina.']);
  });

  it('ETSI EN 319 142-1 B-LTA: a document timestamp the check allows is named as one the reference verifier would refuse', () => {
    const view = pdfLtView({ level: 'A', claimed: true, unmet: [], remarks: ['DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE', 'PDFA_DECLARED_NOT_VALIDATED'] });
    expect(view.remarks.map((r) => r.code)).toEqual(['DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE', 'PDFA_DECLARED_NOT_VALIDATED']);
    expect(translate('en', view.remarks[0]!.key)).toBe(
      'The document has a document timestamp (PAdES B-LTA). PDF-LT-V1.0 admits long-term signatures (PAdES-LTV), so this check accepts it, but the PDF-LT verifier published for Registrų centras treats every signature field as a CAdES signature and would refuse such a document (BAD_SUBFILTER, BAD_REASON).',
    );
  });

  it('a file that claims PDF-LT but misses a level-B requirement: no level, each requirement in Lithuanian with its level and what was found', () => {
    const view = pdfLtView({
      level: 'none',
      claimed: true,
      unmet: [
        { code: 'PDF_VERSION', level: 'B', detail: '1.4' },
        { code: 'SIGNATURE_ROLE', level: 'A', detail: 'Parašas1' },
      ],
      remarks: [],
    });
    expect(translate('lt', view.key)).toBe('Neatitinka PDF-LT-V1.0');
    expect(view.claimedButShort).toBe(true);
    expect(view.unmet.map((u) => [translate('lt', u.key), u.level, u.detail])).toEqual([
      ['Failas nėra PDF 1.7 versijos.', 'B', '1.4'],
      ['Parašo žodyne nėra pasirašiusiojo pareigų (LTUd_Role).', 'A', 'Parašas1'],
    ]);
  });

  it('a file that could not be read: "could not be checked", with the reason', () => {
    const view = pdfLtView({ level: 'notChecked', claimed: false, unmet: [{ code: 'UNREADABLE', level: 'B', detail: 'more than 200000 objects to read' }], remarks: [] });
    expect(translate('lt', view.key)).toBe('Atitikties PDF-LT-V1.0 patikrinti nepavyko');
    expect(view.tone).toBe('warning');
    expect(view.unmet.map((u) => [translate('en', u.key), u.detail])).toEqual([["The file could not be read far enough to check it: it is damaged or beyond the check’s limits.", 'more than 200000 objects to read']]);
  });
});
