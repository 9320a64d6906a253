import { safeStorage } from 'electron';
import { DomainError } from '../../shared/domain/errors';
import type { SecretStoreProblem } from '../../shared/domain/errorTexts';
import type { KeyProvider } from '../services/store/encryption';

function unavailable(reason: SecretStoreProblem): DomainError {
  return new DomainError('OS_SECRET_STORE_UNAVAILABLE', { reason });
}

/**
 * The desktop app's key provider (issue 3): the operating system's secret store (Electron
 * safeStorage: Keychain, DPAPI, libsecret/kwallet) wraps the data key. Call after 'ready'. On Linux
 * without a secret service Electron falls back to a password written into Electron itself
 * ('basic_text'), which protects nothing: refused like no store at all.
 */
export async function osSecretStoreKey(platform: NodeJS.Platform = process.platform): Promise<KeyProvider> {
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
  };
}
