'use client';

import { unifiedMergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';
import { useMemo } from 'react';
import { accessibleName, themeFor } from '@/components/node/editor-extensions';

/** Before → after as one read-only unified diff (CodeMirror's merge view). */
export function UnifiedDiff({ before, after }: { before: string; after: string }) {
  const t = useTranslations('audit.value');
  const { resolvedTheme } = useTheme();
  const extensions = useMemo(
    () => [
      unifiedMergeView({ original: before, mergeControls: false, gutter: true, collapseUnchanged: { margin: 3, minSize: 8 } }),
      EditorView.editable.of(false),
      EditorState.readOnly.of(true),
      EditorView.lineWrapping,
      accessibleName(t('diff')),
    ],
    [before, t],
  );
  return <CodeMirror value={after} extensions={extensions} theme={themeFor(resolvedTheme === 'dark')} basicSetup={{ lineNumbers: true, foldGutter: false, highlightActiveLine: false }} />;
}
