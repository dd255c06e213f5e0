import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../shared/errors';

/**
 * UI messages live beside each screen as `{ key: { zh, en } }` catalogs (see `defineMessages`);
 * zh-CN is the default language, English the second. The choice is kept in localStorage.
 */
export type Msg = { readonly zh: string; readonly en: string };
export const defineMessages = <T extends Record<string, Msg>>(m: T): T => m;

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: 'zh-CN',
  setLang: () => {},
});

export function currentLang(): Lang {
  return typeof localStorage !== 'undefined' && localStorage.getItem('ow.lang') === 'en' ? 'en' : 'zh-CN';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('ow.lang', l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);

/** `t(m.key, { n: 3 })` renders a message in the current language, filling `{n}` placeholders. */
export function useT() {
  const { lang } = useLang();
  return useCallback(
    (m: Msg, params?: Record<string, string | number>) => {
      const s = lang === 'en' ? m.en : m.zh;
      return params ? s.replace(/\{(\w+)\}/g, (x, k: string) => (k in params ? String(params[k]) : x)) : s;
    },
    [lang],
  );
}
