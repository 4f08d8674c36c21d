// The frame around every screen: top bar (brand, global search), left navigation, connection
// banner, and the routed page.
import { useState, type ReactNode } from 'react';
import { useConnectionState } from '../api/connection';
import { useSettings } from './settings';
import { useT, type MessageKey } from '../i18n';
import { GlobalSearch } from './GlobalSearch';
import { HelpOverlay, useShortcuts } from './HelpOverlay';
import { sectionOf, useRoute, type Section } from './router';

const NAV: { section: Section; href: string; icon: string }[] = [
  { section: 'dashboard', href: '#/', icon: '◧' },
  { section: 'products', href: '#/products', icon: '▦' },
  { section: 'stock', href: '#/stock', icon: '▤' },
  { section: 'movements', href: '#/movements', icon: '⇅' },
  { section: 'counts', href: '#/counts', icon: '☑' },
  { section: 'locations', href: '#/locations', icon: '⌂' },
  { section: 'suppliers', href: '#/suppliers', icon: '⊞' },
  { section: 'purchasing', href: '#/purchasing', icon: '⊕' },
  { section: 'shipments', href: '#/shipments', icon: '⇄' },
  { section: 'returns', href: '#/returns', icon: '↩' },
  { section: 'sales', href: '#/sales', icon: '⊟' },
  { section: 'customers', href: '#/customers', icon: '☺' },
  { section: 'live', href: '#/live', icon: '◉' },
  { section: 'reorder', href: '#/reorder', icon: '↻' },
  { section: 'sync', href: '#/sync', icon: '⇵' },
  { section: 'landed', href: '#/landed', icon: '⊡' },
  { section: 'calculator', href: '#/calculator', icon: '∑' },
  { section: 'rates', href: '#/rates', icon: '¤' },
  { section: 'backups', href: '#/backups', icon: '⛁' },
  { section: 'settings', href: '#/settings', icon: '⚙' },
];

function ConnectionBanner() {
  const t = useT();
  const state = useConnectionState();
  if (state === 'open') return null;
  const [cls, key]: [string, MessageKey] =
    state === 'no-token'
      ? ['banner-error', 'conn.noToken']
      : state === 'unauthorized'
        ? ['banner-error', 'conn.unauthorized']
        : state === 'reconnecting'
          ? ['banner-warn', 'conn.reconnecting']
          : ['banner-info', 'conn.connecting'];
  return (
    <div className={`banner ${cls}`} role="alert" data-testid="connection-banner" data-state={state}>
      {t(key)}
    </div>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const route = useRoute();
  const current = sectionOf(route);
  const { settings } = useSettings();
  const [help, setHelp] = useState(false);
  useShortcuts(() => setHelp(true));
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true">
            ⬡
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </a>
        <GlobalSearch />
        <div className="topbar-meta">
          {settings ? (
            <>
              <span className="pill" title={t('settings.baseCurrency')}>
                {settings.baseCurrency}
              </span>
              <span className="topbar-user">{settings.userName}</span>
            </>
          ) : null}
          <button type="button" className="icon-btn topbar-help" data-testid="help-open" aria-label={t('help.open')} title={t('help.open')} onClick={() => setHelp(true)}>
            ?
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('nav.main')}>
        {NAV.map((n) => (
          <a key={n.section} href={n.href} data-testid={`nav-${n.section}`} className={n.section === current ? 'current' : ''} aria-current={n.section === current ? 'page' : undefined}>
            <span className="nav-icon" aria-hidden="true">
              {n.icon}
            </span>
            {t(`nav.${n.section}`)}
          </a>
        ))}
        <div className="sidenav-foot">{t('app.tagline')}</div>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        <ConnectionBanner />
        {children}
      </main>
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
