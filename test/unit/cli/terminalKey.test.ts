// Issue 3, "Data protection": the browser host and the command line ask for the passphrase on the
// terminal with echo off, twice when it is being created, unless PUSIAUKELE_PASSPHRASE gives it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalKey, type Terminal } from '../../../electron/cli/terminalKey';
import { tempDataDir } from '../../helpers/dataDir';

/** A terminal whose user types `answers` (keystrokes), one after each question; records the screen. */
function terminal(answers: string[], tty = true): Terminal & { screen: () => string; rawModes: boolean[] } {
  const rawModes: boolean[] = [];
  const input = Object.assign(new PassThrough(), {
    isTTY: tty,
    isRaw: false,
    setRawMode(mode: boolean) {
      input.isRaw = mode;
      rawModes.push(mode);
      return input;
    },
  });
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    if (screen.endsWith(': ')) setImmediate(() => input.write(answers.shift() ?? ''));
  });
  return { input, output, screen: () => screen, rawModes };
}

const newDir = () => tempDataDir();
function existingDir(): string {
  const dir = tempDataDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'keys.json'), '{}');
  return dir;
}

describe('the passphrase on the terminal', () => {
  it('takes PUSIAUKELE_PASSPHRASE without asking', async () => {
    const t = terminal([]);
    expect(await terminalKey(newDir(), { PUSIAUKELE_PASSPHRASE: 'iš aplinkos kintamojo' }, t)).toEqual({ kind: 'passphrase', passphrase: 'iš aplinkos kintamojo' });
    expect(t.screen()).toBe('');
  });

  it('asks once to unlock, with echo off: nothing typed appears; backspace edits; the terminal mode is restored', async () => {
    const t = terminal(['slaptaX\x7f frazė 2026\r']);
    expect(await terminalKey(existingDir(), {}, t)).toEqual({ kind: 'passphrase', passphrase: 'slapta frazė 2026' });
    expect(t.screen()).toMatch(/^Slaptafrazė duomenų katalogui .* atrakinti: \n$/);
    expect(t.screen()).not.toContain('slapta');
    expect(t.rawModes).toEqual([true, false]);
  });

  it('asks twice when the passphrase is being created, and refuses two different answers', async () => {
    const same = terminal(['nauja slaptafrazė\r', 'nauja slaptafrazė\r']);
    expect(await terminalKey(newDir(), {}, same)).toEqual({ kind: 'passphrase', passphrase: 'nauja slaptafrazė' });
    expect(same.screen()).toContain('Sukurkite slaptafrazę');
    expect(same.screen()).toContain('Pakartokite slaptafrazę: ');

    const different = terminal(['nauja slaptafrazė\r', 'kita slaptafrazė\r']);
    await expect(terminalKey(newDir(), {}, different)).rejects.toMatchObject({ code: 'PASSPHRASE_MISMATCH' });
  });

  it('Ctrl+C cancels; without a terminal it says to use PUSIAUKELE_PASSPHRASE', async () => {
    await expect(terminalKey(existingDir(), {}, terminal(['slap\x03']))).rejects.toMatchObject({ code: 'PASSPHRASE_CANCELLED' });
    await expect(terminalKey(existingDir(), {}, terminal([], false))).rejects.toMatchObject({
      code: 'KEY_REQUIRED',
      message: expect.stringContaining('PUSIAUKELE_PASSPHRASE'),
    });
  });
});
