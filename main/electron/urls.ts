// Which URLs the shell trusts. Pure (no 'electron' import) so the rules are unit-tested in Node.
//
// The UI is only ever served from app://crossdock/ (our privileged scheme, see protocol.ts);
// anything else a page tries to reach is either an allow-listed https page opened in the user's
// browser or nothing at all.
export const APP_SCHEME = 'app';
export const APP_HOST = 'crossdock';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Hosts whose https pages may be opened in the system browser (exact match, no subdomains). */
export const EXTERNAL_HOSTS: readonly string[] = [
  'www.wcoomd.org', // World Customs Organization: the HS nomenclature the app ships
  'www.ecb.europa.eu', // European Central Bank: the euro reference rates the app ships
  'comtrade.un.org', // UN Comtrade: source of the HS 2022 table (main/core/reference/data/SOURCE.md)
];

/** Links in the Help menu. Each must pass isAllowedExternal (a unit test checks). */
export const HELP_LINKS: readonly { label: string; url: string }[] = [
  { label: 'HS nomenclature (World Customs Organization)', url: 'https://www.wcoomd.org/en/topics/nomenclature/overview.aspx' },
  {
    label: 'Euro reference exchange rates (ECB)',
    url: 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html',
  },
];

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A page or frame of our own UI: app://crossdock/… exactly (no credentials, no port). */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** May this URL be handed to the OS browser? https only, allow-listed host, default port, no credentials. */
export function isAllowedExternal(url: unknown): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '' || u.port !== '') return false;
  return EXTERNAL_HOSTS.includes(u.hostname);
}
