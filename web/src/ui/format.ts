/**
 * Dates, sizes and counts in the app's language, with the browser's own regional form of it when it has one (en-GB
 * dates for an English reader in London). The formats are made on first use: making one loads the locale's data,
 * tens of milliseconds on a fresh page, and a page without dates need not wait for it.
 */
let locale: string | undefined;
let dateFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;
let timeFormat: Intl.DateTimeFormat | undefined;
let dayFormat: Intl.DateTimeFormat | undefined;
let monthFormat: Intl.DateTimeFormat | undefined;
let shortMonthFormat: Intl.DateTimeFormat | undefined;
let listFormat: Intl.ListFormat | undefined;
const sizeFormats = new Map<string, Intl.NumberFormat>();

/** Formats from now on follow this language; called whenever the app's language changes. */
export function formatIn(language: string, browser: readonly string[] = navigator.languages): void {
  const wanted = new Intl.Locale(language).maximize();
  locale =
    browser.find((tag) => {
      try {
        const offered = new Intl.Locale(tag).maximize();
        return offered.language === wanted.language && offered.script === wanted.script;
      } catch {
        return false;
      }
    }) ?? language;
  dateFormat = undefined;
  dateTimeFormat = undefined;
  timeFormat = undefined;
  dayFormat = undefined;
  monthFormat = undefined;
  shortMonthFormat = undefined;
  listFormat = undefined;
  sizeFormats.clear();
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  dateFormat ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  dateTimeFormat ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimeFormat.format(new Date(iso));
}

/** A calendar day (2026-12-07) as it is written, the same day wherever the reader is. */
export function formatDay(day: string): string {
  dayFormat ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** The calendar month a day (2026-12-01) falls in, short ("Dec 2026"), the same month wherever the reader is. */
export function formatMonth(day: string): string {
  monthFormat ??= new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return monthFormat.format(new Date(`${day}T00:00:00Z`));
}

/** The month alone ("Dec"), for a row of months whose year is written once. */
export function formatMonthAlone(day: string): string {
  shortMonthFormat ??= new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  return shortMonthFormat.format(new Date(`${day}T00:00:00Z`));
}

/** A due date: the calendar day it names (the API keeps it as that day's end in UTC), the same day in every time zone. */
export function formatDueDate(iso: string): string {
  return formatDay(new Date(iso).toISOString().slice(0, 10));
}

export function formatTime(iso: string): string {
  timeFormat ??= new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  return timeFormat.format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  const [unit, value] =
    bytes < 1024 ? ['byte', bytes] : bytes < 1024 * 1024 ? ['kilobyte', bytes / 1024] : ['megabyte', bytes / (1024 * 1024)];
  let format = sizeFormats.get(unit);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: unit === 'megabyte' ? 1 : 0,
    });
    sizeFormats.set(unit, format);
  }
  return format.format(value);
}

/** A short list ("Learner, Coach") with the language's own separators. */
export function formatList(items: readonly string[]): string {
  listFormat ??= new Intl.ListFormat(locale, { style: 'short', type: 'unit' });
  return listFormat.format(items);
}
