import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import en from './messages/en.json';
import { formatIn } from '../ui/format';
import { chooseLanguage, isRightToLeft, type Language } from './languages';

/** Every message of the app, keyed; English is the source and ships in the first load, the others load when chosen. */
export type Messages = typeof en;
export type MessageKey = keyof Messages;

/** What fills a message: values for its placeholders ({title}, plurals), and functions for its tags (<discover>…</discover>). */
export type MessageValues = Record<string, string | number | ((chunks: string[]) => string)>;

/** A message by its key, in the current language. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const others = import.meta.glob<{ default: Messages }>(['./messages/*.json', '!./messages/en.json']);
const cache = createIntlCache();
const storageKey = 'certifications.language';

/** The catalogue of a language: English at once, another fetched as its own small chunk, only when someone reads it. */
export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'en') return en;
  const load = others[`./messages/${language}.json`];
  return load ? (await load()).default : en;
}

export function createIntlFor(language: Language, messages: Messages): IntlShape<string> {
  return createIntl({ locale: language, messages, defaultLocale: 'en' }, cache);
}

/** What a translator needs of an intl object: react-intl's (pages) and @formatjs/intl's (the start-up's failure page) both have it. */
interface MessageFormatter {
  formatMessage(descriptor: { id: string }, values?: MessageValues): string;
}

/** The translate function of an intl object (the same for React pages and the start-up's failure page drawn without React). */
export function translator(intl: MessageFormatter): Translate {
  return (key, values) => intl.formatMessage({ id: key }, values);
}

/**
 * The language this load starts in, with its catalogue, set on the page: the one last shown here, else the browser's, else
 * English. Once /me answers, the person's own setting decides (SignedInLayout).
 */
export async function startLanguage(): Promise<{ language: Language; messages: Messages }> {
  const language = chooseLanguage(rememberedLanguage(), navigator.languages);
  const messages = await loadMessages(language);
  applyToDocument(language);
  return { language, messages };
}

/** The page's lang and dir follow the language, so screen readers pronounce it and the layout mirrors right to left. */
export function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  formatIn(language);
}

/** The language this browser last showed, so the next load starts in it before /me answers. */
export function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private modes without storage start from the browser's language next time.
  }
}
