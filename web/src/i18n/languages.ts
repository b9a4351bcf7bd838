/** The languages the web app speaks; each has a complete catalogue in messages/ (a test fails on a missing key). */
export const shippedLanguages = ['en', 'fr', 'de', 'es', 'pt', 'ja', 'zh-Hans', 'ko', 'ar', 'he', 'hi'] as const;

export type Language = (typeof shippedLanguages)[number];

/** The shipped language closest to a BCP 47 tag: itself, its script (zh-CN is zh-Hans), or its base language (pt-BR is pt). */
export function closestLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag).maximize();
  } catch {
    return null;
  }
  const exact = shippedLanguages.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  if (locale.language === 'zh') return locale.script === 'Hans' ? 'zh-Hans' : null;
  return shippedLanguages.find((l) => l === locale.language) ?? null;
}

/** The person's language: their setting, else the first of the browser's languages the app speaks, else English. */
export function chooseLanguage(setting: string | null | undefined, browser: readonly string[]): Language {
  return closestLanguage(setting) ?? browser.map(closestLanguage).find((l) => l !== null) ?? 'en';
}

/**
 * The language the app is shown in for someone signed in: their own setting, else their browser's, else their organization's
 * (which their e-mails are in when they have set none).
 */
export function appLanguage(setting: string | null | undefined, organization: string, browser: readonly string[]): Language {
  return chooseLanguage(setting, [...browser, organization]);
}

export function isRightToLeft(language: string): boolean {
  const base = new Intl.Locale(language).language;
  return base === 'ar' || base === 'he' || base === 'fa' || base === 'ur';
}

/** A language's name in itself ("français", "日本語", "العربية"), for the language picker. */
export function endonym(language: string): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
