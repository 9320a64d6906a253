import { useEffect } from 'react';
import { call } from '../api/client';
import { ACTIVITY_EVENTS, idleRemainingMs, shouldTouch } from './idle';
import { sessionGate } from './sessionGate';

/**
 * Lock the session after `idleMinutes` without keyboard or mouse activity, while `enabled` (signed
 * in and not locked already). The timer checks again when it fires and when the window is shown, so
 * that a computer waking from sleep locks at once.
 */
export function useIdleLock(idleMinutes: number, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    let touched = last;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      const left = idleRemainingMs(last, Date.now(), idleMinutes);
      if (left === 0) {
        sessionGate.lock();
        // The back end locks the session too, so that reloading the page cannot skip the password.
        call('auth.lock', {}).catch(() => undefined);
      }
      else timer = setTimeout(check, left);
    };
    const activity = () => {
      last = Date.now();
      // The back end locks idle sessions too: tell it the user is here, at most once a minute.
      if (shouldTouch(touched, last)) {
        touched = last;
        call('auth.touch', {}).catch(() => undefined); // a refusal (e.g. locked) surfaces on the next real call
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, activity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    check();
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, activity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [idleMinutes, enabled]);
}
