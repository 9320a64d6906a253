import type { MouseEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { LANGS } from '../i18n/translate';
import type { Route } from '../router/routes';

interface HeaderProps {
  institutionName: string | null;
  route: Route;
  /** The navigation is hidden until the institution is set up. */
  showNavigation: boolean;
}

function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function Header({ institutionName, route, showNavigation }: HeaderProps) {
  const { lang, setLang, t } = useI18n();
  const links = [
    { href: '#/cases', label: t('nav.cases'), current: route.name === 'cases' || route.name === 'case' },
    { href: '#/new', label: t('nav.new'), current: route.name === 'new' },
    { href: '#/settings', label: t('nav.settings'), current: route.name === 'settings' },
  ];
  return (
    <header className="app-header">
      {/* The fragment is the router's: move the focus instead of following the link. */}
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        {institutionName ? <span className="brand-institution">{institutionName}</span> : null}
      </div>
      {showNavigation ? (
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <a href={l.href} aria-current={l.current ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="lang-switch" role="group" aria-label={t('lang.label')}>
        {LANGS.map((l) => (
          <button key={l} type="button" lang={l} title={t(`lang.${l}`)} aria-pressed={lang === l} onClick={() => setLang(l)}>
            {l.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
