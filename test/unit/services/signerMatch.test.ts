import { describe, expect, it } from 'vitest';
import { certificateHolder, holderMatches, nameWords, personalCodeOf } from '../../../electron/services/documents/signerMatch';
import { namedSigner, testPki } from '../../helpers/pki';

/**
 * Issue 12, "The right person signs each line": a certificate's holder against the official a line
 * names. By personal code when the official has one (qualified certificates carry it in the subject's
 * serialNumber, "PNOLT-…"), else by name: case and spaces do not matter, the order of given name and
 * surname does not matter, Lithuanian letters do. Real certificates from the test CA.
 */

describe('the personal code in a certificate (ETSI EN 319 412-1 §5.1.3)', () => {
  it('reads "PNOLT-<code>" and a plain 11-digit code, nothing else', () => {
    expect(personalCodeOf('PNOLT-38001010000')).toBe('38001010000');
    expect(personalCodeOf('38001010000')).toBe('38001010000');
    expect(personalCodeOf('PASLT-38001010000')).toBeNull();
    expect(personalCodeOf('PNOLT-3800101000')).toBeNull();
    expect(personalCodeOf('IDCLT-AB1234567')).toBeNull();
  });

  it('is found in a real certificate, with the name from commonName and from givenName + surname', () => {
    const holder = certificateHolder(namedSigner({ name: 'Rūta Žemaitienė', personalCode: '48001010001', nameParts: true }).certificate);
    expect(holder).toEqual({ name: 'Rūta Žemaitienė', names: ['Rūta Žemaitienė', 'Rūta Žemaitienė'], personalCode: '48001010001' });
  });
});

describe('matching the holder to the official', () => {
  const ruta = certificateHolder(namedSigner({ name: 'Rūta Žemaitienė', personalCode: '48001010001' }).certificate);
  const noCode = certificateHolder(namedSigner({ name: 'Rūta Žemaitienė' }).certificate);

  it('by personal code when the official has one: the same name without the code is not enough', () => {
    expect(holderMatches(ruta, { name: 'Rūta Žemaitienė', personalCode: '48001010001' })).toBe(true);
    expect(holderMatches(ruta, { name: 'Kažkas Kitas', personalCode: '48001010001' })).toBe(true);
    expect(holderMatches(ruta, { name: 'Rūta Žemaitienė', personalCode: '48001010002' })).toBe(false);
    expect(holderMatches(noCode, { name: 'Rūta Žemaitienė', personalCode: '48001010001' })).toBe(false);
  });

  it('by name otherwise: case, spaces and order do not matter', () => {
    expect(holderMatches(noCode, { name: 'Rūta Žemaitienė' })).toBe(true);
    expect(holderMatches(noCode, { name: '  RŪTA   ŽEMAITIENĖ ' })).toBe(true);
    expect(holderMatches(noCode, { name: 'Žemaitienė Rūta' })).toBe(true);
    expect(holderMatches(ruta, { name: 'Rūta Žemaitienė', personalCode: '' })).toBe(true);
  });

  it('Lithuanian letters must match exactly, and every word counts', () => {
    expect(holderMatches(noCode, { name: 'Ruta Zemaitiene' })).toBe(false);
    expect(holderMatches(noCode, { name: 'Rūta' })).toBe(false);
    expect(holderMatches(noCode, { name: 'Rūta Marija Žemaitienė' })).toBe(false);
    expect(nameWords('Ąžuolas  ŽĖKAS')).toEqual(['ąžuolas', 'žėkas']);
  });

  it('reads names in UTF8String and BMPString (the test PKI writes both)', () => {
    const pki = testPki();
    expect(holderMatches(certificateHolder(pki.rsa.certificate), { name: 'Ąžuolas Žėkas' })).toBe(true);
    expect(holderMatches(certificateHolder(pki.ecdsa.certificate), { name: 'Eglė Šimkutė' })).toBe(true);
    expect(holderMatches(certificateHolder(pki.ecdsa.certificate), { name: 'Ąžuolas Žėkas' })).toBe(false);
  });
});
