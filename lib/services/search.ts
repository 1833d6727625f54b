/**
 * Searching a subtree's names and values (GET search): the query is checked and its patterns
 * compiled before anything is read, then the walk streams matches as they are found, progress at
 * most every 100 ms, and a summary. Values are searched as UTF-8 text, gzip values after
 * inflating; other binary values are skipped and counted.
 */
import 'server-only';
import { inflate } from '@/lib/zk/data';
import { ZkError } from '@/lib/zk/errors';
import { assertPath } from '@/lib/zk/assert-path';
import { walkTree } from '@/lib/zk/tree-walk';
import type { ZkSession } from '@/lib/zk/session';
import { decodeUtf8, isGzip } from '@/lib/shared/format';
import { baseName, joinPath } from '@/lib/shared/path';
import { SEARCH_REGEX_BUDGET_MS, type SearchDone, type SearchLine, type SearchMatch, type SearchQuery } from '@/lib/shared/search';
import { compilePattern } from './search-pattern';
import { dataMatches, nameMatch } from './search-snippet';
import type { Matcher } from './search-matcher';

/** Requests in flight per search: enough to keep the pipe full, few enough not to flood the server. */
export const SEARCH_CONCURRENCY = 64;
const PROGRESS_EVERY_MS = 100;
/** A pattern that runs out of time on this many values stops the search: it would crawl through the rest. */
const MAX_TIMEOUTS = 3;
const CHUNK = 1000;

/** A value's searchable text: '' for empty, null for binary. */
function textOf(data: Buffer): string | null {
  if (data.length === 0) return '';
  const bytes = isGzip(data) ? inflate(data) : data;
  return bytes && decodeUtf8(bytes);
}

interface Pending {
  path: string;
  text: string;
}

export type SearchRun = (send: (line: SearchLine) => void, signal: AbortSignal) => Promise<void>;

/** Checks the query (INVALID_REQUEST, NO_NODE) and returns the search, ready to stream. */
export async function prepareSearch(session: ZkSession, query: SearchQuery): Promise<SearchRun> {
  assertPath(query.path);
  if (!query.name && !query.data) throw new ZkError('INVALID_REQUEST', 'Give a name or a data term to search for (or both)');
  const names = query.name ? compilePattern(query.name, query.mode, query.caseSensitive, 'name') : null;
  const values = query.data ? compilePattern(query.data, query.mode, query.caseSensitive, 'data') : null;
  if (!(await session.run((h) => h.exists(query.path)))) throw new ZkError('NO_NODE', `${query.path} does not exist`, query.path);
  return (send, signal) => runSearch(session, query, names, values, send, signal);
}

async function runSearch(session: ZkSession, query: SearchQuery, names: Matcher | null, values: Matcher | null, send: (line: SearchLine) => void, signal: AbortSignal): Promise<void> {
  const started = performance.now();
  const stop = new AbortController();
  const abort = () => stop.abort();
  signal.addEventListener('abort', abort);
  const done: SearchDone = { scanned: 0, matches: 0, skipped: { noAuth: 0, binary: 0, timeout: 0 }, truncated: false, ms: 0 };
  let failure: unknown = null;
  let pendingNames: Pending[] = [];
  let pendingValues: Pending[] = [];
  let scheduled: NodeJS.Immediate | null = null;

  const emit = (match: SearchMatch) => {
    if (stop.signal.aborted) return;
    if (done.matches === query.limit) {
      done.truncated = true;
      stop.abort();
      return;
    }
    done.matches++;
    send({ match });
  };
  const timedOut = () => {
    if (++done.skipped.timeout < MAX_TIMEOUTS || failure) return;
    failure = new ZkError(
      'INVALID_REQUEST',
      `The regular expression ran longer than ${SEARCH_REGEX_BUDGET_MS} ms on ${MAX_TIMEOUTS} values, so the search was stopped; simplify it (nested quantifiers such as (a+)+ backtrack exponentially)`,
    );
    stop.abort();
  };
  const run = (matcher: Matcher, batch: Pending[], toMatches: (p: Pending, hits: number[]) => SearchMatch[]) => {
    for (let i = 0; i < batch.length && !stop.signal.aborted; i += CHUNK) {
      const chunk = batch.slice(i, i + CHUNK);
      matcher.match(chunk.map((p) => p.text)).forEach((hits, j) => {
        if (hits === null) timedOut();
        else if (hits.length > 0) toMatches(chunk[j], hits).forEach(emit);
      });
    }
  };
  const flush = () => {
    scheduled = null;
    const [n, v] = [pendingNames, pendingValues];
    pendingNames = [];
    pendingValues = [];
    if (names) run(names, n, (p, hits) => [nameMatch(p.path, p.text, hits)]);
    if (values) run(values, v, (p, hits) => dataMatches(p.path, p.text, hits));
  };
  // Matching waits for the current burst of answers, so that the regex runs in batches.
  const schedule = () => (scheduled ??= setImmediate(flush));

  const rootName = baseName(query.path);
  if (names && rootName) pendingNames.push({ path: query.path, text: rootName });
  if (!values) done.scanned = 1;
  const walk = walkTree(
    session,
    query.path,
    {
      onNames: names
        ? (parent, children) => {
            for (const c of children) pendingNames.push({ path: joinPath(parent, c), text: c });
            if (!values) done.scanned += children.length;
            schedule();
          }
        : undefined,
      onValue(path, data) {
        done.scanned++;
        const text = textOf(data);
        if (text === null) done.skipped.binary++;
        else if (text) pendingValues.push({ path, text });
        schedule();
      },
      onNoAuth: () => done.skipped.noAuth++,
    },
    { data: values !== null, concurrency: SEARCH_CONCURRENCY, signal: stop.signal },
  );
  let lastScanned = -1;
  const progress = setInterval(() => {
    if (done.scanned === lastScanned) return;
    lastScanned = done.scanned;
    send({ progress: { scanned: done.scanned, queued: walk.queued() } });
  }, PROGRESS_EVERY_MS);
  try {
    await walk.done;
    if (scheduled) clearImmediate(scheduled);
    flush();
  } finally {
    clearInterval(progress);
    signal.removeEventListener('abort', abort);
  }
  if (failure) throw failure;
  if (signal.aborted) return;
  done.ms = Math.round(performance.now() - started);
  send({ done });
}
