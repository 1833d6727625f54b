'use client';

import { useRef, useState, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import type { Representation } from '@/lib/client/bytes';
import { lazy } from '@/lib/client/lazy';
import type { Syntax } from '@/lib/client/syntax';
import type { CodeMirrorEditorProps, Handoff } from './code-mirror-editor';
import { PlainEditor } from './plain-editor';
import type { MatchRange } from './use-match-range';

interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  rep: Representation;
  syntax: Syntax;
  /** A search match to highlight and scroll to. */
  match?: MatchRange | null;
}

type Editor = ComponentType<CodeMirrorEditorProps>;

/** CodeMirror is a chunk of its own (about half of the browse page's JavaScript), fetched once per tab. */
const codeMirror = lazy<Editor>(() => import('./code-mirror-editor').then((m) => m.CodeMirrorEditor));

/** Offset of a DOM position in the element's text. */
function offsetIn(el: HTMLElement, node: Node | null, offset: number): number {
  if (!node || !el.contains(node)) return 0;
  const range = document.createRange();
  range.setStart(el, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function handoffOf(el: HTMLElement): Handoff {
  const sel = document.getSelection();
  return {
    focused: document.activeElement === el,
    anchor: offsetIn(el, sel?.anchorNode ?? null, sel?.anchorOffset ?? 0),
    head: offsetIn(el, sel?.focusNode ?? null, sel?.focusOffset ?? 0),
    scrollTop: el.parentElement?.scrollTop ?? 0,
  };
}

/**
 * The value editor, named "Data". The value shows at once as plain editable text; the CodeMirror
 * editor (highlighting, folding, search) is fetched when the pointer or the keyboard reaches the
 * value, and takes over the text, the selection and the focus when it arrives.
 */
export function CodeEditor({ value, onChange, rep, syntax, match }: CodeEditorProps) {
  const [editor, setEditor] = useState<{ Editor: Editor; handoff?: Handoff } | null>(() => {
    const Editor = codeMirror.current();
    return Editor ? { Editor } : null;
  });
  const text = useRef<HTMLDivElement>(null);
  const wanted = useRef(false);
  const want = () => {
    if (wanted.current) return;
    wanted.current = true;
    codeMirror.load().then(
      (Editor) => {
        // Read and swapped in one task, so that no keystroke falls between the two.
        const handoff = text.current ? handoffOf(text.current) : undefined;
        flushSync(() => setEditor({ Editor, handoff }));
      },
      // The plain view stays: editing still works, and the next approach tries again.
      () => (wanted.current = false),
    );
  };
  if (editor) return <editor.Editor value={value} onChange={onChange} rep={rep} syntax={syntax} handoff={editor.handoff} match={match} />;
  return <PlainEditor value={value} onChange={onChange} rep={rep} syntax={syntax} onIntent={want} textRef={text} match={match} />;
}
