'use client';

import dynamic from 'next/dynamic';
import { formatBytes } from '@/lib/shared/units';
import type { AuditValue } from '@/lib/shared/audit';

/** The editor's chunk (CodeMirror and its merge view) is fetched only when a change is opened. */
const UnifiedDiff = dynamic(() => import('./unified-diff').then((m) => m.UnifiedDiff), {
  ssr: false,
  loading: () => <div aria-busy className="h-24" />,
});

/** A recorded value as text: UTF-8 as is, anything else as base64. */
function shown(value: AuditValue | null): string {
  if (!value) return '';
  return value.text ?? value.base64 ?? '';
}

function describe(label: string, value: AuditValue | null): string {
  if (!value) return `${label}: none`;
  if (value.hidden) return `${label}: ${formatBytes(value.size)}, hidden because ${value.hidden.reason} (SHA-256 ${value.hidden.sha256.slice(0, 16)}…)`;
  const kind = value.text === null ? 'binary, shown as base64' : 'text';
  return `${label}: ${formatBytes(value.size)} (${kind}${value.truncated ? ', only the beginning was recorded' : ''})`;
}

/** Before → after of one audited change, as one read-only unified diff. */
export function ValueChange({ before, after }: { before: AuditValue | null; after: AuditValue | null }) {
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs text-muted">
        {describe('Before', before)} · {describe('After', after)}
      </p>
      <div className="max-h-80 overflow-auto rounded-md border border-border text-xs">
        <UnifiedDiff before={shown(before)} after={shown(after)} />
      </div>
    </div>
  );
}
