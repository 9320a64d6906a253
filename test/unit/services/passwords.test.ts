import { describe, expect, it } from 'vitest';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from '../../../electron/services/users/passwords';

describe('passwords are stored only as salted slow hashes (users-and-roles issue)', () => {
  it('hashes with scrypt and a fresh salt, and verifies', async () => {
    const a = await hashPassword('Slaptažodis-ąčę-1');
    const b = await hashPassword('Slaptažodis-ąčę-1');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Slaptažodis');
    expect(await verifyPassword('Slaptažodis-ąčę-1', a)).toBe(true);
    expect(await verifyPassword('Slaptažodis-ąčę-2', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('matches nothing with the stand-in hash used for unknown user names', async () => {
    expect(await verifyPassword('anything', UNMATCHABLE_HASH)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});
