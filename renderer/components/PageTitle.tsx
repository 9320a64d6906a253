import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The page's heading. A new page moves the focus to it, so that a screen reader announces where the
 * user landed, and names the window after it.
 */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const appName = t('app.name');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    document.title = `${title} – ${appName}`;
  }, [title, appName]);

  return (
    <h1 ref={heading} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
