// t() with the locale from settings. Placeholders: t('common.total', { n: 5 }).
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import countries from '../../main/common/data/countries.json';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type Locale = 'en' | 'zh';
export type { MessageKey };
export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, zh };

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[locale][key] ?? en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** A reason code from the ledger in words, or as stored if it is not one the UI knows. */
export function reasonLabel(t: T, reason: string | null): string | null {
  if (!reason) return null;
  const key = `reason.${reason}`;
  return isMessageKey(key) ? t(key) : reason;
}

/**
 * A product's two names in the order the reader wants them: in Chinese the Chinese name first
 * where there is one, the other name second.
 */
export function namesByLocale(locale: Locale, name: string, localName: string | null): [string, string | null] {
  return locale === 'zh' && localName ? [localName, name] : [name, localName];
}

interface I18n {
  locale: Locale;
  t: T;
  countryName(code: string | null): string;
}

const Ctx = createContext<I18n>({ locale: 'en', t: (k, v) => translate('en', k, v), countryName: (c) => c ?? '' });

const countryTable = countries as { code: string; name: string; nameZh: string }[];
const byCode = new Map(countryTable.map((c) => [c.code, c]));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (k, v) => translate(locale, k, v),
      countryName: (code) => {
        if (!code) return '';
        const c = byCode.get(code);
        return c ? (locale === 'zh' ? c.nameZh : c.name) : code;
      },
    }),
    [locale],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}

export function useT(): T {
  return useContext(Ctx).t;
}

/** Countries sorted by their name in the current language, for selects. */
export function countryOptions(locale: Locale): { code: string; label: string }[] {
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-Hans-CN' : 'en');
  return countryTable
    .map((c) => ({ code: c.code, label: `${locale === 'zh' ? c.nameZh : c.name} (${c.code})` }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
