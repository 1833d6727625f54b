/**
 * Turns a search term into a matcher: text is an escaped literal (linear, run directly); glob and
 * regex run with a time bound. A name glob matches the whole name; a data glob matches within a
 * line. Regexes are compiled here, before any walk, so that a bad one is refused up front.
 */
import 'server-only';
import { ZkError } from '@/lib/zk/errors';
import type { SearchField, SearchMode } from '@/lib/shared/search';
import { boundedMatcher, directMatcher, type Matcher } from './search-matcher';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function globSource(glob: string, field: SearchField): string {
  const any = field === 'name' ? '.*' : '[^\\n]*';
  const one = field === 'name' ? '.' : '[^\\n]';
  const body = Array.from(glob, (c) => (c === '*' ? any : c === '?' ? one : escapeRegExp(c))).join('');
  return field === 'name' ? `^${body}$` : body;
}

export function compilePattern(term: string, mode: SearchMode, caseSensitive: boolean, field: SearchField): Matcher {
  // 'm': ^ and $ also match at line ends, which is what a search in a multi-line value means.
  const flags = `g${caseSensitive ? '' : 'i'}${field === 'data' ? 'm' : ''}`;
  if (mode === 'text') return directMatcher(escapeRegExp(term), flags);
  const source = mode === 'glob' ? globSource(term, field) : term;
  try {
    new RegExp(source, flags);
  } catch (e) {
    throw new ZkError('INVALID_REQUEST', `The ${field} pattern is not a valid regular expression: ${(e as Error).message}`);
  }
  return boundedMatcher(source, flags);
}
