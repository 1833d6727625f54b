import 'server-only';
import { FourLetterError, sendFourLetterWord, type FourLetterFailure, type FourLetterOptions } from './four-letter-transport';
import { parseConf, parseCons, parseIsro, parseMntr, parseRuok, parseSrvr, parseWchs } from './four-letter-parsers';
import type { FourLetterWord } from '@/lib/shared/ensemble';

/** A word sent and its answer parsed, with the server's refusals told apart from real answers. */

const NOT_SERVING_TEXT = 'This ZooKeeper instance is not currently serving requests';
const NOT_WHITELISTED = /^\s*(\w+) is not executed because it is not in the whitelist\.?/;

export type FourLetterAnswer =
  | { kind: 'ok'; text: string }
  | { kind: 'not-whitelisted'; word: string }
  | { kind: 'not-serving' };

/** Tells a real answer from the server's two refusals: not whitelisted, or not serving. */
export function classifyAnswer(text: string): FourLetterAnswer {
  const m = NOT_WHITELISTED.exec(text);
  if (m) return { kind: 'not-whitelisted', word: m[1] };
  if (text.trim() === NOT_SERVING_TEXT) return { kind: 'not-serving' };
  return { kind: 'ok', text };
}

/**
 * The words this dashboard asks for (an explicit list: `*` would also allow the expensive ones;
 * `cons` is no longer among them, the C client names the session's server).
 */
export const DASHBOARD_WORDS = ['mntr', 'conf', 'srvr', 'ruok', 'isro', 'wchs'] as const;

/** What an operator changes so the dashboard can read the given words. */
export function whitelistHint(words: readonly string[]): string {
  return (
    `${words.join(', ')} ${words.length === 1 ? 'is' : 'are'} not whitelisted: add 4lw.commands.whitelist=${DASHBOARD_WORDS.join(',')} ` +
    `to zoo.cfg, or enable the AdminServer (admin.enableServer=true, admin.serverPort=…), then restart the server.`
  );
}

export type WordResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not-whitelisted' | 'not-serving' | 'unparseable' | FourLetterFailure; message: string };

const PARSERS = {
  srvr: parseSrvr,
  mntr: parseMntr,
  conf: parseConf,
  cons: parseCons,
  wchs: parseWchs,
  ruok: parseRuok,
  isro: parseIsro,
} satisfies Record<FourLetterWord, (text: string) => unknown>;

export type WordValue<W extends FourLetterWord> = NonNullable<ReturnType<(typeof PARSERS)[W]>>;

/** Sends a word and parses the answer; every failure becomes a typed result, never a throw. */
export async function queryWord<W extends FourLetterWord>(
  host: string,
  port: number,
  word: W,
  options: FourLetterOptions = {},
): Promise<WordResult<WordValue<W>>> {
  let text: string;
  try {
    text = await sendFourLetterWord(host, port, word, options);
  } catch (e) {
    if (e instanceof FourLetterError) return { ok: false, reason: e.kind, message: e.message };
    throw e;
  }
  const answer = classifyAnswer(text);
  if (answer.kind === 'not-whitelisted') {
    return { ok: false, reason: 'not-whitelisted', message: `"${word}" is not in 4lw.commands.whitelist on ${host}:${port}` };
  }
  if (answer.kind === 'not-serving') {
    return { ok: false, reason: 'not-serving', message: 'Not currently serving requests (leader election in progress or no quorum)' };
  }
  const value = PARSERS[word](answer.text);
  if (value === null || (word === 'mntr' && Object.keys(value as object).length === 0)) {
    return { ok: false, reason: 'unparseable', message: `Unexpected answer to "${word}": ${answer.text.slice(0, 120)}` };
  }
  return { ok: true, value: value as WordValue<W> };
}

