import { createContext, useContext, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { translator, type Translate } from './i18n';
import type { Language } from './languages';

/** The language the app is shown in, and how to change it (its catalogue is fetched first). */
export interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => Promise<void>;
}

export const LanguageContext = createContext<LanguageState | null>(null);

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside the app');
  return state;
}

/** The current language's messages by key, for a component. */
export function useTranslate(): Translate {
  const intl = useIntl();
  return useMemo(() => translator(intl), [intl]);
}
