import { describe, expect, it } from 'vitest';
import { fileSize, kindAndSize, megabytes } from '../../../renderer/dossier/upload';

const MB = 1024 * 1024;

describe('issue 17: file sizes are written with the language’s decimal mark', () => {
  it('Lithuanian with a decimal comma ("1,5 MB"), English with a point ("1.5 MB")', () => {
    expect(fileSize(1.5 * MB, 'lt')).toBe('1,5 MB');
    expect(fileSize(1.5 * MB, 'en')).toBe('1.5 MB');
    expect(kindAndSize('pdf', 2.25 * MB, 'lt')).toBe('PDF, 2,3 MB');
    expect(kindAndSize('jpeg', 2.25 * MB, 'en')).toBe('JPEG, 2.3 MB');
  });

  it('a file under 1 MB in KB, never "0 MB"', () => {
    expect(fileSize(430 * 1024, 'lt')).toBe('430 KB');
    expect(fileSize(200, 'en')).toBe('1 KB');
  });

  it('the upload limit in the "too large" message: "52,4" and a whole "50" without decimals', () => {
    expect(megabytes(52.43 * MB, 'lt')).toBe('52,4');
    expect(megabytes(52.43 * MB, 'en')).toBe('52.4');
    expect(megabytes(50 * MB, 'lt')).toBe('50');
  });
});
