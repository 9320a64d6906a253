import { safeStorage } from 'electron';
import { DomainError } from '../../shared/domain/errors';
import type { KeyProvider } from '../services/store/encryption';

function unavailable(detail: { lt: string; en: string }): DomainError {
  return new DomainError(
    'OS_SECRET_STORE_UNAVAILABLE',
    `Kompiuterio slaptų duomenų saugykla nepasiekiama (${detail.lt}), todėl duomenų rakto apsaugoti negalima ir programa neatidaroma. Niekas nepakeista. Naudokite naršyklės režimą su slaptafraze (npm run web) arba kreipkitės į administratorių.`,
    `The computer's secret store is not available (${detail.en}), so the data key cannot be protected and the app does not open. Nothing was changed. Use the browser host with a passphrase (npm run web) or contact the administrator.`,
  );
}

/**
 * The desktop app's key provider (issue 3): the operating system's secret store (Electron
 * safeStorage: Keychain, DPAPI, libsecret/kwallet) wraps the data key. Call after 'ready'. On Linux
 * without a secret service Electron falls back to a password written into Electron itself
 * ('basic_text'), which protects nothing: refused like no store at all.
 */
export async function osSecretStoreKey(platform: NodeJS.Platform = process.platform): Promise<KeyProvider> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    throw unavailable({ lt: 'šifravimas neprieinamas', en: 'encryption is not available' });
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw unavailable({ lt: 'nėra slaptažodžių tarnybos, pvz. GNOME Keyring ar KWallet', en: 'no password service such as GNOME Keyring or KWallet' });
  }
  return {
    kind: 'os',
    wrap: (key) => safeStorage.encryptStringAsync(key.toString('base64')),
    unwrap: async (blob) => Buffer.from((await safeStorage.decryptStringAsync(blob)).result, 'base64'),
  };
}
