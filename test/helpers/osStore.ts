import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { OsKeyProvider, Workstation } from '../../electron/services/store/keySlots';

/**
 * Stands in for a computer's OS secret store (the desktop's safeStorage), the one fake the data-key
 * tests use (it cannot exist here): AES-256-GCM under that computer's own key.
 */
export function osStore(computerKey: Buffer, workstation?: Workstation): OsKeyProvider {
  return {
    kind: 'os',
    ...(workstation ? { workstation } : {}),
    wrap: async (key) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', computerKey, iv);
      return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
    },
    unwrap: async (blob) => {
      const decipher = createDecipheriv('aes-256-gcm', computerKey, blob.subarray(0, 12)).setAuthTag(blob.subarray(blob.length - 16));
      return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
    },
  };
}

