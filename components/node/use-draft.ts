'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { parseDraft, readDraftRaw, writeDraft, type Draft } from '@/lib/client/drafts';
import { subscribeLocal } from '@/lib/client/local-store';
import { useLeaveGuard } from './use-leave-guard';
import type { ValueBuffer } from './use-value-buffer';

/** Typing pauses this long before the draft is written. */
const WRITE_AFTER_MS = 300;

export interface DraftOffer {
  /** A draft to offer back (none while editing, or once restored or discarded). */
  draft: Draft | null;
  restore(): void;
  discard(): void;
}

/**
 * Keeps the unsaved edit of a value as a draft in this browser while it is unsaved, asks before
 * leaving it (leave-guard), drops the draft once saved or reverted, and offers a draft found on
 * arrival.
 */
export function useDraft(connection: string, buffer: ValueBuffer): DraftOffer {
  const t = useTranslations('node.editor');
  const path = buffer.snapshot.path;
  const { dirty, text, rep, syntax, pretty } = buffer;
  const version = buffer.snapshot.stat.version;
  const raw = useSyncExternalStore(subscribeLocal, () => readDraftRaw(connection, path), () => null);
  const stored = useMemo(() => parseDraft(raw), [raw]);
  const [dismissed, setDismissed] = useState(false);
  const wasDirty = useRef(false);

  const latest = useRef<Draft | null>(null);
  useEffect(() => {
    if (!dirty) {
      // Saved or reverted: nothing left to keep. (Arriving clean keeps an older draft to offer.)
      if (wasDirty.current) writeDraft(connection, path, null);
      wasDirty.current = false;
      latest.current = null;
      return;
    }
    wasDirty.current = true;
    const draft: Draft = { version, text, rep, syntax, pretty, savedAt: Date.now() };
    latest.current = draft;
    const timer = setTimeout(() => writeDraft(connection, path, draft), WRITE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [connection, path, dirty, text, rep, syntax, pretty, version]);
  // Leaving the node mid-pause still keeps the latest text.
  useEffect(
    () => () => {
      if (latest.current) writeDraft(connection, path, latest.current);
    },
    [connection, path],
  );

  useLeaveGuard(dirty ? t('leave', { path }) : null);

  const offered = !dirty && !dismissed && stored !== null && stored.text !== text ? stored : null;
  return {
    draft: offered,
    restore: () => {
      if (offered) buffer.restore(offered);
      setDismissed(true);
    },
    discard: () => {
      writeDraft(connection, path, null);
      setDismissed(true);
    },
  };
}
