'use client';

import { useDeferredValue, useEffect, useState } from 'react';
import { loadSyntax, type Syntax, type Validation } from '@/lib/client/syntax';

/**
 * The edit checked as it is typed (the deferred text, so keystrokes come first): what the
 * editor's lint marks show in place, said in words for everyone. Null while unchecked.
 */
export function useSyntaxCheck(text: string, syntax: Syntax, enabled: boolean): Validation | null {
  const deferred = useDeferredValue(text);
  const [result, setResult] = useState<{ text: string; syntax: Syntax; check: Validation } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadSyntax(syntax).then(
      (tools) => live && setResult({ text: deferred, syntax, check: tools.validate(deferred) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [deferred, syntax, enabled]);
  return enabled && result?.syntax === syntax ? result.check : null;
}
