import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EventName, EventOf } from '../../shared/contract/events';
import { subscribe } from './client';

/** A burst of events is gathered until it pauses this long (ms)… */
export const EVENT_QUIET_MS = 80;
/** …or for at most this long, so that a steady stream still refreshes the page now and then (ms). */
export const EVENT_MAX_WAIT_MS = 400;

/**
 * Many calls in a burst, one call of `fire`: it runs once the calls pause for `quietMs`, and at the
 * latest `maxMs` after the first call of the burst.
 */
export function coalesce(fire: () => void, quietMs = EVENT_QUIET_MS, maxMs = EVENT_MAX_WAIT_MS): { push(): void; cancel(): void } {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let latest: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(quiet);
    clearTimeout(latest);
    quiet = latest = undefined;
  };
  const run = () => {
    cancel();
    fire();
  };
  return {
    push() {
      clearTimeout(quiet);
      quiet = setTimeout(run, quietMs);
      latest ??= setTimeout(run, maxMs);
    },
    cancel,
  };
}

/**
 * Follow other users' changes: `onChange` runs once per burst of the events named (those that
 * `concerns` accepts; all of them without it), and once when the event stream came back after a
 * break, since events may have been missed. Nothing polls: the page reloads what it shows when it
 * hears of a change. The latest `onChange` and `concerns` are used; `names` null listens to nothing.
 *
 *   useEvent('cases.changed', reload, (e) => e.payload.id === undefined || e.payload.id === id);
 */
export function useEvent<E extends EventName>(names: E | readonly E[] | null, onChange: () => void, concerns?: (event: EventOf<E>) => boolean): void {
  const handlers = useRef({ onChange, concerns });
  useLayoutEffect(() => {
    handlers.current = { onChange, concerns };
  });
  const key = names === null ? null : (typeof names === 'string' ? [names] : [...names]).sort().join(' ');

  useEffect(() => {
    if (key === null) return;
    const wanted = new Set(key.split(' '));
    const burst = coalesce(() => handlers.current.onChange());
    const stop = subscribe(
      (event) => {
        if (!wanted.has(event.type)) return;
        const { concerns: accepts } = handlers.current;
        if (accepts && !accepts(event as EventOf<E>)) return;
        burst.push();
      },
      () => burst.push(),
    );
    return () => {
      stop();
      burst.cancel();
    };
  }, [key]);
}
