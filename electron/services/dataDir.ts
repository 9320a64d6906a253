import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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
 * per-user app-data folder.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data' && argv[i + 1]) return resolve(argv[i + 1]!);
    if (arg.startsWith('--data=')) return resolve(arg.slice('--data='.length));
  }
  if (env.PUSIAUKELE_DATA) return resolve(env.PUSIAUKELE_DATA);
  return defaultDataDir(env);
}
