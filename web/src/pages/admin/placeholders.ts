import type { MessageKey, Translate } from '../../i18n/i18n';

/** The placeholders a certificate's heading and body may use; the API checks the same list (a test keeps them equal). */
export const placeholders = ['learner', 'certification', 'date', 'expires', 'id'] as const;

/** What a placeholder stands for, in the reader's words. */
export function placeholderHelp(name: (typeof placeholders)[number], t: Translate): string {
  return t(`placeholder.${name}` as MessageKey);
}

/** The placeholders in a text that are not on the list, each once, as typed. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(placeholders);
  const found: string[] = [];
  // Read as the API reads them: "{{" up to the first "}", which must be doubled.
  let from = 0;
  while (from < text.length) {
    const open = text.indexOf('{{', from);
    if (open < 0) break;
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    if (text[close + 1] === '}') {
      found.push(text.slice(open + 2, close).trim());
      from = close + 2;
    } else {
      from = close + 1;
    }
  }
  return [...new Set(found.filter((name) => !known.has(name)))];
}
