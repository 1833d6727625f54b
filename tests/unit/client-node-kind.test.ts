import { describe, expect, it } from 'vitest';
import { isSequentialName } from '@/lib/client/node-kind';

describe('isSequentialName', () => {
  it('marks the 10-digit counter ZooKeeper appends', () => {
    expect(isSequentialName('lock-0000000007')).toBe(true);
    expect(isSequentialName('0000000042')).toBe(true);
    expect(isSequentialName('_c_3f2a-latch-0000000123')).toBe(true);
  });

  it('does not mark other digits at the end of a name', () => {
    expect(isSequentialName('snapshot-1733050000000')).toBe(false); // a 13-digit timestamp
    expect(isSequentialName('item-099900')).toBe(false);
    expect(isSequentialName('12345678901')).toBe(false);
    expect(isSequentialName('config')).toBe(false);
  });
});
