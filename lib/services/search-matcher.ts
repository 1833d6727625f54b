/**
 * Runs the search's regular expression over batches of texts. V8's backtracking engine can take
 * exponential time on a pattern like (a+)+$, so user patterns run inside a vm context whose
 * timeout interrupts them: a batch that runs out of time is resumed after the text it stopped in,
 * and that text gets the whole budget alone before it counts as timed out. Batches amortize the
 * cost of a timed vm call (about 0.3 ms) over many values.
 */
import 'server-only';
import vm from 'node:vm';
import { SEARCH_REGEX_BUDGET_MS } from '@/lib/shared/search';

/** Matches per text at most (further ones are not reported). */
export const MAX_HITS_PER_TEXT = 20;

/** Flat [index, length, index, length, …] of the matches in one text; null when it ran out of time. */
export type Hits = number[] | null;

export interface Matcher {
  match(texts: readonly string[]): Hits[];
}

// Plain JavaScript, evaluated in the context it runs in; `state` survives a timeout.
const RUNNER = `(function (source, flags, max) {
  const re = new RegExp(source, flags);
  return function (texts, state) {
    for (let i = state.at; i < texts.length; i++) {
      state.at = i;
      const hits = [];
      re.lastIndex = 0;
      let m;
      while (hits.length < max * 2 && (m = re.exec(texts[i])) !== null) {
        hits.push(m.index, m[0].length);
        if (m[0].length === 0) re.lastIndex++;
      }
      state.out.push(hits);
    }
    state.at = texts.length;
  };
})`;

type Run = (texts: readonly string[], state: { at: number; out: number[][] }) => void;
type Factory = (source: string, flags: string, max: number) => Run;

/** A linear pattern (an escaped literal): run directly, no time bound needed. */
export function directMatcher(source: string, flags: string): Matcher {
  const run = (vm.runInThisContext(RUNNER) as Factory)(source, flags, MAX_HITS_PER_TEXT);
  return {
    match(texts) {
      const state = { at: 0, out: [] as number[][] };
      run(texts, state);
      return state.out;
    },
  };
}

const isTimeout = (e: unknown) => (e as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';

/** A user pattern: each text gets at most `budgetMs`. */
export function boundedMatcher(source: string, flags: string, budgetMs = SEARCH_REGEX_BUDGET_MS): Matcher {
  const context = vm.createContext({ texts: [] as readonly string[], state: { at: 0, out: [] as number[][] } });
  context.run = (vm.runInContext(RUNNER, context) as Factory)(source, flags, MAX_HITS_PER_TEXT);
  const script = new vm.Script('run(texts, state)');
  const runFrom = (texts: readonly string[], at: number) => {
    context.texts = texts;
    context.state = { at, out: [] };
    try {
      script.runInContext(context, { timeout: budgetMs });
      return { hits: context.state.out as number[][], stoppedAt: -1 };
    } catch (e) {
      if (!isTimeout(e)) throw e;
      return { hits: context.state.out as number[][], stoppedAt: context.state.at as number };
    }
  };
  return {
    match(texts) {
      const out: Hits[] = [];
      let at = 0;
      while (at < texts.length) {
        const batch = runFrom(texts, at);
        out.push(...batch.hits.map((h) => Array.from(h)));
        if (batch.stoppedAt < 0) break;
        // Retried alone so that the values before it in the batch did not eat its budget.
        const alone = runFrom([texts[batch.stoppedAt]], 0);
        out.push(alone.stoppedAt < 0 ? Array.from(alone.hits[0]) : null);
        at = batch.stoppedAt + 1;
      }
      return out;
    },
  };
}
