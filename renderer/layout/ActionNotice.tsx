import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Issue 17: what an action did (saved, created, reported), shown where the action was taken, not at
 * the top of a long page: scrolled into view when it appears, and given the focus when the control
 * that caused it is gone (a form that closed or started anew), so that the keyboard carries on from
 * here and a screen reader reads it.
 */
export function ActionNotice({ tone = 'ok', takeFocus = false, children }: { tone?: 'ok' | 'warning'; takeFocus?: boolean; children: ReactNode }) {
  const notice = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const element = notice.current;
    if (!element) return;
    // Centred: what loads after the action (a list that grows above it) does not push it out of sight.
    element.scrollIntoView({ block: 'center' });
    if (takeFocus) element.focus({ preventScroll: true });
  }, [takeFocus]);

  return (
    <p ref={notice} className={`notice notice-${tone}`} role="status" tabIndex={takeFocus ? -1 : undefined}>
      {children}
    </p>
  );
}
