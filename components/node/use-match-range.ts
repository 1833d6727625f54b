'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { locateMark, readMatchMark } from '@/lib/client/search-url';

export interface MatchRange {
  from: number;
  to: number;
}

/** Where the search result that opened this node matched, in the value as shown (text views only). */
export function useMatchRange(text: string, textual: boolean): MatchRange | null {
  const hl = useSearchParams().get('hl');
  return useMemo(() => {
    const mark = textual && hl ? readMatchMark(new URLSearchParams({ hl })) : null;
    return mark && locateMark(text, mark);
  }, [text, textual, hl]);
}
