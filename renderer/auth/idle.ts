/** What counts as the user being at the keyboard or the mouse. */
export const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'wheel', 'touchstart', 'input'] as const;

/** How often, at most, activity at the keyboard or mouse is reported to the back end. */
export const TOUCH_EVERY_MS = 60_000;

/** Whether activity now should be reported, `TOUCH_EVERY_MS` after the last report. */
export function shouldTouch(lastTouch: number, now: number): boolean {
  return now - lastTouch >= TOUCH_EVERY_MS;
}

/** Milliseconds until the app locks itself (0: it is time), `idleMinutes` after the last activity. */
export function idleRemainingMs(lastActivity: number, now: number, idleMinutes: number): number {
  return Math.max(0, lastActivity + idleMinutes * 60_000 - now);
}
