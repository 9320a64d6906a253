import { describe, expect, it } from 'vitest';
import type { CertificateClaims } from '../../../electron/services/trust/certificateClaims';
import { criteriaMet } from '../../../electron/services/trust/qualified';
import type { CriteriaList } from '../../../electron/services/trust/trustedList';

/**
 * Issue 18: whether a trusted list's qualifier applies to a certificate (ETSI TS 119 612 §5.5.9.2.2,
 * CriteriaList with assert all / atLeastOne / none over KeyUsage, PolicySet, nested lists and the
 * other criteria). A criterion the app cannot evaluate leaves the answer unknown unless the others
 * decide it: the qualification is then not determined, never guessed.
 */

const QCP_N_QSCD = '0.4.0.194112.1.2';
const claims: CertificateClaims = {
  qcCompliance: true,
  qcSscd: true,
  qcTypes: [],
  policies: [QCP_N_QSCD],
  keyUsage: ['digitalSignature', 'nonRepudiation'],
  extendedKeyUsage: ['1.3.6.1.5.5.7.3.4'],
  subjectAttributes: ['2.5.4.6', '2.5.4.5', '2.5.4.3'],
};
const list = (assert: CriteriaList['assert'], parts: Partial<CriteriaList> = {}): CriteriaList => ({
  assert,
  keyUsage: [],
  policySets: [],
  extendedKeyUsage: [],
  subjectAttributes: [],
  lists: [],
  unknown: [],
  ...parts,
});

describe('TS 119 612 §5.5.9.2.2 criteria of a qualifier (issue 18)', () => {
  it('all, atLeastOne and none over key usage bits and policy sets', () => {
    const nonRepudiation = { keyUsage: [{ nonRepudiation: true }] };
    const keyCertSign = { keyUsage: [{ keyCertSign: true }] };
    expect(criteriaMet(list('all', { ...nonRepudiation, policySets: [[QCP_N_QSCD]] }), claims)).toBe(true);
    expect(criteriaMet(list('all', { ...keyCertSign, policySets: [[QCP_N_QSCD]] }), claims)).toBe(false);
    expect(criteriaMet(list('atLeastOne', { keyUsage: [{ keyCertSign: true }, { nonRepudiation: true }] }), claims)).toBe(true);
    expect(criteriaMet(list('none', keyCertSign), claims)).toBe(true);
    expect(criteriaMet(list('none', nonRepudiation), claims)).toBe(false);
    // A bit that must be clear, and a policy set that needs every policy in it.
    expect(criteriaMet(list('all', { keyUsage: [{ digitalSignature: true, keyEncipherment: false }] }), claims)).toBe(true);
    expect(criteriaMet(list('all', { policySets: [[QCP_N_QSCD, '0.4.0.194112.1.0']] }), claims)).toBe(false);
  });

  it('nested lists, extended key usage and subject attributes are evaluated', () => {
    const inner = list('atLeastOne', { extendedKeyUsage: [['1.3.6.1.5.5.7.3.4']], subjectAttributes: [['2.5.4.97']] });
    expect(criteriaMet(list('all', { lists: [inner], subjectAttributes: [['2.5.4.5']] }), claims)).toBe(true);
    expect(criteriaMet(list('all', { subjectAttributes: [['2.5.4.97']] }), claims)).toBe(false);
  });

  it('an unknown criterion or key usage bit leaves the answer unknown unless the rest decide it', () => {
    const unknown = { unknown: ['CertificateRevealsItsAge'] };
    expect(criteriaMet(list('all', unknown), claims)).toBe('unknown');
    expect(criteriaMet(list('all', { ...unknown, keyUsage: [{ keyCertSign: true }] }), claims)).toBe(false);
    expect(criteriaMet(list('atLeastOne', { ...unknown, keyUsage: [{ nonRepudiation: true }] }), claims)).toBe(true);
    expect(criteriaMet(list('none', unknown), claims)).toBe('unknown');
    expect(criteriaMet(list('all', { keyUsage: [{ someFutureBit: true }] }), claims)).toBe('unknown');
  });
});
