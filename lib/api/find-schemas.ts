/** The HTTP input of the search and bookmarks routes. */
import 'server-only';
import { z } from 'zod';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, SEARCH_MODES, type SearchMode } from '@/lib/shared/search';
import { boolParam, intParam, pathParam } from './schemas';

export const searchQuery = z
  .object({
    path: pathParam,
    name: z.string().optional(),
    data: z.string().optional(),
    mode: z.enum(SEARCH_MODES as unknown as [SearchMode, ...SearchMode[]], { error: `mode must be one of ${SEARCH_MODES.join(', ')}` }).default('text'),
    case: boolParam.default(false),
    limit: intParam('limit', 1, SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
  })
  .transform(({ case: caseSensitive, name, data, ...rest }) => ({ ...rest, caseSensitive, name: name || undefined, data: data || undefined }));

export const bookmarkBody = z.object({ path: pathParam });
