import { describe, expect, it } from 'vitest';
import { checkAcl, checkAclEntry, checkAclForSession, checkIpId } from '@/lib/shared/acl-rules';
import { digestId } from '@/lib/shared/digest';

describe('ip ids', () => {
  it.each(['10.0.0.1', '10.0.0.0/8', '0.0.0.0/0', '255.255.255.255/32', '::1', '::1/128', 'fe80::/10', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8'])('accepts %s', (id) => {
    expect(checkIpId(id)).toBeNull();
  });
  it.each([
    ['10.0.0.0/33', /0 to 32/],
    ['::/129', /0 to 128/],
    ['10.0.0.256', /not an IPv4/],
    ['10.0.0', /not an IPv4/],
    ['10.0.0.0/8/8', /more than one/],
    ['10.0.0.0/', /prefix/],
    ['10.0.0.0/x', /prefix/],
    ['1:2:3:4:5:6:7:8:9', /not an IPv4 or IPv6/],
    ['1::2::3', /not an IPv4 or IPv6/],
    ['::ffff:10.0.0.1:1', /not an IPv4 or IPv6/],
    ['host.example', /not an IPv4 or IPv6/],
  ])('refuses %s', (id, message) => {
    expect(checkIpId(id)).toMatch(message);
  });
});

describe('ACL entries', () => {
  it('accepts one valid entry per scheme', () => {
    expect(checkAcl([
      { scheme: 'world', id: 'anyone', perms: 'r' },
      { scheme: 'auth', id: '', perms: 'cdrwa' },
      { scheme: 'digest', id: digestId('alice', 'pw'), perms: 'rw' },
      { scheme: 'ip', id: '10.0.0.0/8', perms: 'r' },
      { scheme: 'sasl', id: 'kafka/host@REALM', perms: 'cdrwa' },
      { scheme: 'x509', id: 'CN=client,O=example', perms: 'r' },
    ])).toEqual([]);
  });
  it('names each problem', () => {
    expect(checkAclEntry({ scheme: 'world', id: 'someone', perms: 'r' })).toMatch(/anyone/);
    expect(checkAclEntry({ scheme: 'auth', id: 'alice', perms: 'r' })).toMatch(/no id/);
    expect(checkAclEntry({ scheme: 'digest', id: 'alice:plaintext', perms: 'r' })).toMatch(/digest helper/);
    expect(checkAclEntry({ scheme: 'sasl', id: ' ', perms: 'r' })).toMatch(/needs an id/);
    expect(checkAclEntry({ scheme: 'world', id: 'anyone', perms: '' })).toMatch(/one or more/);
    expect(checkAclEntry({ scheme: 'world', id: 'anyone', perms: 'rr' })).toMatch(/distinct/);
    expect(checkAclEntry({ scheme: 'kerberos', id: 'x', perms: 'r' })).toMatch(/Unknown scheme/);
  });
  it('numbers the entries in its messages and refuses duplicates and empty lists', () => {
    expect(checkAcl([])).toEqual(['An ACL needs at least one entry']);
    const problems = checkAcl([
      { scheme: 'world', id: 'anyone', perms: 'r' },
      { scheme: 'ip', id: '1.2.3.4/40', perms: 'r' },
      { scheme: 'world', id: 'anyone', perms: 'w' },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Entry 2 \(ip:1\.2\.3\.4\/40\)/);
    expect(problems[1]).toMatch(/^Entry 3 .*listed twice/);
  });
  it('refuses the auth scheme for a session without credentials', () => {
    const acl = [{ scheme: 'auth', id: '', perms: 'cdrwa' }];
    expect(checkAclForSession(acl, true)).toEqual([]);
    expect(checkAclForSession(acl, false)).toEqual([expect.stringMatching(/authenticated with, and it has none/)]);
    expect(checkAclForSession([{ scheme: 'world', id: 'anyone', perms: 'r' }], false)).toEqual([]);
  });
});
