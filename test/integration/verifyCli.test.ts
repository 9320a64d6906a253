import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdfLt } from '../../electron/services/pdf/pdfLtCheck';
import { DOCUMENT_TIMESTAMP, ltPdf, SIGNATURE } from '../helpers/pdfLtFiles';
import { testPki, workDir } from '../helpers/pki';
import { flipped, makeCrl, signedOrder } from '../helpers/verificationPki';

/**
 * Issue 12: `npm run cli -- verify FILE.pdf [--trust CA.pem]... [--json]` gives the same verdict as the
 * app and exits 0 only when every signature is TOTAL_PASSED and nothing else changed the file.
 */

const dir = workDir('verify-cli');
const file = (name: string) => join(dir, name);

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'verify', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(async () => {
  const pki = testPki();
  const signed = await signedOrder();
  writeFileSync(file('signed.pdf'), signed);
  writeFileSync(file('tampered.pdf'), flipped(signed, signed.indexOf('/Producer', 0, 'latin1') + 12));
  writeFileSync(file('not.pdf'), 'Tai ne PDF');
  writeFileSync(file('revoked.crl'), makeCrl({ issuer: 'ca', revoked: [{ certPath: pki.rsa.certPath, at: new Date(Date.now() - 3600_000) }] }));
  writeFileSync(file('pdflt-a.pdf'), ltPdf({ signatures: [] }));
  writeFileSync(file('pdflt-lta.pdf'), ltPdf({ signatures: [SIGNATURE, DOCUMENT_TIMESTAMP] }));
  writeFileSync(file('pdflt-short.pdf'), ltPdf({ header: '1.4', signatures: [{ ...SIGNATURE, LTUd_Role: undefined }] }));
});

describe('cli verify', () => {
  it('exit 0 and TOTAL_PASSED for an intact signature whose CA is trusted, in Lithuanian', () => {
    const { code, out } = cli(file('signed.pdf'), '--trust', testPki().ca.certPath);
    expect(out).toContain('Parašas 1: TOTAL_PASSED – Parašas galioja');
    expect(out).toContain('Dokumentas: TOTAL_PASSED');
    expect(out).toContain('Atšaukimas: netikrinta: atšauktų sertifikatų sąrašo nėra');
    expect(code).toBe(0);
  });

  it('exit 1 and INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND with no trusted roots', () => {
    const { code, out } = cli(file('signed.pdf'));
    expect(out).toContain('Parašas 1: INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND');
    expect(out).toContain('Patikimi šakniniai sertifikatai nenurodyti');
    expect(code).toBe(1);
  });

  it('--json gives the report the app shows; a changed byte is FAILED / HASH_FAILURE', () => {
    const { code, out } = cli(file('tampered.pdf'), '--trust', testPki().ca.certPath, '--json');
    const report = JSON.parse(out) as { indication: string; signatures: { indication: string; subIndication: string }[] };
    expect(report.indication).toBe('FAILED');
    expect(report.signatures.map((s) => [s.indication, s.subIndication])).toEqual([['FAILED', 'HASH_FAILURE']]);
    expect(code).toBe(1);
  });

  it('a revocation list that lists the certificate: INDETERMINATE / REVOKED_NO_POE without a timestamp', () => {
    const { code, out } = cli(file('signed.pdf'), '--trust', testPki().ca.certPath, '--crl', file('revoked.crl'));
    expect(out).toContain('REVOKED_NO_POE');
    expect(out).toContain('Atšaukimas: ATŠAUKTAS');
    expect(code).toBe(1);
  });

  it('issue 18: the PDF-LT-V1.0 section: the level, and each requirement not met in Lithuanian with its level; --json carries it as the check gives it', () => {
    expect(cli(file('pdflt-a.pdf')).out).toContain(
      '\nPDF-LT: A – Tikrinti PDF-LT-V1.0 A lygio reikalavimai įvykdyti (PDF/A atitiktis tik deklaruota, netikrinta)\n  Pastabos:\n  - PDFA_DECLARED_NOT_VALIDATED: PDF/A-2 atitiktis nustatyta tik pagal metaduomenų deklaraciją',
    );
    // ETSI EN 319 142-1 B-LTA: PDF-LT-V1.0 admits the document timestamp; the reference verifier would not, and the report says so.
    const lta = cli(file('pdflt-lta.pdf'));
    expect(lta.out).toContain('\n  - DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE: Dokumente yra dokumento laiko žyma (PAdES B-LTA).');
    expect((JSON.parse(cli(file('pdflt-lta.pdf'), '--json').out) as { pdfLt: unknown }).pdfLt).toEqual({
      level: 'A',
      claimed: true,
      unmet: [],
      remarks: ['DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE', 'PDFA_DECLARED_NOT_VALIDATED'],
    });
    const short = cli(file('pdflt-short.pdf')).out;
    expect(short).toContain('\nPDF-LT: none – Neatitinka PDF-LT-V1.0\n');
    expect(short).toContain('\n  - PDF_VERSION (B lygis; 1.4): Failas nėra PDF 1.7 versijos.\n');
    expect(short).toContain('\n  - SIGNATURE_ROLE (A lygis; Parašas1): Parašo žodyne nėra pasirašiusiojo pareigų (LTUd_Role).\n');
    const json = JSON.parse(cli(file('pdflt-short.pdf'), '--json').out) as { pdfLt: unknown };
    expect(json.pdfLt).toEqual(checkPdfLt(readFileSync(file('pdflt-short.pdf'))));
    expect(json.pdfLt).toMatchObject({ level: 'none', claimed: true });
  });

  it('exit 2 with the reason for a file that is not a PDF, a missing file and a wrong option', () => {
    const notPdf = cli(file('not.pdf'));
    expect([notPdf.code, notPdf.err]).toEqual([2, expect.stringContaining('Klaida PDF_UNREADABLE')]);
    const missing = cli(file('nėra.pdf'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('Klaida FILE_UNREADABLE')]);
    const option = cli(file('signed.pdf'), '--trust');
    expect([option.code, option.err]).toEqual([2, expect.stringContaining('Klaida CLI_ARGUMENT')]);
  });
});
