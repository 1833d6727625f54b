import { describe, expect, it } from 'vitest';
import { permsFromString, permsToString } from '@/lib/zk/acl';
import { errorFromRc, ZRC } from '@/lib/zk/errors';

describe('ACL permissions', () => {
  it('round-trips every mask', () => {
    for (let mask = 0; mask < 32; mask++) expect(permsFromString(permsToString(mask))).toBe(mask);
  });
  it('writes letters in cdrwa order', () => {
    expect(permsToString(31)).toBe('cdrwa');
    expect(permsToString(1 | 2)).toBe('rw');
    expect(permsFromString('ar')).toBe(17);
  });
  it('rejects unknown or repeated letters', () => {
    expect(permsFromString('rx')).toBeNull();
    expect(permsFromString('rr')).toBeNull();
  });
});

describe('ZooKeeper return codes', () => {
  it.each([
    [ZRC.ZNONODE, 'NO_NODE'],
    [ZRC.ZNOAUTH, 'NO_AUTH'],
    [ZRC.ZBADVERSION, 'BAD_VERSION'],
    [ZRC.ZNODEEXISTS, 'NODE_EXISTS'],
    [ZRC.ZNOTEMPTY, 'NOT_EMPTY'],
    [ZRC.ZNOCHILDRENFOREPHEMERALS, 'NO_CHILDREN_FOR_EPHEMERALS'],
    [ZRC.ZSESSIONEXPIRED, 'SESSION_EXPIRED'],
    [ZRC.ZCONNECTIONLOSS, 'CONNECTION_UNAVAILABLE'],
    [ZRC.ZOPERATIONTIMEOUT, 'TIMEOUT'],
    [ZRC.ZUNIMPLEMENTED, 'UNSUPPORTED'],
    [ZRC.ZNOTREADONLY, 'READ_ONLY'],
    [ZRC.ZSYSTEMERROR, 'INTERNAL'],
    [-9999, 'INTERNAL'],
  ])('rc %i maps to %s', (rc, code) => {
    const e = errorFromRc(rc, '/p');
    expect(e.code).toBe(code);
    expect(e.path).toBe('/p');
    expect(e.message.length).toBeGreaterThan(5);
  });
});
