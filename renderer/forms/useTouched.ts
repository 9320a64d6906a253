import { useState } from 'react';

function withField<F>(set: ReadonlySet<F>, field: F): ReadonlySet<F> {
  return set.has(field) ? set : new Set(set).add(field);
}

export interface Touched<F> {
  /** Whether the field's error may be shown. */
  isTouched(field: F): boolean;
  /** The user typed in or chose something for the field. */
  markChanged(field: F): void;
  /** The field lost the focus: its error shows if the user had changed it (tabbing through does not count). */
  leave(field: F): void;
  /** Show the field's error from now on. */
  touch(field: F): void;
}

/** Which fields show their validation errors: those the user has worked on. */
export function useTouched<F>(): Touched<F> {
  const [changed, setChanged] = useState<ReadonlySet<F>>(new Set());
  const [touched, setTouched] = useState<ReadonlySet<F>>(new Set());
  return {
    isTouched: (field) => touched.has(field),
    markChanged: (field) => setChanged((s) => withField(s, field)),
    leave: (field) => {
      if (changed.has(field)) setTouched((s) => withField(s, field));
    },
    touch: (field) => setTouched((s) => withField(s, field)),
  };
}
