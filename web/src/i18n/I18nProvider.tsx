import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
/** Each language names itself, so someone who cannot read the current one still finds theirs. */
export const localeNames: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

const STORAGE_KEY = 'aso.locale';

function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale);
}

/** The user's choice if they made one, else the first of the browser's languages we speak. */
function initialLocale(): Locale {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (isLocale(chosen)) return chosen;
  for (const language of navigator.languages) {
    if (language.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (language.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The language the service knows the person reads (a customer's): taken unless they chose one with the switch. */
  preferLocale(locale: string): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const preferLocale = useCallback((preferred: string) => {
    if (isLocale(preferred) && !isLocale(localStorage.getItem(STORAGE_KEY))) setLocaleState(preferred);
  }, []);
  const t = useCallback<Translate>(
    (key, values = {}) => catalogs[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)),
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, preferLocale, t }), [locale, setLocale, preferLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}
