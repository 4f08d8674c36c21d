// Keyboard shortcuts: "?" lists them; "g" then a letter goes to a screen. Everything else is
// reachable with Tab (a "skip to content" link comes first) and works with Enter and Esc.
import { useEffect, useRef } from 'react';
import { Panel } from '../components/Panel';
import { useT, type MessageKey } from '../i18n';
import { isEditable } from './keys';
import { navigate, paths } from './router';

/** "g" then this key: the screen it opens. */
export const GO_KEYS: { key: string; section: MessageKey; path: string }[] = [
  { key: 'd', section: 'nav.dashboard', path: paths.dashboard() },
  { key: 'p', section: 'nav.products', path: paths.products() },
  { key: 's', section: 'nav.stock', path: paths.stock() },
  { key: 'm', section: 'nav.movements', path: paths.movements() },
  { key: 'c', section: 'nav.counts', path: paths.counts() },
  { key: 'o', section: 'nav.purchasing', path: paths.purchasing() },
  { key: 'h', section: 'nav.shipments', path: paths.shipments() },
  { key: 'e', section: 'nav.sales', path: paths.sales() },
  { key: 'l', section: 'nav.live', path: paths.live() },
  { key: 'r', section: 'nav.reorder', path: paths.reorder() },
  { key: ',', section: 'nav.settings', path: paths.settings() },
];

const GENERAL: [string[], MessageKey][] = [
  [['?'], 'help.key.help'],
  [['/'], 'help.key.search'],
  [['0–9'], 'help.key.scan'],
  [['Tab'], 'help.key.tab'],
  [['Enter'], 'help.key.enter'],
  [['Ctrl', 'Enter'], 'help.key.ctrlEnter'],
  [['Esc'], 'help.key.esc'],
  [['↑', '↓'], 'help.key.arrows'],
];

const SCREENS: [string[], MessageKey][] = [
  [['F8'], 'help.key.liveUndo'],
  [['Shift', 'F8'], 'help.key.liveUndoThis'],
];

/** Keys pressed together ("Ctrl+Enter"), or one after the other or either ("g c", "↑ ↓"). */
function Keys({ keys }: { keys: string[] }) {
  const together = keys.length > 1 && ['Ctrl', 'Shift'].includes(keys[0]!);
  return (
    <span className="help-keys">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 ? (together ? '+' : ' ') : null}
          <kbd>{k}</kbd>
        </span>
      ))}
    </span>
  );
}

/** Listens for "?" (calls onHelp) and "g" then a letter, anywhere but in a field. */
export function useShortcuts(onHelp: () => void): void {
  const help = useRef(onHelp);
  help.current = onHelp;
  const goArmed = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isEditable(document.activeElement)) return;
      if (goArmed.current) {
        clearTimeout(goArmed.current);
        goArmed.current = null;
        const target = GO_KEYS.find((g) => g.key === e.key.toLowerCase());
        if (target) {
          e.preventDefault();
          navigate(target.path);
        }
        return;
      }
      if (document.querySelector('.panel, [data-scan-target]')) return;
      if (e.key === '?') {
        e.preventDefault();
        help.current();
      } else if (e.key === 'g') {
        goArmed.current = setTimeout(() => (goArmed.current = null), 1500);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

export function HelpOverlay({ onClose }: { onClose(): void }) {
  const t = useT();
  const list = (rows: [string[], string][]) => (
    <dl className="help-list">
      {rows.map(([keys, label]) => (
        <div key={keys.join('+')}>
          <dt>
            <Keys keys={keys} />
          </dt>
          <dd>{label}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <Panel title={t('help.title')} onClose={onClose} testId="help-overlay">
      <div className="panel-body help">
        <h3>{t('help.general')}</h3>
        {list(GENERAL.map(([keys, label]) => [keys, t(label)]))}
        <h3>{t('help.goTo')}</h3>
        {list(GO_KEYS.map((g) => [['g', g.key], t(g.section)]))}
        <h3>{t('help.screens')}</h3>
        {list(SCREENS.map(([keys, label]) => [keys, t(label)]))}
      </div>
    </Panel>
  );
}
