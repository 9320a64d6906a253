import { describe, expect, it } from 'vitest';
import { personalFileKey } from '../../../shared/domain/personalFile';

describe('personal file numbers identify a convict across requests (V-77 p. 19)', () => {
  it('ignore letter case and spacing', () => {
    expect(personalFileKey(' a-1001 ')).toBe('A-1001');
    expect(personalFileKey('A - 1001')).toBe(personalFileKey('a-1001'));
    expect(personalFileKey('ž-12')).toBe('Ž-12');
  });

  it('keep different numbers apart', () => {
    expect(personalFileKey('A-1001')).not.toBe(personalFileKey('A-1010'));
    expect(personalFileKey('A-1001')).not.toBe(personalFileKey('A1001'));
  });
});
