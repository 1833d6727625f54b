'use client';

import { useTranslations } from 'next-intl';
import { LazyFrame } from '@/components/ui/lazy-frame';
import { byCode, type LooseTranslator } from '@/lib/client/coded-messages';
import { useFormat } from '@/lib/client/format';
import { lazy, useLazyNow } from '@/lib/client/lazy';
import type { AuditValue } from '@/lib/shared/audit';

/** The editor's chunk (CodeMirror and its merge view) is fetched only when a change is opened. */
const unifiedDiff = lazy(() => import('./unified-diff'));

/** A recorded value as text: UTF-8 as is, anything else as base64. */
function shown(value: AuditValue | null): string {
  if (!value) return '';
  return value.text ?? value.base64 ?? '';
}

/** One side's size and kind, as a sentence of the `audit.value` catalog. */
function useDescribe() {
  const t = useTranslations('audit.value');
  const reasons = t as unknown as LooseTranslator;
  const format = useFormat();
  return (side: 'before' | 'after', value: AuditValue | null): string => {
    if (!value) return t('none', { side });
    const size = format.bytes(value.size);
    if (value.hidden) {
      const { reason, reasonCode, params, sha256 } = value.hidden;
      // By its code from the catalog; the server's English for a code this page does not know.
      const why = byCode(reasons, 'hiddenReasons', reasonCode, params, reason);
      return t('hidden', { side, size, reason: why, hash: sha256.slice(0, 16) });
    }
    if (value.text === null) return t(value.truncated ? 'binaryTruncated' : 'binary', { side, size });
    return t(value.truncated ? 'textTruncated' : 'text', { side, size });
  };
}

/** Before → after of one audited change, as one read-only unified diff. */
export function ValueChange({ before, after }: { before: AuditValue | null; after: AuditValue | null }) {
  const describe = useDescribe();
  const { loaded: diff, failed, retry } = useLazyNow(unifiedDiff);
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs text-muted">
        {describe('before', before)} · {describe('after', after)}
      </p>
      <div className="max-h-80 overflow-auto rounded-md border border-border text-xs">
        {diff ? <diff.UnifiedDiff before={shown(before)} after={shown(after)} /> : <LazyFrame failed={failed} retry={retry} className="h-24" />}
      </div>
    </div>
  );
}
