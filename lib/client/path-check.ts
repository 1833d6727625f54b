/**
 * Why a path is not acceptable, in the dashboard's language: checkPath's `code` and `params` from
 * the `errors.pathCheck` catalog, its English for a code not known here.
 */
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { PathCheck } from '@/lib/shared/path';
import { byCode, type LooseTranslator } from './coded-messages';

export type PathProblem = Extract<PathCheck, { ok: false }>;

export function pathProblemText(t: LooseTranslator, check: PathProblem): string {
  return byCode(t, 'pathCheck', check.code, check.params, check.reason);
}

/** `const pathProblem = usePathProblem(); t('invalid', { reason: pathProblem(check) })` */
export function usePathProblem(): (check: PathProblem) => string {
  const t = useTranslations('errors') as unknown as LooseTranslator;
  return useCallback((check: PathProblem) => pathProblemText(t, check), [t]);
}
