'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { AclListProblem, AclProblem } from '@/lib/shared/acl-rules';

/** The `acl` namespace's translator (useTranslations or, in a test, createTranslator). */
type AclTranslator = ReturnType<typeof useTranslations<'acl'>>;

export function problemText(t: AclTranslator, p: AclProblem | AclListProblem): string {
  switch (p.code) {
    case 'needsId':
      return t('problems.needsId', { scheme: p.scheme, idLabel: t(`schemes.${p.scheme}`) });
    case 'entry':
      return t('problems.entry', { index: p.index, subject: p.subject, problem: problemText(t, p.problem) });
    default: {
      const { code, ...values } = p;
      return t(`problems.${code}`, values as Record<string, string | number>);
    }
  }
}

/** `text(problem)`: an ACL problem of lib/shared/acl-rules in the dashboard's language. */
export function useProblemText(): (p: AclProblem | AclListProblem) => string {
  const t = useTranslations('acl');
  return useCallback((p: AclProblem | AclListProblem) => problemText(t, p), [t]);
}
