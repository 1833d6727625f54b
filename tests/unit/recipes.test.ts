import { describe, expect, it } from 'vitest';
import { parseMemberName, parseServiceInstance, recogniseRecipe } from '@/lib/shared/recipes';

// Names as the libraries build them (see lib/shared/recipes.ts for where each comes from).
const hex = (n: number) => n.toString(16).padStart(32, '0');
const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-1b2c-4d3e-8f40-123456789abc`;
const seq = (n: number) => String(n).padStart(10, '0');

describe('recipe member names', () => {
  it('reads kazoo lock, read-lock and party names', () => {
    expect(parseMemberName(`${hex(1)}__lock__${seq(7)}`)).toMatchObject({ kind: 'lock', family: 'kazoo', sequence: 7, contender: hex(1) });
    expect(parseMemberName(`${hex(2)}__rlock__${seq(8)}`)).toMatchObject({ kind: 'read-write-lock', role: 'read', sequence: 8 });
    expect(parseMemberName(`${hex(3)}__party__`)).toMatchObject({ kind: 'party', family: 'kazoo', sequence: null, contender: hex(3) });
    // The server formats a wrapped counter as "%010d" of a negative int; kazoo accepts it.
    expect(parseMemberName(`${hex(1)}__lock__-2147483648`)).toMatchObject({ sequence: -2147483648 });
  });

  it('reads kazoo queue entries with their priority', () => {
    expect(parseMemberName(`entry-100-${seq(3)}`)).toMatchObject({ kind: 'queue', family: 'kazoo', priority: 100, sequence: 3 });
  });

  it('reads Curator protected names', () => {
    expect(parseMemberName(`_c_${uuid(1)}-lock-${seq(7)}`)).toMatchObject({ kind: 'lock', family: 'curator', sequence: 7, contender: uuid(1) });
    expect(parseMemberName(`_c_${uuid(2)}-latch-${seq(2)}`)).toMatchObject({ kind: 'election', family: 'curator', role: 'latch' });
    expect(parseMemberName(`_c_${uuid(3)}-lease-${seq(1)}`)).toMatchObject({ kind: 'semaphore', family: 'curator' });
    expect(parseMemberName(`_c_${uuid(4)}-__WRIT__${seq(0)}`)).toMatchObject({ kind: 'read-write-lock', role: 'write', sequence: 0 });
    expect(parseMemberName(`queue-${seq(5)}`)).toMatchObject({ kind: 'queue', family: 'curator', sequence: 5 });
  });

  it('reads plain ZooKeeper recipe names and refuses the rest', () => {
    expect(parseMemberName(`lock-${seq(7)}`)).toMatchObject({ kind: 'lock', family: 'plain', sequence: 7, contender: null });
    expect(parseMemberName(`n_${seq(4)}`)).toMatchObject({ kind: 'election', family: 'plain' });
    for (const name of ['lock-7', 'brokers', `${hex(1)}__lock__`, `_c_not-a-uuid-lock-${seq(1)}`, `entry-1-${seq(1)}`]) expect(parseMemberName(name)).toBeNull();
  });
});

describe('recognising a recipe from a child list', () => {
  it('orders lock contenders by sequence, not by name', () => {
    const names = [`${hex(9)}__lock__${seq(3)}`, `${hex(1)}__lock__${seq(12)}`, `${hex(5)}__lock__${seq(1)}`];
    const r = recogniseRecipe(names)!;
    expect(r).toMatchObject({ kind: 'lock', family: 'kazoo', others: 0 });
    expect(r.members.map((m) => m.sequence)).toEqual([1, 3, 12]);
  });

  it('orders a kazoo queue by priority then sequence, and counts the other children', () => {
    const r = recogniseRecipe([`entry-100-${seq(1)}`, `entry-050-${seq(2)}`, 'taken'])!;
    expect(r.members.map((m) => m.name)).toEqual([`entry-050-${seq(2)}`, `entry-100-${seq(1)}`]);
    expect(r.others).toBe(1);
  });

  it('tells a kazoo semaphore lease pool by its lease count value', () => {
    expect(recogniseRecipe([hex(1), hex(2)], '3')).toMatchObject({ kind: 'semaphore', family: 'kazoo' });
    expect(recogniseRecipe([hex(1), hex(2)], 'not a count')).toBeNull();
    expect(recogniseRecipe([hex(1), hex(2)])).toBeNull();
  });

  it('recognises nothing in ordinary child lists', () => {
    expect(recogniseRecipe([])).toBeNull();
    expect(recogniseRecipe(['brokers', 'config', 'controller'])).toBeNull();
  });
});

describe('Curator service instances', () => {
  it('decodes a ServiceInstance JSON value', () => {
    const instance = {
      name: 'orders',
      id: 'b7e0c7b4-1b2c-4d3e-8f40-123456789abc',
      address: '10.0.0.7',
      port: 8080,
      sslPort: null,
      payload: { region: 'eu' },
      registrationTimeUTC: 1_700_000_000_000,
      serviceType: 'DYNAMIC',
    };
    // uriSpec is left out of the reading.
    expect(parseServiceInstance(JSON.stringify({ ...instance, uriSpec: null }))).toEqual(instance);
  });

  it('refuses values that are not instances', () => {
    for (const text of ['', 'null', '{"name":"x"}', '[1]', '{"name":"x","id":"y","registrationTimeUTC":"soon"}']) expect(parseServiceInstance(text)).toBeNull();
  });
});
