/** Builds the match lines of the search: where a hit lies and the piece of text shown around it. */
import 'server-only';
import type { SearchMatch } from '@/lib/shared/search';

/** Context kept before a match, and the longest snippet sent. */
const BEFORE = 60;
const SNIPPET_MAX = 200;

export function nameMatch(path: string, name: string, hits: number[]): SearchMatch {
  return { path, in: 'name', snippet: name, start: hits[0], end: hits[0] + hits[1] };
}

/** One match per hit, each with its line and a snippet of that line around it. */
export function dataMatches(path: string, text: string, hits: number[]): SearchMatch[] {
  const out: SearchMatch[] = [];
  let line = 1;
  let counted = 0;
  for (let i = 0; i < hits.length; i += 2) {
    const index = hits[i];
    // Hits come in order: count the newlines between the previous one and this one only.
    for (let k = text.indexOf('\n', counted); k !== -1 && k < index; k = text.indexOf('\n', k + 1)) line++;
    counted = index;
    const lineStart = index === 0 ? 0 : text.lastIndexOf('\n', index - 1) + 1;
    const newline = text.indexOf('\n', index);
    const lineEnd = newline === -1 ? text.length : newline;
    const from = Math.max(lineStart, index - BEFORE);
    const to = Math.min(lineEnd, from + SNIPPET_MAX);
    const end = Math.min(index + hits[i + 1], to);
    out.push({ path, in: 'data', line, column: index - lineStart, snippet: text.slice(from, to), start: index - from, end: Math.max(end, index) - from });
  }
  return out;
}
