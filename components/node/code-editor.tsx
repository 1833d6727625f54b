'use client';

import CodeMirror from '@uiw/react-codemirror';
import { useTheme } from 'next-themes';
import { useMemo } from 'react';
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
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme={themeFor(resolvedTheme === 'dark')}
      basicSetup={{ lineNumbers: false, foldGutter: rep !== 'hex' && rep !== 'base64', autocompletion: false }}
      height="100%"
      className="h-full min-h-0 overflow-hidden rounded-md border border-border"
    />
  );
}
