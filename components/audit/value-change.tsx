'use client';

import { unifiedMergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useTheme } from 'next-themes';
import { useMemo } from 'react';
import { accessibleName, themeFor } from '@/components/node/editor-extensions';
import { formatBytes } from '@/lib/shared/units';
import type { AuditValue } from '@/lib/shared/audit';

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
  const { resolvedTheme } = useTheme();
  const extensions = useMemo(
    () => [
      unifiedMergeView({ original: shown(before), mergeControls: false, gutter: true, collapseUnchanged: { margin: 3, minSize: 8 } }),
      EditorView.editable.of(false),
      EditorState.readOnly.of(true),
      EditorView.lineWrapping,
      accessibleName('Change from before to after'),
    ],
    [before],
  );
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs text-muted">
        {describe('Before', before)} · {describe('After', after)}
      </p>
      <div className="max-h-80 overflow-auto rounded-md border border-border text-xs">
        <CodeMirror value={shown(after)} extensions={extensions} theme={themeFor(resolvedTheme === 'dark')} basicSetup={{ lineNumbers: true, foldGutter: false, highlightActiveLine: false }} />
      </div>
    </div>
  );
}
