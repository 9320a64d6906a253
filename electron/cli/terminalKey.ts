import { emitKeypressEvents, type Key } from 'node:readline';
import { DomainError } from '../../shared/domain/errors';
import { MIN_PASSPHRASE_LENGTH, environmentKey, hasDataKey, looksLikeRecoveryKey, type KeyProvider } from '../services/store/encryption';

/** A terminal: what the prompt reads keys from and writes its questions to. */
export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?(mode: boolean): unknown };
  output: NodeJS.WritableStream;
}

function cancelled(): DomainError {
  return new DomainError('PASSPHRASE_CANCELLED');
}

/** Ask for a line with echo off: nothing typed is shown. Ctrl+C or Ctrl+D cancels. */
export function askHidden(question: string, { input, output }: Terminal): Promise<string> {
  const { setRawMode } = input;
  if (!input.isTTY || setRawMode === undefined) {
    return Promise.reject(new DomainError('KEY_REQUIRED', { why: 'noTerminal' }));
  }
  return new Promise((resolve, reject) => {
    const wasRaw = input.isRaw === true;
    let typed = '';
    const finish = (error?: DomainError) => {
      input.off('keypress', onKey);
      setRawMode.call(input, wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onKey = (text: string | undefined, key: Key | undefined) => {
      if (key?.ctrl && (key.name === 'c' || key.name === 'd')) finish(cancelled());
      else if (key?.name === 'return' || key?.name === 'enter') finish();
      else if (key?.name === 'backspace') typed = [...typed].slice(0, -1).join('');
      else if (text !== undefined && !key?.ctrl && !key?.meta) typed += text;
    };
    output.write(question);
    emitKeypressEvents(input);
    setRawMode.call(input, true);
    input.on('keypress', onKey);
    input.resume();
  });
}

/**
 * The key for the browser host and the command line (issue 3): the passphrase in
 * PUSIAUKELE_PASSPHRASE (or the recovery key in PUSIAUKELE_RECOVERY_KEY, issue 16), else asked on
 * the terminal with echo off — twice when it is being created (a new data directory, or an
 * unencrypted one that opening will encrypt). To unlock, the recovery key may be typed instead of
 * the passphrase: 48 digits in groups (a mistyped group is then named, not taken for a passphrase).
 */
export async function terminalKey(dataDir: string, env: NodeJS.ProcessEnv = process.env, terminal: Terminal = { input: process.stdin, output: process.stderr }): Promise<KeyProvider> {
  if (env.PUSIAUKELE_PASSPHRASE || env.PUSIAUKELE_RECOVERY_KEY) return environmentKey(env);
  if (hasDataKey(dataDir)) {
    const typed = await askHidden(`Slaptafrazė duomenų katalogui ${dataDir} atrakinti: `, terminal);
    return looksLikeRecoveryKey(typed) ? { kind: 'recovery', recoveryKey: typed } : { kind: 'passphrase', passphrase: typed };
  }
  const passphrase = await askHidden(`Sukurkite slaptafrazę duomenų katalogui ${dataDir} (ne trumpesnę kaip ${MIN_PASSPHRASE_LENGTH} ženklų): `, terminal);
  if ((await askHidden('Pakartokite slaptafrazę: ', terminal)) !== passphrase) {
    throw new DomainError('PASSPHRASE_MISMATCH');
  }
  return { kind: 'passphrase', passphrase };
}
