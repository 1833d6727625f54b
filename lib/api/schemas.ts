/**
 * The HTTP input of the node, children and live routes: query strings and JSON bodies parsed
 * into typed arguments for the services (which check the rules of ZooKeeper themselves).
 */
import 'server-only';
import { z } from 'zod';
import { WATCH_KINDS, type WatchKind } from '@/lib/shared/events';
import { CREATE_MODES, type CreateMode } from '@/lib/shared/types';
import { CHILDREN_MAX_LIMIT } from '@/lib/shared/limits';

/** The node path as a query parameter; full validation happens in lib/zk (INVALID_PATH). */
export const pathParam = z.string({ error: 'path is required' }).min(1, 'path is required');

export const boolParam = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

export const intParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

export const versionParam = intParam('version', -1, 2_147_483_647);

export const childrenQuery = z.object({
  path: pathParam,
  offset: intParam('offset', 0, 1_000_000_000).optional(),
  limit: intParam('limit', 1, CHILDREN_MAX_LIMIT).optional(),
  prefix: z.string().optional(),
  contains: z.string().optional(),
  stat: boolParam.optional(),
});

/** A ZooKeeper session id: hex, with or without 0x (an ephemeral node's owner). */
export const sessionEphemeralsQuery = z.object({ session: z.string().regex(/^(0x)?[0-9a-fA-F]{1,16}$/, 'session must be a session id in hex') });

export const sessionsQuery = z.object({ ephemerals: boolParam.optional().transform((v) => v ?? false) });

export const deleteQuery = z.object({
  path: pathParam,
  version: versionParam,
  recursive: boolParam.optional(),
});

export const dataInput = z
  .object({
    base64: z.string().optional(),
    text: z.string().optional(),
    compress: z.literal('gzip').optional(),
  })
  .strict()
  .refine((d) => (d.base64 === undefined) !== (d.text === undefined), { message: 'give exactly one of base64 or text' });

export const aclEntry = z.object({
  scheme: z.string().min(1),
  id: z.string(),
  perms: z.string().regex(/^[cdrwa]{1,5}$/, 'perms must be letters from "cdrwa"'),
});

export const createBody = z.object({
  path: z.string({ error: 'path is required' }).min(1, 'path is required'),
  data: dataInput.optional(),
  mode: z.enum(CREATE_MODES as [CreateMode, ...CreateMode[]], { error: `mode must be one of ${CREATE_MODES.join(', ')}` }).default('persistent'),
  ttlMs: z.number().int().positive().optional(),
  acl: z.array(aclEntry).optional(),
  parents: z.boolean().optional(),
});

export const setBody = z.object({
  path: z.string({ error: 'path is required' }).min(1, 'path is required'),
  data: dataInput,
  version: z.number({ error: 'version is required (the version you loaded)' }).int().min(-1),
});

/** Changes to one stream's subscriptions per request, at most. */
const MAX_CHANGES_PER_REQUEST = 1000;

const subscriptionItem = z.object({
  path: z.string({ error: 'path is required' }).min(1, 'path is required'),
  kind: z.enum(WATCH_KINDS as [WatchKind, ...WatchKind[]], { error: `kind must be one of ${WATCH_KINDS.join(', ')}` }),
});

export const subscriptionsBody = z.object({
  stream: z.string({ error: 'stream is required (the id from the hello event)' }).regex(/^[0-9a-f]{24}$/, 'stream is not a stream id'),
  add: z.array(subscriptionItem).max(MAX_CHANGES_PER_REQUEST).default([]),
  remove: z.array(subscriptionItem).max(MAX_CHANGES_PER_REQUEST).default([]),
});

/** Reads URL search params into a plain object for zod (absent params stay undefined). */
export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}
