/**
 * Saving the meeting as it is typed. Each field keeps the user's draft until its own save has
 * returned (and, while the field has the focus, for as long as the user is in it), so that a view
 * coming back from another call never overwrites what is being typed. Text is saved after a pause
 * (debounced per field) or at once when the field is left; choices (radios, checkboxes) at once.
 * Every call to the back end goes through one queue: one at a time, in the order they were made.
 */

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: unknown };

/** Save a value; `base` is the back end's value the draft started from (or last saved), for text. */
type Save = (value: string, base?: string) => Promise<void>;

interface Draft {
  value: string;
  kind: 'text' | 'choice';
  save: Save;
  timer?: ReturnType<typeof setTimeout>;
  /** The last value the back end accepted for this draft. */
  saved?: string;
  /**
   * What the draft is based on: the back end's text when the user began typing, then what the back
   * end accepted. Kept with the draft (not the field), so a field shown again keeps it.
   */
  base?: string;
}

export interface AutosaveOptions {
  /** The pause after the last keystroke before a text is saved (ms). */
  delay?: number;
  /** Called whenever a draft or the status changes. */
  onChange?: () => void;
  now?: () => Date;
}

export const AUTOSAVE_DELAY = 400;

export class Autosave {
  private readonly drafts = new Map<string, Draft>();
  private readonly focused = new Set<string>();
  /** Text saves waiting in the queue (one per field: a later edit rides on the queued one). */
  private readonly queued = new Set<string>();
  /** Fields whose last save was refused, with why. */
  private readonly failures = new Map<string, unknown>();
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private lastSaved: Date | null = null;
  private readonly delay: number;
  private readonly now: () => Date;
  private readonly onChange: () => void;

  constructor(options: AutosaveOptions = {}) {
    this.delay = options.delay ?? AUTOSAVE_DELAY;
    this.now = options.now ?? (() => new Date());
    this.onChange = options.onChange ?? (() => undefined);
  }

  /** The user's draft of a field, if there is one (else the back end's value is shown). */
  value(key: string): string | undefined {
    return this.drafts.get(key)?.value;
  }

  get status(): AutosaveStatus {
    const failure = [...this.failures.values()].at(-1);
    if (failure !== undefined) return { kind: 'failed', error: failure };
    const waiting = [...this.drafts.values()].some((d) => d.timer !== undefined);
    if (this.pending > 0 || waiting) return { kind: 'saving' };
    return this.lastSaved ? { kind: 'saved', at: this.lastSaved } : { kind: 'idle' };
  }

  /**
   * The user typed: keep the draft, save it after the pause. `shown` is the back end's value on
   * screen, the base of a draft that starts now; a draft already begun keeps its own base.
   */
  edit(key: string, value: string, save: Save, shown?: string): void {
    const draft = this.drafts.get(key);
    if (draft?.timer !== undefined) clearTimeout(draft.timer);
    const base = draft ? draft.base : shown;
    const next: Draft = { value, kind: 'text', save, ...(draft?.saved !== undefined ? { saved: draft.saved } : {}), ...(base !== undefined ? { base } : {}) };
    next.timer = setTimeout(() => {
      next.timer = undefined;
      this.enqueueText(key);
    }, this.delay);
    this.drafts.set(key, next);
    this.onChange();
  }

  /** The field has the focus: its draft stays while the user is in it. */
  focus(key: string): void {
    this.focused.add(key);
  }

  /** The field lost the focus: save it now; once saved, the back end's value is shown again. */
  blur(key: string): void {
    this.focused.delete(key);
    this.flush(key);
    this.dropIfClean(key);
  }

  /** Why the last save of a field was refused, while its draft waits (undefined: it was not). */
  failure(key: string): unknown {
    return this.failures.get(key);
  }

  /**
   * The user has seen the back end's newer `base` and keeps their own text: the draft is based on
   * it from now on, and saved again now.
   */
  rebase(key: string, base: string): void {
    const draft = this.drafts.get(key);
    if (!draft || draft.kind !== 'text') return;
    draft.base = base;
    this.enqueueText(key);
  }

  /** Whether a typed text has not reached the back end (waiting, on its way, or refused). */
  unsaved(): boolean {
    return this.failures.size > 0 || this.queued.size > 0 || [...this.drafts.values()].some((d) => d.timer !== undefined);
  }

  /**
   * Start the waiting text saves now: of one field, or of all (before an action, when leaving the
   * page). A text whose save was refused is tried again.
   */
  flush(key?: string): void {
    const keys = key === undefined ? [...this.drafts.keys()] : [key];
    for (const k of keys) {
      const draft = this.drafts.get(k);
      if (draft?.kind === 'text' && draft.timer === undefined && this.failures.has(k)) {
        this.enqueueText(k);
        continue;
      }
      if (draft?.timer === undefined) continue;
      clearTimeout(draft.timer);
      draft.timer = undefined;
      this.enqueueText(k);
    }
  }

  /**
   * A choice (radio, checkbox) is saved at once, after the text typed before it. It shows at once;
   * a refusal takes it back and is the caller's to show.
   */
  choose(key: string, value: string, save: Save): Promise<void> {
    this.flush();
    const draft: Draft = { value, kind: 'choice', save };
    this.drafts.set(key, draft);
    this.onChange();
    return this.enqueue(async () => {
      try {
        await save(value);
        this.lastSaved = this.now();
      } finally {
        if (this.drafts.get(key) === draft) this.drafts.delete(key);
      }
    });
  }

  /** Any other call (open, vote, close…): after everything typed before it; its refusal is the caller's. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.flush();
    return this.enqueue(async () => {
      const result = await task();
      this.lastSaved = this.now();
      return result;
    });
  }

  private enqueueText(key: string): void {
    if (this.queued.has(key)) return; // the queued save reads the draft when it runs
    this.queued.add(key);
    void this.enqueue(async () => {
      this.queued.delete(key);
      const draft = this.drafts.get(key);
      if (!draft) return;
      const value = draft.value;
      try {
        await draft.save(value, draft.base); // the base as it is when the save runs, not when the key was pressed
        // The draft may have been replaced by keys typed meanwhile: it is the current one that the back end now has `value` for.
        const current = this.drafts.get(key) ?? draft;
        current.saved = value;
        current.base = value;
        this.failures.delete(key);
        this.lastSaved = this.now();
        if (!this.focused.has(key)) this.dropIfClean(key);
      } catch (error) {
        this.failures.delete(key);
        this.failures.set(key, error); // kept: the text stays on screen, and the next edit tries again
      }
    }).catch(() => undefined);
  }

  /** Forget the draft of a field whose latest text the back end has (the view then shows the same). */
  private dropIfClean(key: string): void {
    const draft = this.drafts.get(key);
    if (!draft || draft.kind !== 'text') return;
    if (draft.timer === undefined && !this.queued.has(key) && draft.saved === draft.value) {
      this.drafts.delete(key);
      this.onChange();
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending += 1;
    this.onChange();
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.settle(),
      () => this.settle(),
    );
    return result;
  }

  private settle(): void {
    this.pending -= 1;
    this.onChange();
  }
}
