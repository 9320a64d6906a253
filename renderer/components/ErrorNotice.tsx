import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

/** A refused call: the back end's message in the UI language, with its code for the administrator. */
export function ErrorNotice({ error, children }: { error: ApiError; children?: ReactNode }) {
  const { lang, t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{t('error.title')}</strong> <span className="error-code">({t('error.code', { code: error.code })})</span>:{' '}
        {error.text(lang)}
      </p>
      {children}
    </div>
  );
}

/**
 * Issue 17: the outcome of a change (saved; refused because someone else changed the case first),
 * shown at the spot `at` next to the control that caused it, not at the top of a long page.
 */
export type PlacedNotice = { at: string; kind: 'ok'; text: string } | { at: string; kind: 'changed'; error: ApiError; text: string };

const PlacedNoticeContext = createContext<PlacedNotice | null>(null);

/** Gives the page's latest placed notice to the spots below it. */
export const PlacedNoticeProvider = PlacedNoticeContext.Provider;

/**
 * Where a placed notice appears: nothing unless the page's latest notice is for `at`; scrolled into
 * view when it comes. The spot at the top of a page takes `orphans`: it also says a notice whose own
 * spot the change took off the page (a form's section that the new state no longer shows).
 */
export function NoticeSpot({ at, orphans = false }: { at: string; orphans?: boolean }) {
  const notice = useContext(PlacedNoticeContext);
  const box = useRef<HTMLDivElement>(null);
  const [orphan, setOrphan] = useState<PlacedNotice | null>(null);
  useLayoutEffect(() => {
    if (!orphans) return;
    const placed = notice !== null && box.current?.ownerDocument.querySelector(`[data-notice-spot="${notice.at}"]`) != null;
    setOrphan(notice !== null && notice.at !== at && !placed ? notice : null);
  }, [notice, orphans, at]);
  const shown = notice !== null && (notice.at === at || notice === orphan) ? notice : null;
  useEffect(() => {
    if (shown) box.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  return (
    <div ref={box} className="notice-spot" data-notice-spot={at}>
      {shown === null ? null : shown.kind === 'ok' ? (
        <p className="notice notice-ok" role="status">
          {shown.text}
        </p>
      ) : (
        <ErrorNotice error={shown.error}>
          <p>{shown.text}</p>
        </ErrorNotice>
      )}
    </div>
  );
}
