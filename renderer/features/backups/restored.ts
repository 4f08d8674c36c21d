// After a restore the data behind every screen has changed: every window loads again, and the
// backups page says which backup was restored (kept across the reload in sessionStorage).
import { useEffect } from 'react';
import { client } from '../../api/client';

const KEY = 'crossdock.restored';

/** Mounted once for the whole app. */
export function useReloadOnRestore(): void {
  useEffect(
    () =>
      client.on('data.restored', (p) => {
        sessionStorage.setItem(KEY, p.name);
        location.reload();
      }),
    [],
  );
}

// read once as the page loads, and forgotten: a later reload does not say it again
const restoredAtLoad = sessionStorage.getItem(KEY);
sessionStorage.removeItem(KEY);

/** The backup whose restore made this page load, if one did. */
export function restoredNotice(): string | null {
  return restoredAtLoad;
}
