/**
 * Whether the focus left a field for a button or a checkbox. A field's error then waits for the
 * submit (which shows every error): showing it on this blur would push the button or checkbox
 * away from under the pointer between mouse down and mouse up, and the click would be lost.
 */
export function movesToAction(next: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(next instanceof HTMLElement)) return false;
  return next instanceof HTMLButtonElement || (next instanceof HTMLInputElement && (next.type === 'checkbox' || next.type === 'radio'));
}
