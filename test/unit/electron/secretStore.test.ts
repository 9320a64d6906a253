// Issue 3, "Data protection": in the desktop app the OS secret store (safeStorage) wraps the data key.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { osSecretStoreKey } from '../../../electron/main/secretStore';
import { openServices } from '../../../electron/services/index';
import { app, dialog, resetElectronStub, safeStorage } from '../../stubs/electron';
import { cleanUp, invokeFrom, launch, quit, tempDir } from './harness';

afterEach(cleanUp);

describe('the OS secret store as the key provider', () => {
  it('wraps the data key so that only the store unwraps it, and refuses a blob it did not make', async () => {
    app.becomeReady();
    const provider = await osSecretStoreKey();
    if (provider.kind !== 'os') throw new Error('expected the OS provider');
    const key = randomBytes(32);
    const blob = await provider.wrap(key);
    expect(blob.includes(key)).toBe(false);
    expect(blob.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(await provider.unwrap(blob)).toEqual(key);
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 0x01;
    await expect(provider.unwrap(tampered)).rejects.toThrow();
  });

  it('is refused, in Lithuanian, when the store is not available, or when Linux would fall back to a built-in password', async () => {
    app.becomeReady();
    safeStorage.available = false;
    await expect(osSecretStoreKey()).rejects.toMatchObject({ code: 'OS_SECRET_STORE_UNAVAILABLE', message: expect.stringContaining('slaptų duomenų saugykla nepasiekiama') });
    safeStorage.available = true;
    safeStorage.backend = 'basic_text';
    await expect(osSecretStoreKey('linux')).rejects.toMatchObject({ code: 'OS_SECRET_STORE_UNAVAILABLE', message: expect.stringContaining('GNOME Keyring') });
    await expect(osSecretStoreKey('win32')).resolves.toMatchObject({ kind: 'os' });
  });

  it('the desktop app creates a data directory wrapped by the store, opens it again, and a passphrase cannot', async () => {
    const dataDir = join(await tempDir('desktop'), 'data');
    await launch({ dataDir });
    expect(await invokeFrom('app://pusiaukele/index.html', 'app.info')).toMatchObject({ ok: true, value: { dataDir } });
    // Issue 16: the workstation's slot, labelled with the computer and the OS user, and the recovery key's.
    const keys = JSON.parse(await readFile(join(dataDir, 'keys.json'), 'utf8')) as { slots: { kind: string; computer?: string; user?: string }[] };
    expect(keys.slots.map((w) => w.kind)).toEqual(['os', 'recovery']);
    expect(keys.slots[0]).toMatchObject({ computer: hostname(), user: userInfo().username });
    await quit();
    resetElectronStub();

    await launch({ dataDir });
    expect(dialog.errorBoxes).toEqual([]);
    expect(await invokeFrom('app://pusiaukele/index.html', 'app.info')).toMatchObject({ ok: true, value: { dataDir } });
    await quit();

    await expect(openServices({ dataDir })).rejects.toMatchObject({ code: 'KEY_NOT_AVAILABLE' });
  });

  it('without a usable store the desktop app shows why and quits, leaving the data directory alone', async () => {
    const dataDir = join(await tempDir('no-store'), 'data');
    safeStorage.available = false;
    await launch({ dataDir });
    const [box] = dialog.errorBoxes;
    expect(box?.content).toContain('Klaidos kodas: OS_SECRET_STORE_UNAVAILABLE');
    expect(app.quitCount).toBe(1);
    await expect(readFile(join(dataDir, 'pusiaukele.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
