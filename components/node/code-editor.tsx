'use client';

import type { EditorView } from '@codemirror/view';
import CodeMirror, { ExternalChange } from '@uiw/react-codemirror';
import { useTheme } from 'next-themes';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Representation } from '@/lib/client/bytes';
import type { Syntax } from '@/lib/client/syntax';
import { accessibleName, representationExtensions, themeFor } from './editor-extensions';

interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  rep: Representation;
  syntax: Syntax;
}

/** The value editor (CodeMirror 6), named "Data" for assistive technology and tests. */
export function CodeEditor({ value, onChange, rep, syntax }: CodeEditorProps) {
  const { resolvedTheme } = useTheme();
  const extensions = useMemo(() => [accessibleName('Data'), representationExtensions(rep, syntax)], [rep, syntax]);
  // Programmatic changes (revert, reload, another representation) apply at once: the wrapper
  // would hold them back for a while after the last keystroke, and could then apply a stale one.
  const view = useRef<EditorView | null>(null);
  useLayoutEffect(() => {
    const v = view.current;
    if (v && value !== v.state.doc.toString()) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, annotations: [ExternalChange.of(true)] });
    }
  }, [value]);
  return (
    <CodeMirror
      onCreateEditor={(v) => {
        view.current = v;
      }}
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme={themeFor(resolvedTheme === 'dark')}
      basicSetup={{ lineNumbers: false, foldGutter: rep !== 'hex' && rep !== 'base64', autocompletion: false }}
      height="100%"
      placeholder="(empty value)"
      className="h-full min-h-0 overflow-hidden rounded border border-border"
    />
  );
}
