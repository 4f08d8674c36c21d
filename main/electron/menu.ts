// The application menu, as a template (main.ts builds it with Menu.buildFromTemplate). Without a
// menu of our own Electron installs its default one, which offers reload and devtools to users.
import type { MenuItemConstructorOptions } from 'electron';
import { HELP_LINKS } from './urls';
import type { OpenExternal } from './security';

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  openExternal: OpenExternal;
}

export function menuTemplate({ isPackaged, platform, openExternal }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const developer: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep];
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, sep, { role: 'selectAll' }],
    },
    {
      label: '&View',
      submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep, { role: 'togglefullscreen' }],
    },
    {
      role: 'help',
      label: '&Help',
      submenu: HELP_LINKS.map((link) => ({ label: link.label, click: () => openExternal(link.url) })),
    },
  ];
}
