import { describe, expect, it } from 'vitest';
import { appLanguage, chooseLanguage, closestLanguage, isRightToLeft } from './languages';

describe('the language a person reads the app in', () => {
  it('finds the shipped language closest to a tag', () => {
    expect(closestLanguage('pt-BR')).toBe('pt');
    expect(closestLanguage('zh-CN')).toBe('zh-Hans');
    expect(closestLanguage('zh-TW')).toBeNull();
    expect(closestLanguage('not a tag')).toBeNull();
  });

  it('takes the setting, else the first of the browser’s languages the app speaks, else English', () => {
    expect(chooseLanguage('ja', ['de-DE'])).toBe('ja');
    expect(chooseLanguage(null, ['sv-SE', 'de-DE'])).toBe('de');
    expect(chooseLanguage(null, ['sv-SE'])).toBe('en');
  });

  it('falls back to the organization’s language when neither the person nor the browser says', () => {
    expect(appLanguage(null, 'fr', ['sv-SE'])).toBe('fr');
    expect(appLanguage(null, 'fr', ['ko-KR'])).toBe('ko');
    expect(appLanguage('he', 'fr', ['ko-KR'])).toBe('he');
  });

  it('knows which languages are written right to left', () => {
    expect(isRightToLeft('ar')).toBe(true);
    expect(isRightToLeft('he-IL')).toBe(true);
    expect(isRightToLeft('hi')).toBe(false);
  });
});
