import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave } from '../../../renderer/meetings/meetingAutosave';

/** A back end whose answers the test releases one by one, recording the calls in the order they started. */
function backEnd() {
  const calls: string[] = [];
  const waiting: { resolve(): void; reject(e: unknown): void }[] = [];
  const save = (name: string) => (value: string) =>
    new Promise<void>((resolve, reject) => {
      calls.push(`${name}=${value}`);
      waiting.push({ resolve, reject });
    });
  const answer = async (error?: unknown) => {
    await vi.advanceTimersByTimeAsync(0); // a queued call starts on the next turn
    const next = waiting.shift();
    if (!next) throw new Error('no call is waiting');
    if (error === undefined) next.resolve();
    else next.reject(error);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { calls, save, answer, get inFlight() { return waiting.length; } };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-23T14:32:00'));
});
afterEach(() => vi.useRealTimers());

describe('saving the meeting as it is typed', () => {
  it('saves a field once, after a 400 ms pause in typing, with the latest text', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    autosave.edit('f', 'P', be.save('f'));
    await vi.advanceTimersByTimeAsync(300);
    autosave.edit('f', 'Pa', be.save('f'));
    await vi.advanceTimersByTimeAsync(300);
    autosave.edit('f', 'Pažeidimų nėra', be.save('f'));
    expect(autosave.status.kind).toBe('saving');
    await vi.advanceTimersByTimeAsync(399);
    expect(be.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(be.calls).toEqual(['f=Pažeidimų nėra']);
    await be.answer();
    expect(autosave.status).toEqual({ kind: 'saved', at: new Date('2026-11-23T14:32:01.000') });
  });

  it('saves at once when the field is left or the page goes away (flush)', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    autosave.focus('f');
    autosave.edit('f', 'abc', be.save('f'));
    autosave.blur('f');
    await vi.advanceTimersByTimeAsync(0);
    expect(be.calls).toEqual(['f=abc']);
    autosave.edit('g', 'xyz', be.save('g'));
    autosave.flush();
    await be.answer();
    expect(be.calls).toEqual(['f=abc', 'g=xyz']);
  });

  it('makes one call at a time, in the order the changes were made', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    autosave.edit('findings', 'Elgesys geras', be.save('findings'));
    await vi.advanceTimersByTimeAsync(400);
    const chosen = autosave.choose('assessment', 'favourable', be.save('assessment'));
    const voted = autosave.run(() => be.save('vote')('for'));
    expect(be.calls).toEqual(['findings=Elgesys geras']);
    expect(be.inFlight).toBe(1);
    await be.answer();
    expect(be.calls).toEqual(['findings=Elgesys geras', 'assessment=favourable']);
    await be.answer();
    await chosen;
    expect(be.calls.at(-1)).toBe('vote=for');
    await be.answer();
    await voted;
    expect(be.inFlight).toBe(0);
  });

  it('an action first sends the text still waiting for its pause (a rationale typed just before the vote)', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    autosave.edit('rationale', 'Nepalankūs kriterijai 11.2 ir 11.5', be.save('rationale'));
    void autosave.run(() => be.save('vote')('for'));
    await vi.advanceTimersByTimeAsync(0);
    expect(be.calls).toEqual(['rationale=Nepalankūs kriterijai 11.2 ir 11.5']);
    await be.answer();
    expect(be.calls.at(-1)).toBe('vote=for');
    await be.answer();
  });

  it('never shows an older value over the text being typed: the draft stays until its own save returns', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    autosave.edit('f', 'abc', be.save('f'));
    await vi.advanceTimersByTimeAsync(400);
    // The user goes on typing while "abc" is being saved.
    autosave.edit('f', 'abcd', be.save('f'));
    await be.answer(); // "abc" saved: the field still shows what was typed since
    expect(autosave.value('f')).toBe('abcd');
    await vi.advanceTimersByTimeAsync(400);
    expect(be.calls).toEqual(['f=abc', 'f=abcd']);
    await be.answer();
    expect(autosave.value('f')).toBeUndefined(); // the back end has it: its value is shown again
  });

  it('keeps the draft while the field has the focus (the back end trims what it stores), and lets it go when left', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    autosave.focus('f');
    autosave.edit('f', 'žodis ', be.save('f'));
    await vi.advanceTimersByTimeAsync(400);
    await be.answer();
    expect(autosave.value('f')).toBe('žodis ');
    autosave.blur('f');
    expect(autosave.value('f')).toBeUndefined();
    expect(be.calls).toEqual(['f=žodis ']);
  });

  it('coalesces edits of a field whose save is still queued behind another call', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    void autosave.run(() => be.save('open')('1'));
    autosave.edit('f', 'a', be.save('f'));
    await vi.advanceTimersByTimeAsync(400);
    autosave.edit('f', 'ab', be.save('f'));
    await vi.advanceTimersByTimeAsync(400);
    await be.answer();
    expect(be.calls).toEqual(['open=1', 'f=ab']);
    await be.answer();
  });

  it('a refused text save keeps the text and reports the failure until the field is saved', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    autosave.edit('f', 'x'.repeat(10), be.save('f'));
    await vi.advanceTimersByTimeAsync(400);
    const refusal = new Error('VALIDATION');
    await be.answer(refusal);
    expect(autosave.status).toEqual({ kind: 'failed', error: refusal });
    expect(autosave.value('f')).toBe('x'.repeat(10));
    autosave.edit('f', 'x', be.save('f'));
    await vi.advanceTimersByTimeAsync(400);
    await be.answer();
    expect(autosave.status.kind).toBe('saved');
  });

  it('a refused choice is taken back on screen and its refusal goes to the caller; the queue goes on', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    const vote = autosave.choose('ballot', 'for', be.save('ballot'));
    expect(autosave.value('ballot')).toBe('for');
    const outcome = vote.then(
      () => 'saved',
      (e: Error) => e.message,
    );
    await be.answer(new Error('QUORUM_MISSING'));
    expect(await outcome).toBe('QUORUM_MISSING');
    expect(autosave.value('ballot')).toBeUndefined();
    expect(autosave.status.kind).not.toBe('failed');
    const next = autosave.run(() => be.save('attendance')('yes'));
    await be.answer();
    await next;
    expect(be.calls).toEqual(['ballot=for', 'attendance=yes']);
  });

  it('tells the page about every change of a draft or of the status', async () => {
    const be = backEnd();
    const onChange = vi.fn();
    const autosave = new Autosave({ onChange });
    autosave.edit('f', 'a', be.save('f'));
    expect(onChange).toHaveBeenCalled();
    onChange.mockClear();
    await vi.advanceTimersByTimeAsync(400);
    await be.answer();
    expect(onChange).toHaveBeenCalled();
    expect(autosave.status.kind).toBe('saved');
  });

  it('a text whose save was refused stays unsaved and is tried again before the next action (nothing typed is dropped by closing)', async () => {
    const be = backEnd();
    const autosave = new Autosave();
    autosave.edit('rationale', 'Motyvai', be.save('rationale'));
    expect(autosave.unsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(400);
    await be.answer(new Error('DISK_FULL'));
    expect(autosave.status.kind).toBe('failed');
    expect(autosave.unsaved()).toBe(true);
    expect(autosave.value('rationale')).toBe('Motyvai');
    // The close runs after the retry: it sees whether the text got through.
    const seen: boolean[] = [];
    const closing = autosave.run(async () => {
      seen.push(autosave.unsaved());
    });
    await be.answer();
    await closing;
    expect(be.calls).toEqual(['rationale=Motyvai', 'rationale=Motyvai']);
    expect(seen).toEqual([false]);
    expect(autosave.status.kind).toBe('saved');
  });
});


