'use client';

import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';
import { useEffect, useRef } from 'react';
import type { Representation } from '@/lib/client/bytes';
import type { Syntax } from '@/lib/client/syntax';
import { accessibleName, representationExtensions, themeFor } from './editor-extensions';
import { useLanguage } from './editor-language';

export interface DiffViewProps {
  theirs: string;
  mine: string;
  rep: Representation;
  syntax: Syntax;
  /** The two editors' accessible names (default: their version, your version). */
  names?: readonly [string, string];
}

/** Side-by-side, read-only comparison: theirs on the left, mine on the right. */
export function MergeDiff({ theirs, mine, rep, syntax, names }: DiffViewProps) {
  const t = useTranslations('node.conflict');
  const [theirName, myName] = names ?? [t('theirVersion'), t('yourVersion')];
  const host = useRef<HTMLDivElement>(null);
  const { resolvedTheme } = useTheme();
  const dark = resolvedTheme === 'dark';
  const language = useLanguage(syntax);
  useEffect(() => {
    const common = [EditorView.editable.of(false), EditorState.readOnly.of(true), representationExtensions(rep, language), themeFor(dark)];
    const view = new MergeView({
      a: { doc: theirs, extensions: [...common, accessibleName(theirName)] },
      b: { doc: mine, extensions: [...common, accessibleName(myName)] },
      parent: host.current!,
      gutter: true,
      highlightChanges: true,
    });
    return () => view.destroy();
  }, [theirs, mine, rep, language, dark, theirName, myName]);
  return <div ref={host} className="h-full overflow-auto rounded-md border border-border [&_.cm-mergeView]:min-h-full" />;
}
