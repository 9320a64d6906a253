import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../../../electron/cli/demoData';
import { DEFAULT_PREFIXES, prefixOf, registerSettings } from '../../../../shared/contract/documentSchemas';
import { savedSettings } from '../../../../shared/contract/schemas';
import { DOCUMENT_KINDS } from '../../../../shared/domain/documents/documentModel';

/**
 * Issue 14 added two kinds (the p. 47 notice and the notice to the municipality). The register's
 * prefixes are a partial record, so that settings saved before (a prefix for each of the nine kinds
 * then known) still load, and a kind without a prefix takes the default one.
 */

/** The prefixes as the register kept them before issue 14 added the notices. */
const NINE = { minutes: 'DK', proposal: 'DKS', order: 'V', declineDecision: 'SP', submission: 'T', letter: 'S', list: 'SR', returnSubmission: 'PT', returnDecision: 'SP' } as const;

describe('the register’s prefixes (DESIGN §1)', () => {
  it('a register saved with the nine earlier prefixes still loads, in the settings as stored', () => {
    const register = { place: 'Pravieniškės', director: { name: 'Rūta Žemaitienė', position: 'Direktorė' }, prefixes: NINE };
    expect(registerSettings.parse(register).prefixes).toEqual(NINE);
    const stored = savedSettings.parse({ ...DEMO_SETTINGS, revision: 7, register });
    expect(stored.register?.prefixes).toEqual(NINE);
  });

  it('a kind without a prefix takes the default one: the notices are numbered with the outgoing letters (S)', () => {
    const register = registerSettings.parse({ place: 'Pravieniškės', director: { name: 'Rūta Žemaitienė', position: 'Direktorė' }, prefixes: { ...NINE, letter: 'RS' } });
    expect(prefixOf(register, 'p47Notice')).toBe('S');
    expect(prefixOf(register, 'municipalityNotice')).toBe('S');
    expect(prefixOf(register, 'letter')).toBe('RS');
    expect(DEFAULT_PREFIXES.p47Notice).toBe(DEFAULT_PREFIXES.letter);
    expect(DEFAULT_PREFIXES.municipalityNotice).toBe(DEFAULT_PREFIXES.letter);
  });

  it('every kind has a default prefix; a prefix given is still checked, and an unknown kind is refused', () => {
    expect(Object.keys(DEFAULT_PREFIXES).sort()).toEqual([...DOCUMENT_KINDS].sort());
    const base = { place: 'Pravieniškės', director: { name: 'Rūta Žemaitienė', position: 'Direktorė' } };
    expect(registerSettings.safeParse({ ...base, prefixes: { ...NINE, p47Notice: 'S 1' } }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['prefixes.p47Notice', 'prefix']]);
    expect(registerSettings.safeParse({ ...base, prefixes: { ...NINE, notice: 'PR' } }).success).toBe(false);
    expect(registerSettings.parse({ ...base, prefixes: { ...NINE, p47Notice: 'PR', municipalityNotice: 'SAV' } }).prefixes).toMatchObject({ p47Notice: 'PR', municipalityNotice: 'SAV' });
  });
});
