/** The HTTP input of the compare route. */
import 'server-only';
import { z } from 'zod';
import { pathParam } from './schemas';

/** GET: `with` defaults to `path` (the same path on another connection). */
export const compareQuery = z
  .object({ path: pathParam, with: z.string().min(1).optional(), withConnection: z.string().min(1).optional() })
  .transform(({ path, with: other, withConnection }) => ({ path, with: other ?? path, withConnection }));

/** POST: the other side is the export file of the body. */
export const compareFileQuery = z.object({ path: pathParam });
