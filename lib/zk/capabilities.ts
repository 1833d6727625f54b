import 'server-only';
import { randomUUID } from 'node:crypto';
import { CREATE_FLAGS } from './client';
import { isZkError } from './errors';
import type { CapabilitiesResponse } from '@/lib/shared/wire';
import type { ZkSession } from './session';

/** Whether TTL nodes can be created; why not (English, with its code), when not. */
export type TtlSupport = CapabilitiesResponse['ttl'];

const known = new WeakMap<ZkSession, TtlSupport>();

/**
 * Whether the server accepts TTL nodes, learned without writing anything: the server checks the
 * mode (UNIMPLEMENTED unless `zookeeper.extendedTypesEnabled`) before it looks for the parent, so a
 * TTL create under a parent that does not exist answers NO_NODE when TTL is on. Once per session.
 */
export async function ttlSupport(session: ZkSession): Promise<TtlSupport> {
  const hit = known.get(session);
  if (hit) return hit;
  const probe = `/zooscope-ttl-probe-${randomUUID()}/probe`;
  let answer: TtlSupport;
  try {
    await session.run((h) => h.create(probe, Buffer.alloc(0), CREATE_FLAGS.ttl, 60_000));
    answer = { available: true }; // Not reachable in practice: the parent's name is random.
  } catch (e) {
    if (!isZkError(e)) throw e;
    if (e.code === 'NO_NODE') answer = { available: true };
    else if (e.code === 'UNSUPPORTED') answer = { available: false, reason: 'TTL nodes are disabled on this server (it needs -Dzookeeper.extendedTypesEnabled=true)', reasonCode: 'extendedTypesDisabled' };
    else throw e;
  }
  known.set(session, answer);
  return answer;
}
