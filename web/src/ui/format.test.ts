import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDay, formatDueDate, formatIn, formatList, formatMonth } from './format';

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('dates in the app language, in the browser’s regional form of it', () => {
  it('writes an English reader’s date the British way when the browser is British', () => {
    formatIn('en', ['en-GB', 'de-DE']);
    expect(formatDate('2027-12-24T09:00:00Z')).toBe('24 Dec 2027');
  });

  it('writes a German reader’s date the German way, whatever language the browser lists first', () => {
    formatIn('de', ['fr-FR', 'de-AT']);
    expect(formatDate('2027-12-24T09:00:00Z')).toBe('24.12.2027');
  });

  it('does not take a Traditional Chinese browser’s form for a Simplified Chinese reader', () => {
    formatIn('zh-Hans', ['zh-TW']);
    expect(formatDate('2027-12-24T09:00:00Z')).toBe('2027年12月24日');
  });

  it('keeps a calendar day the same day in every time zone', () => {
    formatIn('en', ['en-GB']);
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Tokyo']) {
      process.env.TZ = tz;
      expect(formatDay('2027-03-31')).toBe('31 Mar 2027');
      expect(formatMonth('2027-03-01')).toBe('Mar 2027');
    }
  });

  it('names a month in the reader’s language', () => {
    formatIn('ja', []);
    expect(formatMonth('2026-12-01')).toBe('2026年12月');
    formatIn('de', []);
    expect(formatMonth('2026-12-01')).toBe('Dez. 2026');
  });
});

describe('sizes and lists', () => {
  it('writes sizes with the language’s own units', () => {
    formatIn('en', []);
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1536)).toBe('2 kB');
    formatIn('fr', []);
    expect(formatBytes(10 * 1024 * 1024)).toMatch(/^10\sMo$/);
  });

  it('joins a list with the language’s own separators', () => {
    formatIn('en', []);
    expect(formatList(['Learner', 'Coach'])).toBe('Learner, Coach');
    formatIn('ar', []);
    expect(formatList(['أ', 'ب', 'ج'])).toContain('،');
  });
});

describe('due dates', () => {
  it('shows the day a due date names in every time zone, from the API’s end of that day in UTC', () => {
    formatIn('en', ['en-GB']);
    for (const tz of ['Asia/Tokyo', 'America/Los_Angeles', 'Europe/Berlin']) {
      process.env.TZ = tz;
      expect(formatDueDate('2027-03-31T23:59:59+00:00')).toBe('31 Mar 2027');
    }
  });
});
