'use client';

import { useEffect, useEffectEvent } from 'react';
import { isModKey } from '@/components/ui/keys';

/** Ctrl/Cmd+S anywhere on the page calls `onSave` (and never opens the browser's "Save page"). */
export function useSaveShortcut(onSave: () => void): void {
  const save = useEffectEvent(onSave);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isModKey(e, 's')) return;
      e.preventDefault();
      save();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
