/**
 * The search's state in the browse URL, so that a search can be shared and reloaded:
 * ?search=<subtree>&name=…&data=…&mode=glob&case=1, and the match an opened result points at
 * (?hl=<line>:<column>:<matched text>, or ?hl=name).
 */
import { SEARCH_MODES, type SearchMatch, type SearchMode } from '@/lib/shared/search';
import type { SearchInput } from './search';

const KEYS = ['search', 'name', 'data', 'mode', 'case', 'hl'] as const;

export function readSearchState(params: URLSearchParams): SearchInput | null {
  const path = params.get('search');
  if (path === null) return null;
  const mode = params.get('mode');
  return {
    path: path || '/',
    name: params.get('name') ?? '',
    data: params.get('data') ?? '',
    mode: SEARCH_MODES.includes(mode as SearchMode) ? (mode as SearchMode) : 'text',
    caseSensitive: params.get('case') === '1',
  };
}

/** `params` with the search replaced (null: closed) and any match mark dropped. */
export function withSearchState(params: URLSearchParams, state: SearchInput | null): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of KEYS) next.delete(k);
  if (!state) return next;
  next.set('search', state.path);
  if (state.name) next.set('name', state.name);
  if (state.data) next.set('data', state.data);
  if (state.mode !== 'text') next.set('mode', state.mode);
  if (state.caseSensitive) next.set('case', '1');
  return next;
}

/** Where a data match lies in the value's text, and what it matched. */
export interface MatchMark {
  line: number;
  column: number;
  text: string;
}

/** The mark of a data match (a name match marks nothing in the value). */
export function markOf(m: SearchMatch): MatchMark | null {
  return m.in === 'data' && m.line !== undefined && m.column !== undefined ? { line: m.line, column: m.column, text: m.snippet.slice(m.start, m.end) } : null;
}

export function readMatchMark(params: URLSearchParams): MatchMark | null {
  const m = /^(\d+):(\d+):([\s\S]+)$/.exec(params.get('hl') ?? '');
  return m ? { line: Number(m[1]), column: Number(m[2]), text: m[3] } : null;
}

export function withMatchMark(params: URLSearchParams, mark: MatchMark | null): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('hl');
  if (mark) next.set('hl', `${mark.line}:${mark.column}:${mark.text}`);
  return next;
}

function lineStart(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const newline = text.indexOf('\n', at);
    if (newline === -1) return -1;
    at = newline + 1;
  }
  return at;
}

/** The offsets of a mark in `text` (as shown, e.g. pretty-printed): at its place, else its first occurrence. */
export function locateMark(text: string, mark: MatchMark): { from: number; to: number } | null {
  const same = (from: number) => text.slice(from, from + mark.text.length).toLowerCase() === mark.text.toLowerCase();
  const start = lineStart(text, mark.line);
  const from = start === -1 ? -1 : start + mark.column;
  if (from >= 0 && same(from)) return { from, to: from + mark.text.length };
  const found = text.toLowerCase().indexOf(mark.text.toLowerCase());
  return found === -1 ? null : { from: found, to: found + mark.text.length };
}
