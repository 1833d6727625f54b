'use client';

import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import CodeMirror, { ExternalChange } from '@uiw/react-codemirror';
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Representation } from '@/lib/client/bytes';
import { isTextRepresentation } from '@/lib/client/node-value';
import type { Syntax } from '@/lib/client/syntax';
import { accessibleName, representationExtensions, themeFor } from './editor-extensions';
import { useLanguage } from './editor-language';
import { useLinter } from './editor-lint';
import type { MatchRange } from './use-match-range';

/** Where the plain view left off when this editor replaced it. */
export interface Handoff {
  focused: boolean;
  anchor: number;
  head: number;
  scrollTop: number;
}

export interface CodeMirrorEditorProps {
  value: string;
  onChange(value: string): void;
  rep: Representation;
  syntax: Syntax;
  handoff?: Handoff;
  match?: MatchRange | null;
}

/** Selects a search match and scrolls it to the middle. */
function showMatch(v: EditorView, match: MatchRange): void {
  const end = v.state.doc.length;
  if (match.to > end) return;
  v.dispatch({ selection: EditorSelection.single(match.from, match.to), effects: EditorView.scrollIntoView(match.from, { y: 'center' }) });
}

/** The value editor (CodeMirror 6), named "Data" for assistive technology and tests. */
export function CodeMirrorEditor({ value, onChange, rep, syntax, handoff, match }: CodeMirrorEditorProps) {
  const t = useTranslations('node.editor');
  const { resolvedTheme } = useTheme();
  const language = useLanguage(syntax);
  const lint = useLinter(syntax);
  const extensions = useMemo(() => [accessibleName(t('data')), representationExtensions(rep, language), isTextRepresentation(rep) ? lint : []], [t, rep, language, lint]);
  // Programmatic changes (revert, reload, another representation) apply at once: the wrapper
  // would hold them back for a while after the last keystroke, and could then apply a stale one.
  const view = useRef<EditorView | null>(null);
  useLayoutEffect(() => {
    const v = view.current;
    if (v && value !== v.state.doc.toString()) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, annotations: [ExternalChange.of(true)] });
    }
  }, [value]);
  useLayoutEffect(() => {
    if (view.current && match) showMatch(view.current, match);
  }, [match]);
  return (
    <CodeMirror
      onCreateEditor={(v) => {
        view.current = v;
        if (match) showMatch(v, match);
        if (!handoff) return;
        const end = v.state.doc.length;
        v.dispatch({ selection: EditorSelection.single(Math.min(handoff.anchor, end), Math.min(handoff.head, end)) });
        v.scrollDOM.scrollTop = handoff.scrollTop;
        if (handoff.focused) v.focus();
      }}
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme={themeFor(resolvedTheme === 'dark')}
      basicSetup={{ lineNumbers: false, foldGutter: rep !== 'hex' && rep !== 'base64', autocompletion: false }}
      height="100%"
      placeholder={t('empty')}
      className="h-full min-h-0 overflow-hidden rounded border border-border"
    />
  );
}
