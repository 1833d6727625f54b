/** What the tree and the stat panel can tell about a node from its name and stat. */
import type { ZkStat } from '@/lib/shared/types';

/**
 * The server appends its counter to a sequential node's name as exactly 10 zero-padded digits
 * (`%010d`); a longer run of digits (a 13-digit timestamp) is part of the name, not a counter.
 */
export function isSequentialName(name: string): boolean {
  return /(?:^|\D)\d{10}$/.test(name);
}

/**
 * Ephemeral nodes carry their owner's session id. Container and TTL nodes report 0 to clients
 * (the server hides their internal owner marker), so they cannot be told apart from the stat.
 */
export function isEphemeral(stat: Pick<ZkStat, 'ephemeralOwner'>): boolean {
  return !/^(0x)?0*$/i.test(stat.ephemeralOwner);
}

export function sessionIdHex(owner: string): string {
  return `0x${owner.replace(/^0x/i, '')}`;
}

/** A zxid as ZooKeeper prints it, 0x… (epoch in the high 32 bits, counter in the low). */
export function zxidHex(zxid: number): string {
  return `0x${zxid.toString(16)}`;
}

/** Whether a tree row can expand: unknown until its stat arrives; null means it vanished meanwhile. */
export function mayHaveChildren(stat: Pick<ZkStat, 'numChildren'> | null | undefined): boolean {
  return stat === undefined || (stat !== null && stat.numChildren > 0);
}
