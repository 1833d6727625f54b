'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * Closes an overlay (a drawer, a folded menu) when `place` changes (the operator went somewhere),
 * on Escape, and, given `inside`, on a press outside it.
 */
export function useAutoClose(open: boolean, setOpen: (open: boolean) => void, place: string, inside?: RefObject<HTMLElement | null>): void {
  const [seen, setSeen] = useState(place);
  if (seen !== place) {
    setSeen(place);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onDown = (e: PointerEvent) => inside && !inside.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open, setOpen, inside]);
}
