import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReport, parseVerifyArguments, verifyFile } from '../../electron/cli/verifyCommand';
import { workDir } from '../helpers/pki';
import { qualifiedCa, qualifiedSigner, signTrustedList, testOperator, trustedListXml } from '../helpers/trustedLists';
import { fileSigner, signedOrder } from '../helpers/verificationPki';

/**
 * Issue 18, "Trust from the trusted lists", on the command line: `verify --trusted-list TL.xml
 * --list-operator OPERATOR.pem` checks the list against its operator's certificate as the app's import
 * does, trusts its granted CA/QC services and reports a signature by a qualified certificate on a
 * QSCD under one as a QES (eIDAS art. 25(2)); a list signed by someone else is refused, not used.
 */

const dir = workDir('verify-cli-tsl');
const file = (name: string) => join(dir, name);
const operator = testOperator();
const stranger = testOperator('Kitas sąrašo tvarkytojas');
const service = { name: 'Bandomoji kvalifikuotų sertifikatų tarnyba', certificate: qualifiedCa().certificate };

beforeAll(async () => {
  writeFileSync(file('qes.pdf'), await signedOrder({ signer: fileSigner(qualifiedSigner('Rūta Kvalifikuotienė')) }));
  writeFileSync(file('LT-TSL.xml'), signTrustedList(trustedListXml({ services: [service] }), operator));
  writeFileSync(file('stranger-TSL.xml'), signTrustedList(trustedListXml({ services: [service] }), stranger));
});

const args = (...rest: string[]) => parseVerifyArguments([file('qes.pdf'), ...rest]);

describe('cli verify with a trusted list (issue 18)', () => {
  it('without a list the qualified signature is not trusted and its kind not determined', () => {
    const [s] = verifyFile(args()).signatures;
    expect(s).toMatchObject({ indication: 'INDETERMINATE', qualification: { kind: 'NOT_DETERMINED' } });
  });

  it('with the list and its operator the signature passes and is a QES, said in Lithuanian', () => {
    const report = verifyFile(args('--trusted-list', file('LT-TSL.xml'), '--list-operator', operator.certPath));
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signatures[0]?.qualification).toMatchObject({ kind: 'QES', service: service.name });
    expect(formatReport(report)).toContain('Parašo rūšis: Kvalifikuotas elektroninis parašas');
  });

  it('a list whose signature is not its operator\'s is refused, not used', () => {
    expect(() => verifyFile(args('--trusted-list', file('stranger-TSL.xml'), '--list-operator', operator.certPath))).toThrow(expect.objectContaining({ code: expect.stringMatching(/^TRUSTED_LIST_(SIGNED_BY_OTHER|SIGNATURE_INVALID)$/) }));
  });

  it('a list without its operator certificate is an argument error', () => {
    expect(() => args('--trusted-list', file('LT-TSL.xml'))).toThrow(expect.objectContaining({ code: 'CLI_ARGUMENT', params: { why: 'listWithoutOperator' } }));
  });
});
