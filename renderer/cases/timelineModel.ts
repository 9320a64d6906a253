/**
 * The case's timeline as the page reads it (issue 14): which steps a later correction undid (the
 * step stays, marked, never hidden), and how an appeal entry reads (filed, or its outcome recorded).
 */

/** A timeline entry as these functions read it. */
export interface TimelineStep {
  readonly kind: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly actId?: string | undefined;
}

/**
 * The indexes of the steps that a later correction undid: a correction from X back to Y undoes the
 * latest step still standing from Y to X. A correction undoes only the latest step recorded by hand,
 * so the steps taken after it (and undone before it) are matched first.
 */
export function undoneSteps(entries: readonly TimelineStep[]): Set<number> {
  const standing: number[] = [];
  const undone = new Set<number>();
  entries.forEach((e, i) => {
    if (e.kind === 'state') standing.push(i);
    if (e.kind !== 'corrected') return;
    for (let k = standing.length - 1; k >= 0; k--) {
      const s = entries[standing[k]!]!;
      if (s.to === e.from && s.from === e.to) {
        undone.add(standing[k]!);
        standing.splice(k, 1);
        return;
      }
    }
  });
  return undone;
}

/** An 'appeal' entry records the filing, or (carrying the received decision's act) the outcome. */
export function appealEntryKind(entry: TimelineStep): 'filed' | 'decided' {
  return entry.actId !== undefined ? 'decided' : 'filed';
}