// Issue 13, no silent overwrites: a text's save says what it was based on; the base lives with the draft.
describe('what a typed text is based on', () => {
  /** A save recording `value@base`, answered by the test. */
  function basedBackEnd() {
    const calls: string[] = [];
    const waiting: { resolve(): void; reject(e: unknown): void }[] = [];
    const save = (value: string, base?: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push(`${value}@${base ?? '-'}`);
        waiting.push({ resolve, reject });
      });
    const answer = async (error?: unknown) => {
      await vi.advanceTimersByTimeAsync(0);
      const next = waiting.shift()!;
      if (error === undefined) next.resolve();
      else next.reject(error);
      await vi.advanceTimersByTimeAsync(0);
    };
    return { calls, save, answer };
  }

  it('starts from the text shown, and after each save from what was saved — also for keys typed while it was on its way', async () => {
    const be = basedBackEnd();
    const autosave = new Autosave();
    autosave.edit('f', 'a', be.save, 'shown');
    await vi.advanceTimersByTimeAsync(400); // the save of "a" leaves…
    autosave.edit('f', 'ab', be.save, 'a view that came meanwhile'); // …the user types on; the draft keeps its base
    await be.answer();
    await vi.advanceTimersByTimeAsync(400);
    await be.answer();
    // "ab" is based on "a", which the back end accepted, not on the text shown when the key was pressed.
    expect(be.calls).toEqual(['a@shown', 'ab@a']);
  });

  it('a refused save keeps the draft and its base; rebase saves the text as it is now over the newer text the user has seen', async () => {
    const be = basedBackEnd();
    const autosave = new Autosave();
    autosave.edit('f', 'mine', be.save, '');
    await vi.advanceTimersByTimeAsync(400);
    const stale = Object.assign(new Error('stale'), { code: 'STALE_REVISION' });
    await be.answer(stale);
    expect(autosave.failure('f')).toBe(stale);
    expect(autosave.value('f')).toBe('mine');
    autosave.edit('f', 'mine, more', be.save, 'theirs'); // typed after the refusal: still based on ''
    autosave.rebase('f', 'theirs');
    await be.answer();
    expect(be.calls).toEqual(['mine@', 'mine, more@theirs']);
    expect(autosave.failure('f')).toBeUndefined();
  });
});
