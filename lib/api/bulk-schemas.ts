/** The HTTP input of the export, import, copy and undo routes (docs/api.md, Bulk). */
import 'server-only';
import { z } from 'zod';
import { ON_CONFLICT, type OnConflict } from '@/lib/shared/export-format';
import { boolParam, pathParam } from './schemas';

const onConflict = z.enum(ON_CONFLICT as unknown as [OnConflict, ...OnConflict[]], { error: `onConflict must be one of ${ON_CONFLICT.join(', ')}` });

export const exportQuery = z.object({ path: pathParam, gzip: boolParam.default(false) });

export const importQuery = z.object({
  path: pathParam,
  onConflict: onConflict.default('fail'),
  dryRun: boolParam.default(false),
  acl: z.enum(['file', 'keep'], { error: 'acl must be file or keep' }).default('file'),
  ephemeral: z.enum(['skip', 'persistent'], { error: 'ephemeral must be skip or persistent' }).default('skip'),
});

export const copyBody = z.object({
  from: pathParam,
  to: pathParam,
  targetConnection: z.string().min(1).optional(),
  move: z.boolean().default(false),
  onConflict: onConflict.default('fail'),
  dryRun: z.boolean().default(false),
});

export const undoBody = z.object({ created: z.array(z.string().min(1)).min(1, 'created lists the paths to remove') });
