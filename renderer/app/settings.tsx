// Settings are read once and kept fresh through the settings.changed event. They carry the base
// currency every amount is shown in and the locale of the UI.
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Settings } from '../../main/common/api';
import { useQuery } from '../api/hooks';
import { I18nProvider, type Locale } from '../i18n';

interface SettingsState {
  settings: Settings | null;
  baseCurrency: string;
}

const Ctx = createContext<SettingsState>({ settings: null, baseCurrency: 'USD' });
const LOCALE_KEY = 'crossdock.locale';

export function SettingsProvider({ children }: { children: ReactNode }) {
  const q = useQuery('settings.get', {});
  const settings = q.data ?? null;
  // Until settings arrive, use the last locale this browser saw, so the first paint is not in the wrong language.
  const locale: Locale = settings?.locale ?? (localStorage.getItem(LOCALE_KEY) === 'zh' ? 'zh' : 'en');
  useEffect(() => {
    if (settings) localStorage.setItem(LOCALE_KEY, settings.locale);
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [settings, locale]);
  return (
    <Ctx.Provider value={{ settings, baseCurrency: settings?.baseCurrency ?? 'USD' }}>
      <I18nProvider locale={locale}>{children}</I18nProvider>
    </Ctx.Provider>
  );
}

export function useSettings(): SettingsState {
  return useContext(Ctx);
}

export function useBaseCurrency(): string {
  return useContext(Ctx).baseCurrency;
}
