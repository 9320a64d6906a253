// Issue 16's review: the wrong-password counts kept in memory. A flood of made-up names at the sign-in
// screen makes room by dropping names, never a session's count (that would give whoever sits at a
// locked session fresh guesses) and never a locked name while an unlocked one can go (that would tell
// a locked made-up name from a known account, whose lockout is kept).
import { describe, expect, it } from 'vitest';
import { AttemptPlaces, PLACES_KEPT } from '../../../electron/services/users/sessions';

describe('the sign-in counts kept in memory (issue 16)', () => {
  it('a flood of made-up names keeps every session\'s count and every locked name, dropping the oldest unlocked names', () => {
    const places = new AttemptPlaces();
    const session = places.of('session:abc');
    session.failed = 4;
    const locked = places.of('name:niekas-toks');
    locked.failed = 5;
    locked.lockedUntil = Date.now() + 15 * 60_000;
    const first = places.of('name:pirmas');
    first.failed = 1;
    for (let i = 0; i < PLACES_KEPT + 10; i++) places.of(`name:spejimas-${i}`);
    expect(places.peek('session:abc')).toBe(session);
    expect(places.peek('session:abc')?.failed).toBe(4);
    expect(places.peek('name:niekas-toks')).toBe(locked);
    expect(places.peek('name:pirmas')).toBeUndefined(); // the oldest unlocked went first
    places.forget('session:abc');
    expect(places.peek('session:abc')).toBeUndefined();
  });
});
