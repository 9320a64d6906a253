// Issue 18: what `npm run cli -- verify` prints of a signature's PAdES level and kind, and of the
// file's PDF-LT-V1.0 check — in Lithuanian, each requirement not met with its level and what was found.
import { describe, expect, it } from 'vitest';
import { exitCodeOf, formatReport } from '../../../electron/cli/verifyCommand';
import type { VerificationReport } from '../../../shared/contract/verificationSchemas';

type Signature = VerificationReport['signatures'][number];

const SIGNATURE: Signature = {
  type: 'signature',
  name: 'Rūta Žemaitienė',
  signer: {
    subject: 'C=LT, CN=Rūta Žemaitienė',
    commonName: 'Rūta Žemaitienė',
    issuer: 'C=LT, CN=Bandomoji kvalifikuota CA',
    serialNumber: '0b',
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2028-01-01T00:00:00.000Z',
  },
  byteRange: [0, 100, 200, 300],
  claimedTime: '2026-11-23T10:00:00.000Z',
  timestamp: { time: '2026-11-23T10:00:02.000Z', authority: 'Bandomoji laiko žymų tarnyba', intact: true, trusted: true },
  judgedAt: { time: '2026-11-23T10:00:02.000Z', proven: true },
  intact: true,
  problems: [],
  certificateValid: 'valid',
  trusted: true,
  revocation: { status: 'good', checkedAt: '2026-11-23T10:00:00.000Z', source: 'CN=Bandomoji kvalifikuota CA' },
  changes: [],
  overlaidPages: [],
  after: 'unchanged',
  indication: 'TOTAL_PASSED',
  subIndication: null,
  valid: true,
  subFilter: 'ETSI.CAdES.detached',
  level: 'B-LTA',
  qualification: { kind: 'QES', reasons: [], service: 'Bandomoji kvalifikuota CA', list: 'LT #42' },
};

const REPORT: VerificationReport = {
  name: 'V-1.pdf',
  size: 12345,
  sha256: 'a'.repeat(64),
  indication: 'TOTAL_PASSED',
  changedOtherwise: false,
  trustConfigured: true,
  signatures: [SIGNATURE],
  pdfLt: { level: 'A', claimed: true, unmet: [], remarks: ['DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE', 'PDFA_DECLARED_NOT_VALIDATED'] },
  known: null,
};

