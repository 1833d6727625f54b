/** Helpers of the live (watch hub / event stream) tests. */
import { fourLetterWord } from '@/scripts/lib/zk-server';
import type { LiveEvent } from '@/lib/shared/events';
import { sameSessionId } from '@/lib/zk/four-letter-parsers';
import { ZkSession } from '@/lib/zk/session';
import type { LiveSubscriber } from '@/lib/zk/watch-hub';

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A subscriber that records what it receives. */
export interface Collector extends LiveSubscriber {
  events: LiveEvent[];
  of<T extends LiveEvent['type']>(type: T, path?: string): Array<Extract<LiveEvent, { type: T }>>;
}

export function collector(): Collector {
  const events: LiveEvent[] = [];
  return {
    events,
    deliver: (e) => void events.push(e),
    of: (type, path) => events.filter((e) => e.type === type && (path === undefined || ('path' in e && e.path === path))) as never,
  };
}

/** A separate ZooKeeper session: "another client" making changes. */
export function otherClient(connectString: string, id = 'other'): ZkSession {
  return new ZkSession({ id, name: id, connectString, sessionTimeoutMs: 10_000, readOnly: false });
}

function portOf(connectString: string): number {
  return Number(connectString.split(',')[0].split(':')[1]);
}

/** The data watches a session holds on the server, from `wchc` (session id → paths). */
export async function serverWatchesOf(connectString: string, sessionId: string): Promise<string[]> {
  const text = await fourLetterWord(portOf(connectString), 'wchc');
  const paths: string[] = [];
  let mine = false;
  for (const line of text.split('\n')) {
    if (/^0x[0-9a-f]+\s*$/i.test(line)) mine = sameSessionId(line.trim(), sessionId);
    else if (mine && line.startsWith('\t')) paths.push(line.trim());
  }
  return paths;
}

/** The sessions watching one path on the server, from `wchp`. */
export async function serverWatchersOf(connectString: string, path: string): Promise<string[]> {
  const text = await fourLetterWord(portOf(connectString), 'wchp');
  const sessions: string[] = [];
  let current: string | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('/')) current = line.trim();
    else if (current === path && line.startsWith('\t')) sessions.push(line.trim());
  }
  return sessions;
}

