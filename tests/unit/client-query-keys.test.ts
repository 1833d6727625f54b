import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  aclKeys,
  auditKeys,
  childrenKeys,
  connectionKey,
  connectionKeys,
  ensembleKeys,
  identityKeys,
  kafkaKeys,
  nodeKeys,
  parseConnectionQueryKey,
  parseQueryKey,
  sessionsKeys,
  signInKeys,
} from '@/lib/client/query-keys';

const params = { prefix: 'a', contains: '', offset: 500, limit: 500, stat: false };

describe('query key factories', () => {
  it('root every connection key at the connection, then the resource', () => {
    const keys = [
      connectionKeys.session('c'),
      connectionKeys.capabilities('c'),
      identityKeys.list('c'),
      nodeKeys.detail('c', '/a'),
      nodeKeys.subtree('c', '/a'),
      childrenKeys.page('c', '/a', params),
      aclKeys.detail('c', '/a'),
      ensembleKeys.status('c'),
      ensembleKeys.history('c'),
      kafkaKeys.model('c', '/kafka'),
      kafkaKeys.roots('c'),
    ];
    for (const key of keys) expect(key.slice(0, 2)).toEqual(connectionKey('c'));
  });

  it('nest each resource under its prefix, so prefix invalidation reaches it', () => {
    expect(nodeKeys.detail('c', '/a').slice(0, 3)).toEqual(nodeKeys.all('c'));
    expect(nodeKeys.subtree('c', '/a').slice(0, 3)).toEqual(nodeKeys.subtreeAll('c'));
    expect(childrenKeys.page('c', '/a', params).slice(0, 4)).toEqual(childrenKeys.of('c', '/a'));
    expect(childrenKeys.of('c', '/a').slice(0, 3)).toEqual(childrenKeys.all('c'));
    expect(aclKeys.detail('c', '/a').slice(0, 3)).toEqual(aclKeys.all('c'));
    expect(ensembleKeys.status('c').slice(0, 3)).toEqual(ensembleKeys.all('c'));
    expect(kafkaKeys.model('c', '/').slice(0, 3)).toEqual(kafkaKeys.all('c'));
    expect(auditKeys.list({ operator: 'ada' }).slice(0, 1)).toEqual(auditKeys.all());
  });

  it("keep one node's list apart from its descendants' lists", () => {
    const client = new QueryClient();
    client.setQueryData(childrenKeys.page('c', '/a', params), 1);
    client.setQueryData(childrenKeys.page('c', '/a/b', params), 2);
    client.setQueryData(childrenKeys.page('d', '/a', params), 3);
    expect(client.getQueryCache().findAll({ queryKey: childrenKeys.of('c', '/a') }).map((q) => q.state.data)).toEqual([1]);
  });
});

describe('parseQueryKey', () => {
  it('reads back what each factory built', () => {
    expect(parseQueryKey(nodeKeys.detail('c', '/a'))).toEqual({ resource: 'node', connection: 'c', path: '/a' });
    expect(parseQueryKey(nodeKeys.subtree('c', '/a'))).toEqual({ resource: 'subtree', connection: 'c', path: '/a' });
    expect(parseQueryKey(aclKeys.detail('c', '/a'))).toEqual({ resource: 'acl', connection: 'c', path: '/a' });
    expect(parseQueryKey(childrenKeys.page('c', '/a', params))).toEqual({ resource: 'children', connection: 'c', path: '/a', params });
    expect(parseQueryKey(connectionKeys.session('c'))).toEqual({ resource: 'session', connection: 'c' });
    expect(parseQueryKey(connectionKeys.capabilities('c'))).toEqual({ resource: 'capabilities', connection: 'c' });
    expect(parseQueryKey(identityKeys.list('c'))).toEqual({ resource: 'identities', connection: 'c' });
    expect(parseQueryKey(ensembleKeys.status('c'))).toEqual({ resource: 'ensemble-status', connection: 'c' });
    expect(parseQueryKey(ensembleKeys.history('c'))).toEqual({ resource: 'ensemble-history', connection: 'c' });
    expect(parseQueryKey(kafkaKeys.model('c', '/k'))).toEqual({ resource: 'kafka', connection: 'c', root: '/k' });
    expect(parseQueryKey(kafkaKeys.roots('c'))).toEqual({ resource: 'kafka-roots', connection: 'c' });
    expect(parseQueryKey(auditKeys.list({ operator: 'ada' }))).toEqual({ resource: 'audit', filter: { operator: 'ada' } });
    expect(parseQueryKey(connectionKeys.list())).toEqual({ resource: 'connections' });
    expect(parseQueryKey(sessionsKeys.all())).toEqual({ resource: 'sessions' });
    expect(parseQueryKey(signInKeys.status())).toEqual({ resource: 'sign-in' });
  });

  it('refuses prefixes and keys no factory builds', () => {
    for (const key of [
      connectionKey('c'),
      nodeKeys.all('c'),
      childrenKeys.of('c', '/a'),
      ensembleKeys.all('c'),
      ['conn', 'c', 'node', '/a', 'extra'],
      ['conn', 'c', 'children', '/a', { prefix: '' }],
      ['conn', 1, 'node', '/a'],
      ['other'],
      [],
    ]) {
      expect(parseQueryKey(key)).toBeUndefined();
    }
  });

  it('narrows to one connection', () => {
    expect(parseConnectionQueryKey(nodeKeys.detail('c', '/a'), 'c')).toEqual({ resource: 'node', connection: 'c', path: '/a' });
    expect(parseConnectionQueryKey(nodeKeys.detail('c', '/a'), 'd')).toBeUndefined();
    expect(parseConnectionQueryKey(sessionsKeys.all(), 'c')).toBeUndefined();
  });
});
