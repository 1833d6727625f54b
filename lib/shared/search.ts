/** The search API's contract: query fields, limits, and the NDJSON lines it streams. */

export const SEARCH_MODES = ['text', 'glob', 'regex'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export const SEARCH_LIMIT_DEFAULT = 1000;
export const SEARCH_LIMIT_MAX = 10_000;
/** The longest a regular expression may run on one value (or one listing of names). */
export const SEARCH_REGEX_BUDGET_MS = 100;

export interface SearchQuery {
  path: string;
  name?: string;
  data?: string;
  mode: SearchMode;
  /** Case-sensitive matching (default: ignore case). */
  caseSensitive: boolean;
  limit: number;
}

export type SearchField = 'name' | 'data';

/**
 * One match. `start`/`end` are offsets in `snippet`; for data, `line` (1-based) and `column`
 * (offset of the match in that line) place it in the value's text (the inflated text of a gzip value).
 */
export interface SearchMatch {
  path: string;
  in: SearchField;
  line?: number;
  column?: number;
  snippet: string;
  start: number;
  end: number;
}

export interface SearchProgress {
  scanned: number;
  queued: number;
}

export interface SearchDone {
  scanned: number;
  matches: number;
  /** Not searched: unreadable (NO_AUTH), binary values, values the regex ran out of time on. */
  skipped: { noAuth: number; binary: number; timeout: number };
  truncated: boolean;
  ms: number;
}

export type SearchLine = { match: SearchMatch } | { progress: SearchProgress } | { done: SearchDone };
