/** Request bodies and queries of the session, auth and ACL routes. */
import 'server-only';
import { z } from 'zod';
import { aclEntry, pathParam } from './schemas';

export const signInBody = z.object({
  username: z.string({ error: 'username is required' }).min(1, 'username is required').max(64, 'username is too long'),
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(1024, 'password is too long'),
});

export const credentialBody = z.object({
  scheme: z.string({ error: 'scheme is required (e.g. "digest")' }).min(1, 'scheme is required (e.g. "digest")'),
  credential: z.string({ error: 'credential is required (e.g. "alice:secret")' }).min(1, 'credential is required'),
});

export const dropQuery = z
  .object({ scheme: z.string().min(1).optional(), id: z.string().min(1).optional() })
  .refine((q) => (q.scheme === undefined) === (q.id === undefined), { message: 'give both scheme and id to drop one identity, or neither to drop all' });

export const aclQuery = z.object({
  path: pathParam,
  recursive: z.enum(['true', 'false'], { error: 'recursive must be true or false' }).transform((v) => v === 'true').optional(),
});

export const aclBody = z.object({
  acl: z.array(aclEntry, { error: 'acl is required: a list of {scheme, id, perms}' }),
  version: z.number({ error: 'version is required (the ACL version, aversion, you loaded)' }).int().min(-1),
  /** The node's path, typed by the operator, when the change needs a confirmation. */
  confirm: z.string().max(4096).optional(),
});
