import { Fragment, useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { SessionUser } from '../../shared/contract/users';
import { alwaysShowsSigning, navigationFor, type NavigationItem } from '../auth/access';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { LANGS } from '../i18n/translate';
import type { Route } from '../router/routes';
import { DiskSpaceBanner } from './DiskSpaceBanner';

interface HeaderProps {
  institutionName: string | null;
  route: Route;
  /** The signed-in user (null before signing in): the navigation follows their roles. */
  user: SessionUser | null;
  /** The navigation is hidden until the institution is set up. */
  showNavigation: boolean;
  onSignOut?(): void;
  /**
   * The signing queue's link, with its count: a feature's, so the app shell passes it in (the
   * layout never imports a feature). Absent: the plain link.
   */
  signingLink?: (props: { current: boolean; onlyWhenWaiting: boolean }) => ReactNode;
}

const LINKS: Readonly<Record<NavigationItem, { label: MessageKey; current: readonly Route['name'][] }>> = {
  home: { label: 'nav.home', current: ['home'] },
  statistics: { label: 'nav.statistics', current: ['statistics'] },
  cases: { label: 'nav.cases', current: ['cases', 'case'] },
  new: { label: 'nav.new', current: ['new'] },
  meetings: { label: 'nav.meetings', current: ['meetings', 'meeting'] },
  places: { label: 'nav.places', current: ['places'] },
  documents: { label: 'nav.documents', current: ['documents'] },
  signing: { label: 'nav.signing', current: ['signing'] },
  commission: { label: 'nav.commission', current: ['commission'] },
  archive: { label: 'archive.nav', current: ['archive'] },
  settings: { label: 'nav.settings', current: ['settings'] },
  users: { label: 'nav.users', current: ['users'] },
  audit: { label: 'nav.audit', current: ['audit'] },
};

function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** The user's name, opening a menu: change the password, sign out. */
function UserMenu({ user, onSignOut }: { user: SessionUser; onSignOut(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={root}>
      <button
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls="user-menu-list"
        aria-label={t('user.menu', { name: user.displayName })}
        onClick={() => setOpen((o) => !o)}
      >
        {user.displayName} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul id="user-menu-list" className="user-menu-list">
          <li>
            <a href="#/password" onClick={() => setOpen(false)}>
              {t('user.changePassword')}
            </a>
          </li>
          <li>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                onSignOut();
              }}
            >
              {t('user.signOut')}
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}

export function Header({ institutionName, route, user, showNavigation, onSignOut, signingLink }: HeaderProps) {
  const { lang, setLang, t } = useI18n();
  const links = user && showNavigation ? navigationFor(user.roles) : [];
  return (
    <>
      <header className="app-header">
        {/* The fragment is the router's: move the focus instead of following the link. */}
        <a className="skip-link" href="#main" onClick={skipToContent}>
          {t('app.skipToContent')}
        </a>
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          {institutionName ? <span className="brand-institution">{institutionName}</span> : null}
        </div>
        {links.length > 0 ? (
          <nav aria-label={t('nav.label')}>
            <ul>
              {links.map((item) => {
                const current = LINKS[item].current.includes(route.name);
                if (item === 'signing' && signingLink) return <Fragment key={item}>{signingLink({ current, onlyWhenWaiting: !alwaysShowsSigning(user?.roles ?? []) })}</Fragment>;
                return (
                  <li key={item}>
                    <a href={`#/${item}`} aria-current={current ? 'page' : undefined}>
                      {t(LINKS[item].label)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
        <div className="header-end">
          {user && onSignOut ? <UserMenu user={user} onSignOut={onSignOut} /> : null}
          <div className="lang-switch" role="group" aria-label={t('lang.label')}>
            {LANGS.map((l) => (
              <button key={l} type="button" lang={l} title={t(`lang.${l}`)} aria-pressed={lang === l} onClick={() => setLang(l)}>
                {l.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
      </header>
      {/* Issue 16: the low-space warning, to every signed-in user, under the header. */}
      {user ? <DiskSpaceBanner user={user} route={route} /> : null}
    </>
  );
}
