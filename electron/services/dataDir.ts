import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DomainError } from '../../shared/domain/errors';

/** The per-user application-data folder of the operating system, shared by all three hosts. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_DATA_HOME ?? join(home, '.local', 'share'));
  return join(base, 'Pusiaukele', 'data');
}

/**
 * Where the data lives: `--data DIR` (or `--data=DIR`) wins, then PUSIAUKELE_DATA, then the OS's
 * per-user app-data folder. A `--data` without a directory is refused rather than ignored.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--data' ? argv[i + 1] : arg.startsWith('--data=') ? arg.slice('--data='.length) : undefined;
    if (value === undefined && arg !== '--data') continue;
    if (!value || value.startsWith('--')) {
      throw new DomainError('DATA_DIR_MISSING');
    }
    return resolve(value);
  }
  if (env.PUSIAUKELE_DATA) return resolve(env.PUSIAUKELE_DATA);
  return defaultDataDir(env);
}

/**
 * Issue 16: where this user keeps the workstation's integrity witnesses (store/witness.ts):
 * PUSIAUKELE_WITNESS_DIR, else beside the default data folder (…/Pusiaukele/witness), outside any
 * data directory.
 */
export function defaultWitnessDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUSIAUKELE_WITNESS_DIR ? resolve(env.PUSIAUKELE_WITNESS_DIR) : join(dirname(defaultDataDir(env)), 'witness');
}
