// Issue 15: what the archivist reads on a terminal — the progress bar and a package's report.
import { describe, expect, it } from 'vitest';
import { formatInspection, progressLine } from '../../../electron/cli/archiveCommands';
import type { PackageInspection } from '../../../shared/contract/archiveSchemas';

const REPORT: PackageInspection = {
  fileName: 'byla.zip',
  sha256: 'a'.repeat(64),
  bytes: 1234,
  intact: true,
  importable: true,
  kind: 'case',
  schemaVersion: 1,
  caseId: 'c0ffee00-0000-4000-8000-000000000001',
  convict: { firstName: 'Žydrūnas', lastName: 'Čepulis', personalFileNo: 'A-1001' },
  institution: 'Pravieniškių pataisos namai-atviroji kolonija',
  exportedAt: '2026-11-23T10:00:00.000Z',
  exportedBy: 'Dalia Archyvarė',
  exists: false,
  counts: { dossierDocuments: 11, generatedDocuments: 3, acts: 0, payloadFiles: 20, payloadBytes: 1000 },
  problems: [],
  signatures: [{ path: 'data/documents/01-V-1-v2.pdf', title: 'V-1 Įsakymas (v2)', indication: 'TOTAL_PASSED', signatures: [{ indication: 'TOTAL_PASSED', subIndication: null, signer: 'Rūta Žemaitienė' }] }],
  auditProof: 'valid',
  auditTrail: 'confirmed',
};

describe('the command line of the archivist (issue 15)', () => {
  it('draws a progress bar of 30 cells with the share done', () => {
    expect(progressLine(0, 12, 'bylos')).toBe(`\r[${'·'.repeat(30)}]   0 % bylos`);
    expect(progressLine(3, 12, 'bylos')).toBe(`\r[${'#'.repeat(8)}${'·'.repeat(22)}]  25 % bylos`);
    expect(progressLine(12, 12, 'bylos')).toBe(`\r[${'#'.repeat(30)}] 100 % bylos`);
    // Nothing known yet (no total): an empty bar, never a division by zero.
    expect(progressLine(5, 0, 'bylos')).toContain('  0 %');
  });

  it('reports an intact package with its signatures and the audit proof confirmed by the trail', () => {
    const text = formatInspection(REPORT);
    expect(text).toContain('Paketas vientisas');
    expect(text).toContain('V-1 Įsakymas (v2): TOTAL_PASSED [TOTAL_PASSED Rūta Žemaitienė]');
    expect(text).toContain('Audito įrodymas: galioja; patvirtintas šios įstaigos žurnalu');
  });

  it('says a self-consistent proof proves nothing without the trail, and names every problem in Lithuanian', () => {
    const text = formatInspection({
      ...REPORT,
      intact: false,
      importable: false,
      auditTrail: 'notChecked',
      problems: [{ code: 'PACKAGE_HASH_MISMATCH', path: 'data/case.json', expected: 'a'.repeat(64), found: 'b'.repeat(64) }, { code: 'NEZINOMAS' }],
    });
    expect(text).toContain('savaime nuoseklus (įrodo tik kartu su įstaigos audito žurnalu: --data)');
    expect(text).toContain('Paketas NEVIENTISAS');
    expect(text).toMatch(/Problema PACKAGE_HASH_MISMATCH: .*data\/case\.json/);
    expect(text).toContain('Problema NEZINOMAS');
  });
});
