/** Request bodies of the connections routes. Unknown fields are refused, not ignored. */
import 'server-only';
import { z } from 'zod';
import { connectionFields } from '@/lib/zk/connection-rules';
import { versionParam } from './schemas';

export const connectionBody = z.object(connectionFields).strict();

const version = z.number({ error: 'version is required (the connection version you loaded)' }).int().min(1);

/** PUT connections/{id}: the whole connection and the version it replaces; the id is the URL's. */
export const connectionEditBody = z.object({ ...connectionFields, id: connectionFields.id.optional(), version }).strict();

export const connectionDeleteQuery = z.object({ version: versionParam });
