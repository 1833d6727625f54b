'use client';

import { useLayoutEffect, type RefObject } from 'react';
import type { MatchRange } from './use-match-range';

const NAME = 'search-match';

/**
 * Paints a search match in the plain value view with the CSS Custom Highlight API (no change to
 * the editable DOM) and scrolls it into the middle of the view.
 */
export function useMatchHighlight(textRef: RefObject<HTMLElement | null>, match: MatchRange | null, value: string): void {
  useLayoutEffect(() => {
    const el = textRef.current;
    const text = el?.firstChild;
    if (!el || !match || !(text instanceof Text) || match.to > text.length || typeof Highlight === 'undefined') return;
    const range = document.createRange();
    range.setStart(text, match.from);
    range.setEnd(text, match.to);
    CSS.highlights.set(NAME, new Highlight(range));
    const box = el.parentElement!;
    const at = range.getBoundingClientRect();
    const view = box.getBoundingClientRect();
    box.scrollTop += at.top - view.top - view.height / 2;
    return () => void CSS.highlights.delete(NAME);
  }, [textRef, match, value]);
}
