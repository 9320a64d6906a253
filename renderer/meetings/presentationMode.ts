/**
 * The projector view of the meeting: large type and strong contrast for the shared screen. The
 * page puts a class on <body> (its stylesheet scales the root font and hides the navigation) and
 * remembers the choice on this computer.
 */

export const PRESENTATION_CLASS = 'presentation-mode';
export const PRESENTATION_STORAGE_KEY = 'pusiaukele.meeting.presentation';

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The remembered choice: on only when it was stored as on. */
export function parsePresentation(stored: string | null): boolean {
  return stored === 'on';
}

export function readPresentation(storage: StorageLike | undefined = safeStorage()): boolean {
  try {
    return parsePresentation(storage?.getItem(PRESENTATION_STORAGE_KEY) ?? null);
  } catch {
    return false; // storage unavailable: the normal view
  }
}

export function writePresentation(on: boolean, storage: StorageLike | undefined = safeStorage()): void {
  try {
    storage?.setItem(PRESENTATION_STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // not remembered; the switch still works on this page
  }
}

/** Put the class on the body, or take it off (when the view is switched off or the page is left). */
export function applyPresentation(on: boolean, body: { classList: { toggle(name: string, force: boolean): boolean } } = document.body): void {
  body.classList.toggle(PRESENTATION_CLASS, on);
}

function safeStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
