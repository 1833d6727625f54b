'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { childrenPageQuery } from '@/lib/client/children';
import { nodeQuery } from '@/lib/client/nodes';
import { CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import { NO_FILTER } from '@/lib/shared/names';
import { joinPath } from '@/lib/shared/path';
import { parseServiceInstance, recogniseRecipe, type RecipeKind, type RecipeFamily, type RecipeMember, type ServiceInstance } from '@/lib/shared/recipes';
import type { NodeResponse } from '@/lib/shared/wire';

/** Members whose node (stat and value) the lens reads: enough for a screenful, each one live. */
export const MEMBERS_READ = 20;
/** Child lists up to this long are probed for service discovery (one value read). */
const SERVICE_PROBE_MAX = 100;

export interface LensMember {
  name: string;
  path: string;
  member: RecipeMember | null;
  /** Undefined while its node loads (or when it left before it was read). */
  node: NodeResponse | undefined;
  text: string | null;
  instance: ServiceInstance | null;
}

export interface RecipeLensModel {
  kind: RecipeKind;
  family: RecipeFamily;
  /** Every member, in recipe order (the first MEMBERS_READ are read). */
  total: number;
  members: LensMember[];
  /** The member with the lowest sequence (a queue's oldest item), when it was read. */
  oldest: LensMember | undefined;
  /** Children that are not members. */
  others: number;
  /** The parent's value as text (a kazoo semaphore's lease count). */
  parentText: string | null;
}

const serviceName = (names: readonly string[]): RecipeMember[] =>
  names.map((name) => ({ name, kind: 'service', family: 'curator', role: 'instance', sequence: null, contender: null }));

/**
 * The recipe the node's children make, read live: the child names (the tree's own name page),
 * then the nodes of the first members, whose queries the live stream keeps current.
 */
export function useRecipe(connection: string, node: NodeResponse): RecipeLensModel | null {
  const { path, stat } = node;
  const parentText = node.data.text;
  const listable = stat.numChildren > 0 && stat.numChildren <= CHILDREN_PAGE_SIZE;
  const names = useQuery({ ...childrenPageQuery(connection, path, NO_FILTER, 0), enabled: listable }).data?.children.map((c) => c.name);
  const key = names?.join('\u0000') ?? '';
  const reading = key ? recogniseRecipe(key.split('\u0000'), parentText) : null;
  // Service discovery is told by a value: the first child's, when the names say nothing.
  const probeName = !reading && names && names.length <= SERVICE_PROBE_MAX ? names[0] : undefined;
  // A list of at most one: a disabled query would still be observed, and so watched.
  const probes = useQueries({ queries: (probeName === undefined ? [] : [probeName]).map((n) => nodeQuery(connection, joinPath(path, n))) });
  const probeText = probes[0]?.data?.data.text;
  const isService = probeName !== undefined && probeText != null && parseServiceInstance(probeText) !== null;

  const members = reading?.members ?? (isService && key ? serviceName(key.split('\u0000')) : []);
  const oldestMember = oldestOf(members);
  const first = members.slice(0, MEMBERS_READ);
  const read = oldestMember && !first.includes(oldestMember) ? [...first, oldestMember] : first;
  const nodes = useQueries({ queries: read.map((m) => nodeQuery(connection, joinPath(path, m.name))) });

  // A recipe stays recognised once its last member left (a lock that became free), until another path.
  const kind = reading?.kind ?? (isService ? 'service' : undefined);
  const family = reading?.family ?? (isService ? 'curator' : undefined);
  const [last, setLast] = useState<{ path: string; kind: RecipeKind; family: RecipeFamily } | null>(null);
  if (kind && family && (last?.path !== path || last.kind !== kind || last.family !== family)) setLast({ path, kind, family });
  const known = kind && family ? { kind, family } : last?.path === path && members.length === 0 && (names?.length ?? 0) === 0 ? last : null;
  if (!known) return null;
  const lensMembers = read.map((m, i): LensMember => {
    const data = nodes[i]?.data;
    const text = data?.data.text ?? null;
    return { name: m.name, path: joinPath(path, m.name), member: reading ? m : null, node: data, text, instance: text ? parseServiceInstance(text) : null };
  });
  return {
    kind: known.kind,
    family: known.family,
    total: members.length,
    members: lensMembers.slice(0, MEMBERS_READ),
    oldest: oldestMember && lensMembers.find((m) => m.name === oldestMember.name),
    others: reading?.others ?? 0,
    parentText,
  };
}

function oldestOf(members: readonly RecipeMember[]): RecipeMember | undefined {
  let best: RecipeMember | undefined;
  for (const m of members) if (m.sequence !== null && (!best || m.sequence < best.sequence!)) best = m;
  return best;
}