describe('cli verify: the PAdES level, the kind of signature and the PDF-LT section (issue 18)', () => {
  it('a QES at B-LTA in a level-A document: the level, the qualified service and its list, the checked level-A requirements met, and the remarks', () => {
    const text = formatReport(REPORT);
    expect(text).toContain('\n  PAdES B-LTA: ilgalaikio tikrinimo duomenis saugo dokumento laiko žyma\n');
    expect(text).toContain('\n  Parašo rūšis: Kvalifikuotas elektroninis parašas (QES) – sertifikatą išdavė kvalifikuota paslauga „Bandomoji kvalifikuota CA“ (sąrašas LT #42)\n');
    expect(text).not.toContain('Kodėl:');
    // PDF-LT-V1.0 admits PAdES-LTV; the reference verifier would refuse the document timestamp, and PDF/A-2 is only declared.
    expect(text.slice(text.indexOf('\nPDF-LT:'))).toBe(
      [
        '',
        'PDF-LT: A – Tikrinti PDF-LT-V1.0 A lygio reikalavimai įvykdyti (PDF/A atitiktis tik deklaruota, netikrinta)',
        '  Pastabos:',
        '  - DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE: Dokumente yra dokumento laiko žyma (PAdES B-LTA). PDF-LT-V1.0 leidžia ilgalaikius parašus (PAdES-LTV), todėl ši patikra ją priima, tačiau Registrų centrui paskelbtas PDF-LT tikrintuvas kiekvieną parašo lauką laiko CAdES parašu ir tokį dokumentą atmestų (BAD_SUBFILTER, BAD_REASON).',
        '  - PDFA_DECLARED_NOT_VALIDATED: PDF/A-2 atitiktis nustatyta tik pagal metaduomenų deklaraciją (pdfaid:part): ar failas iš tiesų atitinka PDF/A-2, ši patikra netikrina.',
        '',
      ].join('\n'),
    );
  });

  it('NOT_DETERMINED says it could not be determined, and why (an unknown reason by its code)', () => {
    const text = formatReport({ ...REPORT, signatures: [{ ...SIGNATURE, level: 'B-T', qualification: { kind: 'NOT_DETERMINED', reasons: ['noTrustedList', 'somethingNew'], service: null, list: null } }] });
    expect(text).toContain('\n  PAdES B-T: parašas su laiko žyma\n');
    expect(text).toContain('\n  Parašo rūšis: Ar parašas kvalifikuotas, nustatyti nepavyko\n  Kodėl: neimportuotas nė vienas patikimų paslaugų sąrašas; kita priežastis (somethingNew)\n');
  });

  it('a document that claims PDF-LT and misses requirements: no level, each requirement with its level, what was found, in Lithuanian', () => {
    const text = formatReport({
      ...REPORT,
      pdfLt: {
        level: 'none',
        claimed: true,
        unmet: [
          { code: 'PDF_VERSION', level: 'B', detail: '1.4' },
          { code: 'NOT_PDFA2', level: 'B', detail: 'pdfaid:part 1' },
          { code: 'EXTENSIONS_LTUD', level: 'A' },
        ],
        remarks: [],
      },
    });
    expect(text.slice(text.indexOf('\nPDF-LT:'))).toBe(
      [
        '',
        'PDF-LT: none – Neatitinka PDF-LT-V1.0',
        '  Dokumentas nurodo, kad jis atitinka PDF-LT, tačiau ne visi reikalavimai įvykdyti.',
        '  Neįvykdyti reikalavimai:',
        '  - PDF_VERSION (B lygis; 1.4): Failas nėra PDF 1.7 versijos.',
        '  - NOT_PDFA2 (B lygis; pdfaid:part 1): Metaduomenys nenurodo PDF/A-2 ar vėlesnės PDF/A dalies (pdfaid:part).',
        '  - EXTENSIONS_LTUD (A lygis): Dokumento kataloge nėra PDF-LT plėtinio įrašo (/Extensions /LTUd su /BaseVersion 1.7 ir /ExtensionLevel 1).',
        '',
      ].join('\n'),
    );
    // The PDF-LT level says what format the file is in, not whether it can be relied on: the exit code is the signatures'.
    expect(exitCodeOf({ ...REPORT, pdfLt: { level: 'none', claimed: false, unmet: [{ code: 'PDF_VERSION', level: 'B' }], remarks: [] } })).toBe(0);
  });

  it('a file that could not be read: "could not be checked" and the reason', () => {
    const text = formatReport({ ...REPORT, pdfLt: { level: 'notChecked', claimed: false, unmet: [{ code: 'UNREADABLE', level: 'B', detail: 'more than 200000 objects to read' }], remarks: [] } });
    expect(text).toContain('PDF-LT: notChecked – Atitikties PDF-LT-V1.0 patikrinti nepavyko\n  Neįvykdyti reikalavimai:\n  - UNREADABLE (B lygis; more than 200000 objects to read): Failo nepavyko perskaityti');
  });

  it('a document timestamp has no PAdES level or kind lines', () => {
    const text = formatReport({ ...REPORT, signatures: [{ ...SIGNATURE, type: 'documentTimestamp', level: null, qualification: null }] });
    expect(text).toContain('Dokumento laiko žyma 1: TOTAL_PASSED');
    expect(text.slice(0, text.indexOf('\nPDF-LT:'))).not.toMatch(/PAdES B-|Parašo rūšis/);
  });
});
