/** What the connection's server can do that the UI offers conditionally. */
import 'server-only';
import { ttlSupport } from '@/lib/zk/capabilities';
import type { ZkSession } from '@/lib/zk/session';
import type { CapabilitiesResponse } from '@/lib/shared/wire';

export async function capabilities(session: ZkSession): Promise<CapabilitiesResponse> {
  return { ttl: await ttlSupport(session) };
}
