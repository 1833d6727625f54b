'use client';

import { useLayoutEffect, type RefObject } from 'react';
import type { MatchRange } from './use-match-range';

const NAME = 'search-match';

/** The DOM range of text offsets [from, to) across the element's text nodes (highlighting splits the text). */
function rangeAt(el: HTMLElement, from: number, to: number): Range | null {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const length = n.textContent?.length ?? 0;
    if (!started && from <= pos + length) {
      range.setStart(n, from - pos);
      started = true;
    }
    if (started && to <= pos + length) {
      range.setEnd(n, to - pos);
      return range;
    }
    pos += length;
  }
  return null;
}

/**
 * Paints a search match in the plain value view with the CSS Custom Highlight API (no change to
 * the editable DOM), again whenever the view's DOM is rebuilt (syntax highlighting arriving), and
 * scrolls it into the middle of the view once.
 */
export function useMatchHighlight(textRef: RefObject<HTMLElement | null>, match: MatchRange | null, value: string): void {
  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el || !match || typeof Highlight === 'undefined') return;
    let scrolled = false;
    const paint = () => {
      const range = rangeAt(el, match.from, match.to);
      if (!range) {
        CSS.highlights.delete(NAME);
        return;
      }
      CSS.highlights.set(NAME, new Highlight(range));
      if (scrolled) return;
      scrolled = true;
      const box = el.parentElement!;
      const at = range.getBoundingClientRect();
      const view = box.getBoundingClientRect();
      box.scrollTop += at.top - view.top - view.height / 2;
    };
    paint();
    const observer = new MutationObserver(paint);
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      CSS.highlights.delete(NAME);
    };
  }, [textRef, match, value]);
}
