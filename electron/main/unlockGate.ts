import { contract } from '../../shared/contract/methods';
import { errorData, internalError, type Dispatch } from '../../shared/contract/dispatch';
import { DomainError, fieldsError } from '../../shared/domain/errors';
import type { KeyLockedReason } from '../../shared/domain/errorTexts/keys';
import type { Services } from '../services/index';
import type { KeyProvider, OsKeyProvider } from '../services/store/encryption';

export interface UnlockGate {
  /** What the window's calls go to: the unlock, then, once open, the services. */
  dispatch: Dispatch;
  /** Resolves with the services when a passphrase or the recovery key has opened the directory. */
  opened: Promise<Services>;
}

/**
 * Issue 16: the desktop app on a directory its OS secret store does not open (a new computer, a
 * new profile, a directory made by the browser host, or no secret store at all). Until a passphrase
 * or the recovery key opens it, every call is refused with DATA_KEY_LOCKED, which the window answers
 * with the unlock page (renderer/keys/UnlockPage.tsx); `keys.unlock` opens the services with the
 * secret given, and from then on every call goes to them. `workstation`: this computer's store,
 * if it has one: the page then offers to enrol it (keys.enrolAtUnlock).
 */
export function unlockGate(options: { why: KeyLockedReason; workstation: OsKeyProvider | undefined; open(key: KeyProvider): Promise<Services> }): UnlockGate {
  let services: Services | undefined;
  let unlocking: Promise<unknown> = Promise.resolve();
  let resolveOpened: (services: Services) => void = () => undefined;
  const opened = new Promise<Services>((resolve) => (resolveOpened = resolve));

  const unlock = async (input: unknown) => {
    const parsed = contract['keys.unlock'].input.safeParse(input ?? {});
    if (!parsed.success) throw fieldsError(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), key: i.message })));
    if (services !== undefined) throw new DomainError('DATA_KEY_ALREADY_OPEN');
    const { secret } = parsed.data;
    services = await options.open(secret.kind === 'passphrase' ? { kind: 'passphrase', passphrase: secret.passphrase } : { kind: 'recovery', recoveryKey: secret.recoveryKey });
    resolveOpened(services);
    return { enrolOffered: options.workstation !== undefined };
  };

  const dispatch: Dispatch = async (method, input, session) => {
    if (services !== undefined) return services.dispatch(method, input, session);
    if (method !== 'keys.unlock') return { ok: false, error: errorData(new DomainError('DATA_KEY_LOCKED', { why: options.why })) };
    // One unlock at a time: a second click waits for the first (each opening takes the directory's lock).
    const attempt = unlocking.then(() => unlock(input));
    unlocking = attempt.catch(() => undefined);
    try {
      return { ok: true, value: await attempt };
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: errorData(e) };
      console.error('Unlocking the data directory failed', e);
      return { ok: false, error: internalError() };
    }
  };
  return { dispatch, opened };
}
