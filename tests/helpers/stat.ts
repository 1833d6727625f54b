import type { ZkStat } from '@/lib/shared/types';

/** A plausible stat for pure tests: zxids 10, version 0, no children; override what matters. */
export const stat = (over: Partial<ZkStat> = {}): ZkStat => ({
  czxid: 10,
  mzxid: 10,
  pzxid: 10,
  ctime: 0,
  mtime: 0,
  version: 0,
  cversion: 0,
  aversion: 0,
  ephemeralOwner: '0',
  dataLength: 0,
  numChildren: 0,
  ...over,
});
