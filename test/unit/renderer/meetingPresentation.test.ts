import { describe, expect, it } from 'vitest';
import { applyPresentation, parsePresentation, PRESENTATION_CLASS, PRESENTATION_STORAGE_KEY, readPresentation, writePresentation } from '../../../renderer/meetings/presentationMode';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('the projector view of the meeting', () => {
  it('is remembered on this computer, and off unless it was stored on', () => {
    const storage = memoryStorage();
    expect(readPresentation(storage)).toBe(false);
    writePresentation(true, storage);
    expect(storage.items.get(PRESENTATION_STORAGE_KEY)).toBe('on');
    expect(readPresentation(storage)).toBe(true);
    writePresentation(false, storage);
    expect(readPresentation(storage)).toBe(false);
    expect(parsePresentation('yes')).toBe(false);
  });

  it('works without storage (privacy settings): off, and switching does not fail', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readPresentation(broken)).toBe(false);
    expect(() => writePresentation(true, broken)).not.toThrow();
  });

  it('puts the large-type class on the body and takes it off', () => {
    const classes = new Set<string>();
    const body = { classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name), on) } };
    applyPresentation(true, body);
    expect(classes.has(PRESENTATION_CLASS)).toBe(true);
    applyPresentation(false, body);
    expect(classes.has(PRESENTATION_CLASS)).toBe(false);
  });
});
