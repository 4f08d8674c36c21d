// The loopback bridge's per-launch secret arrives in the URL fragment (#token=…), which browsers
// never send to a server. Keep it for this tab only and take it out of the address bar at once,
// so it does not linger in history, screenshots or the router.
const KEY = 'crossdock.token';

export function takeToken(): string | null {
  const m = /(^#|&)token=([^&]*)/.exec(location.hash);
  if (m) {
    if (m[2]) sessionStorage.setItem(KEY, decodeURIComponent(m[2]));
    const rest = location.hash.replace(/(^#|&)token=[^&]*/, '$1').replace(/^#&/, '#');
    history.replaceState(null, '', location.pathname + location.search + (rest === '#' ? '' : rest));
  }
  return sessionStorage.getItem(KEY);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
