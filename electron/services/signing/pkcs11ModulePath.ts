// Issue 16: which smart-card (PKCS#11) module the app may load. The module is native code of the
// administrator's choosing; it runs in a process of its own (pkcs11Worker.ts), and it may only be a
// file the system's administrator installed: in a system library folder, and on Linux and macOS
// the file and every folder above it owned by root and writable by nobody else, so that neither the
// app's administrator nor any other user of the computer can put a library of theirs in its place.
// Checked when the settings are saved and again before every load.
import { realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, sep, win32 } from 'node:path';
import { DomainError } from '../../../shared/domain/errors';
import type { WritableBy } from '../../../shared/domain/errorTexts/card';
import { signingErrors } from './signingErrors';

/**
 * The system library folders on Linux and macOS. /opt holds vendors' card drivers (e.g. SafeNet);
 * /Library holds OpenSC on macOS (/usr/local/lib/opensc-pkcs11.so links there). A folder a user
 * owns or may write (Homebrew's /opt/homebrew, /usr/local on some Macs) is refused by the ownership
 * check, whatever the list says.
 */
export const POSIX_SYSTEM_LIBRARY_FOLDERS: readonly string[] = [
  '/usr/lib',
  '/usr/lib32',
  '/usr/lib64',
  '/lib',
  '/lib64',
  '/usr/local/lib',
  '/usr/local/lib64',
  '/opt',
  '/Library',
];

/**
 * On Windows: the system folder and the program folders, which only administrators may change as
 * Windows installs them. Windows keeps who may write in access lists, not mode bits, so there only
 * the location is checked.
 */
export const WINDOWS_SYSTEM_FOLDER_VARIABLES: readonly string[] = ['SystemRoot', 'ProgramFiles', 'ProgramFiles(x86)', 'ProgramW6432'];

/** The folders a module may be in, as this computer names them (links followed; missing ones left out). */
export function systemLibraryFolders(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const named = platform === 'win32' ? WINDOWS_SYSTEM_FOLDER_VARIABLES.flatMap((name) => (env[name] ? [env[name]] : [])) : POSIX_SYSTEM_LIBRARY_FOLDERS;
  const real = named.flatMap((folder) => {
    try {
      return [platform === 'win32' ? realpathSync.native(folder) : realpathSync(folder)];
    } catch {
      return [];
    }
  });
  return [...new Set(real)];
}

/**
 * On Windows, within %SystemRoot% only a module directly in System32 or SysWOW64, where card
 * drivers install: other folders under it (Temp, Tasks, tracing, spool\drivers\color) are
 * writable by every user by default. Program Files folders at any depth. Windows keeps who may
 * write in access lists, which are not read here (issue 16's review): a vendor folder whose list
 * lets users write is not told apart.
 */
export function windowsModuleAllowed(resolved: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const systemRoot = env.SystemRoot ?? 'C:\\Windows';
  const parent = win32.dirname(resolved).toLowerCase();
  if (insideFolder(resolved, systemRoot, 'win32')) {
    return [win32.join(systemRoot, 'System32'), win32.join(systemRoot, 'SysWOW64')].some((folder) => folder.toLowerCase() === parent);
  }
  return true; // inside a Program Files folder (checked by the caller)
}

/** Whether `path` lies inside `folder` (Windows compares without case, as its file system does). */
export function insideFolder(path: string, folder: string, platform: NodeJS.Platform = process.platform): boolean {
  const separator = platform === 'win32' ? win32.sep : sep;
  const [p, f] = platform === 'win32' ? [path.toLowerCase(), folder.toLowerCase()] : [path, folder];
  const prefix = f.endsWith(separator) ? f : f + separator;
  return p.startsWith(prefix) && p.length > prefix.length;
}

/** Who other than root could change this file or folder, if anyone (POSIX ownership and mode bits). */
function writableBy(stats: Stats): WritableBy | null {
  if (stats.uid !== 0) return 'owner';
  if ((stats.mode & 0o020) !== 0) return 'group';
  if ((stats.mode & 0o002) !== 0) return 'others';
  return null;
}

/**
 * The module's real path when the app may load it; otherwise throws: PKCS11_MODULE_NOT_ABSOLUTE,
 * PKCS11_MODULE_MISSING (no such file), PKCS11_MODULE_NOT_FILE, PKCS11_MODULE_OUTSIDE_SYSTEM,
 * PKCS11_MODULE_WRITABLE. A link is judged by its target (a link in /usr/lib to /tmp is outside).
 * The caller loads the path returned, not the one given: every folder on it is root's alone, so
 * nobody else can swap the file in between.
 */
export function checkModulePath(modulePath: string): string {
  const platform = process.platform;
  if (!(platform === 'win32' ? win32.isAbsolute(modulePath) : isAbsolute(modulePath))) {
    throw new DomainError('PKCS11_MODULE_NOT_ABSOLUTE', { modulePath });
  }
  let resolved: string;
  let stats: Stats;
  try {
    resolved = platform === 'win32' ? realpathSync.native(modulePath) : realpathSync(modulePath);
    stats = statSync(resolved);
  } catch {
    throw signingErrors.pkcs11ModuleMissing(modulePath, { why: 'fileMissing' });
  }
  if (!stats.isFile()) throw new DomainError('PKCS11_MODULE_NOT_FILE', { modulePath, resolved });
  const folders = systemLibraryFolders(platform);
  if (!folders.some((folder) => insideFolder(resolved, folder, platform)) || (platform === 'win32' && !windowsModuleAllowed(resolved))) {
    const allowed = platform === 'win32' ? WINDOWS_SYSTEM_FOLDER_VARIABLES.map((name) => `%${name}%`) : POSIX_SYSTEM_LIBRARY_FOLDERS;
    throw new DomainError('PKCS11_MODULE_OUTSIDE_SYSTEM', { modulePath, resolved, allowed: allowed.join(', ') });
  }
  if (platform === 'win32') return resolved;
  // The file and each folder up to the root: whoever may change any of them may replace the module.
  for (let path = resolved, parent = dirname(path); ; path = parent, parent = dirname(path)) {
    const by = writableBy(path === resolved ? stats : statSync(path));
    if (by !== null) throw new DomainError('PKCS11_MODULE_WRITABLE', { modulePath, path, by });
    if (parent === path) break;
  }
  return resolved;
}
