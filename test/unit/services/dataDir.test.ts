import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../electron/services/dataDir';

describe('where the data lives', () => {
  it('takes --data DIR first, then --data=DIR, then PUSIAUKELE_DATA', () => {
    const env = { PUSIAUKELE_DATA: '/srv/env-data' };
    expect(resolveDataDir(['electron', '.', '--', '--data', 'demo'], env)).toBe(resolve('demo'));
    expect(resolveDataDir(['--data=/srv/x'], env)).toBe('/srv/x');
    expect(resolveDataDir(['--other'], env)).toBe('/srv/env-data');
  });

  it('refuses --data without a directory instead of silently using another folder', () => {
    for (const argv of [['--data'], ['--data', '--port', '1'], ['--data=']]) {
      expect(() => resolveDataDir(argv, {})).toThrow(expect.objectContaining({ code: 'DATA_DIR_MISSING' }));
    }
  });

  it("falls back to the OS's per-user application data folder", () => {
    expect(resolveDataDir([], { APPDATA: 'C:\\Users\\ona\\AppData\\Roaming' })).toBe(defaultDataDir({ APPDATA: 'C:\\Users\\ona\\AppData\\Roaming' }));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ona\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\ona\\AppData\\Roaming', 'Pusiaukele', 'data'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Pusiaukele', 'data'));
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.local', 'share', 'Pusiaukele', 'data'));
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe('/x/Pusiaukele/data');
  });
});
