import { safeStorage } from 'electron';
import { hostname, userInfo } from 'node:os';
import { DomainError } from '../../shared/domain/errors';
import type { SecretStoreProblem } from '../../shared/domain/errorTexts';
import type { OsKeyProvider, Workstation } from '../services/store/encryption';

function unavailable(reason: SecretStoreProblem): DomainError {
  return new DomainError('OS_SECRET_STORE_UNAVAILABLE', { reason });
}

/**
 * The desktop app's key provider (issue 3): the operating system's secret store (Electron
 * safeStorage: Keychain, DPAPI, libsecret/kwallet) wraps the data key, one key slot per enrolled
 * workstation since issue 16. Call after 'ready'. On Linux
 * without a secret service Electron falls back to a password written into Electron itself
 * ('basic_text'), which protects nothing: refused like no store at all.
 */
export async function osSecretStoreKey(platform: NodeJS.Platform = process.platform): Promise<OsKeyProvider> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    throw unavailable('encryption');
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw unavailable('noPasswordService');
  }
  return {
    kind: 'os',
    wrap: (key) => safeStorage.encryptStringAsync(key.toString('base64')),
    unwrap: async (blob) => Buffer.from((await safeStorage.decryptStringAsync(blob)).result, 'base64'),
    workstation: thisWorkstation(),
  };
}

/**
 * Issue 16: which computer and OS user this store belongs to, written on the key slot it wraps so
 * that the administrator can tell the enrolled workstations apart (and remove the one of a computer
 * given away). The store itself is per user and per computer: the same label on another machine
 * still opens nothing there.
 */
export function thisWorkstation(): Workstation {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // no entry for this user in the system's user database (some containers): the computer still names the slot
  }
  return { computer: hostname(), user };
}
