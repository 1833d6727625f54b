/** The dashboard's languages: shared by the server (which picks one per request) and the language switch. */

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie the language switch writes; it wins over Accept-Language (next-intl's usual name). */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** A year: the choice is a preference, not a session. */
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600;

/** Each language's name in that language, as the switch lists it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language of an Accept-Language header, by quality ("ko-KR,ko;q=0.9,en;q=0.8" → ko). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.base && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.base).find(isLocale);
}
