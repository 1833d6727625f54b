import { describe, expect, it } from 'vitest';
import { safeNext } from '@/lib/shared/redirect';

describe('safeNext', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNext('/c/default/browse/apps?x=1#stat')).toBe('/c/default/browse/apps?x=1#stat');
    expect(safeNext('/%09/still-here')).toBe('/%09/still-here');
  });

  it('refuses targets that leave the site however they are spelled', () => {
    const bad = [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '/\u0000/evil.example',
      '\t//evil.example',
      'javascript:alert(1)',
      '',
      null,
      undefined,
    ];
    for (const value of bad) expect(safeNext(value), JSON.stringify(value)).toBe('/');
  });

  it('what the search parameter decodes to is refused too (?next=/%09/evil.example)', () => {
    const next = new URLSearchParams('next=/%09/evil.example').get('next');
    expect(safeNext(next)).toBe('/');
    expect(safeNext(new URLSearchParams('next=/%0A/evil.example').get('next'))).toBe('/');
    expect(safeNext(new URLSearchParams('next=/%0D/evil.example').get('next'))).toBe('/');
  });
});
