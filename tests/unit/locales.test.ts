import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '@/lib/shared/locales';

describe('localeFromAcceptLanguage', () => {
  it('picks the first supported language by quality, then by order', () => {
    expect(localeFromAcceptLanguage('ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ko');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,ko;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,ko;q=0.5,en;q=0.4')).toBe('ko');
    expect(localeFromAcceptLanguage('en;q=0.3, ko;q=0.8')).toBe('ko');
  });

  it('answers undefined for no header or no supported language (the caller falls back to English)', () => {
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
    expect(localeFromAcceptLanguage('')).toBeUndefined();
    expect(localeFromAcceptLanguage('fr,de;q=0.9')).toBeUndefined();
    expect(localeFromAcceptLanguage('ko;q=0, fr')).toBeUndefined();
  });
});
