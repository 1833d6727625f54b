'use client';

import { useTranslations } from 'next-intl';
import { Fragment, useEffect, useLayoutEffect, useMemo, type RefObject } from 'react';
import { cn } from '@/components/ui/cn';
import type { Representation } from '@/lib/client/bytes';
import { lazy } from '@/lib/client/lazy';
import { isTextRepresentation } from '@/lib/client/node-value';
import type { Syntax } from '@/lib/client/syntax';
import { asciiOfHexLine, lineLabel } from './hex-ascii';
import { useMatchHighlight } from './use-match-highlight';
import type { MatchRange } from './use-match-range';

const highlighter = lazy(() => import('./plain-highlight'));
/** Longer values stay plain until CodeMirror, which highlights only what is in view, takes over. */
const HIGHLIGHT_MAX_CHARS = 100_000;
/** Wrapping costs two elements a line; past this many lines the plain view scrolls sideways instead. */
const WRAP_MAX_LINES = 5_000;

const FRAME = 'h-full min-h-0 overflow-auto rounded border border-border bg-[#fff] font-mono text-[13px] leading-[1.4] text-[#24292e] dark:bg-[#0d1117] dark:text-[#c9d1d9]';
const GUTTER = 'min-w-7 border-r border-[#ddd] bg-[#fff] pr-[3px] pl-[5px] text-right font-[inherit] whitespace-pre text-[#6e7781] select-none dark:border-transparent dark:bg-[#333338] dark:text-[#ccc]';
/** CodeMirror's line padding and its lineWrapping styles, so that lines break where the editor breaks them. */
const LINE_PADDING = 'pr-0.5 pl-1.5';
const WRAPPING = 'whitespace-break-spaces wrap-anywhere';

interface PlainEditorProps {
  value: string;
  onChange(value: string): void;
  rep: Representation;
  syntax: Syntax;
  /** The pointer came near or the keyboard reached the value: time to fetch the full editor. */
  onIntent(): void;
  textRef: RefObject<HTMLDivElement | null>;
  match?: MatchRange | null;
}

/**
 * A final line break draws no line of its own, so browsers end such text with one more (or a
 * lone <br> when empty): written with it, read back without it.
 */
const shown = (value: string) => (value.endsWith('\n') ? `${value}\n` : value);
const edited = (el: HTMLElement) => el.innerText.replace(/\n$/, '');

/**
 * The value as plain editable text laid out like the CodeMirror editor (its font, colours,
 * gutter and hex ASCII column), shown until that editor's chunk arrives: the value appears at
 * once and takes keystrokes from the first one. JSON, YAML and XML are highlighted as soon as
 * their (small) Lezer grammar arrives, before any CodeMirror code. Like CodeMirror's, the text
 * is a contenteditable element named "Data"; React does not render into it (the browser edits
 * its DOM), the value is written in only when it changes from outside.
 */
export function PlainEditor({ value, onChange, rep, syntax, onIntent, textRef, match }: PlainEditorProps) {
  const t = useTranslations('node.editor');
  const hex = rep === 'hex';
  const lines = useMemo(() => value.split('\n'), [value]);
  const gutter = useMemo(() => lines.map((_, i) => lineLabel(i, hex)).join('\n'), [lines, hex]);
  const ascii = useMemo(() => (hex ? lines.map((l) => asciiOfHexLine(l) ?? '').join('\n') : null), [lines, hex]);
  useLayoutEffect(() => {
    const el = textRef.current;
    if (el && edited(el) !== value) el.textContent = shown(value);
  }, [value, textRef]);
  const highlight = isTextRepresentation(rep) && syntax !== 'text' && syntax !== 'properties' && value.length <= HIGHLIGHT_MAX_CHARS;
  useEffect(() => {
    const el = textRef.current;
    if (!el || !highlight) return;
    let live = true;
    highlighter
      .load()
      .then((m) => m.highlighted(value, syntax))
      .then(
        (nodes) => {
          // Only over untouched text: once it is edited or focused, the browser owns the DOM and the selection.
          if (!live || !nodes || document.activeElement === el || edited(el) !== value) return;
          if (value.endsWith('\n')) nodes.append('\n');
          el.replaceChildren(nodes);
        },
        // Without its chunk the value stays plain, as it was.
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [value, syntax, highlight, textRef]);
  useMatchHighlight(textRef, match ?? null, value);
  const wrap = !hex && lines.length <= WRAP_MAX_LINES;
  const text = (
    <div
      ref={textRef}
      role="textbox"
      aria-label={t('data')}
      data-placeholder={t('empty')}
      aria-multiline="true"
      contentEditable="plaintext-only"
      suppressContentEditableWarning
      spellCheck={false}
      autoCapitalize="off"
      onInput={(e) => onChange(edited(e.currentTarget))}
      style={wrap ? { gridRow: `1 / ${lines.length + 1}` } : undefined}
      className={cn(
        'py-1 outline-none empty:before:text-[#6e7781] empty:before:content-[attr(data-placeholder)]',
        LINE_PADDING,
        wrap ? cn('col-start-2', WRAPPING) : cn('h-max whitespace-pre', hex ? 'flex-none' : 'flex-auto'),
      )}
    />
  );
  const intent = { onPointerEnter: onIntent, onPointerDown: onIntent, onFocus: onIntent };
  if (wrap) {
    // Like CodeMirror's lineWrapping: each line wraps, and its number stays beside its first row.
    // Every line is a grid row whose height an invisible copy of the line sets; the editable
    // text lies over those copies, so its wrapped lines fall on the same rows.
    return (
      <div {...intent} className={cn(FRAME, 'grid grid-cols-[auto_minmax(0,1fr)]')} style={{ gridTemplateRows: `repeat(${lines.length}, auto) 1fr` }}>
        {lines.map((line, i) => {
          const edge = cn(i === 0 && 'pt-1', i === lines.length - 1 && 'pb-1');
          return (
            <Fragment key={i}>
              <div aria-hidden style={{ gridRow: i + 1 }} className={cn(GUTTER, edge)}>
                {lineLabel(i, false)}
              </div>
              <div aria-hidden style={{ gridRow: i + 1 }} className={cn('invisible col-start-2', LINE_PADDING, WRAPPING, edge)}>
                {line}
              </div>
            </Fragment>
          );
        })}
        <div aria-hidden style={{ gridRow: lines.length + 1 }} className={GUTTER} />
        {text}
      </div>
    );
  }
  return (
    <div {...intent} className={cn(FRAME, 'flex items-stretch')}>
      <pre aria-hidden className={cn(GUTTER, 'sticky left-0 h-max min-h-full shrink-0 py-1')}>
        {gutter}
      </pre>
      {text}
      {ascii !== null && (
        <pre aria-hidden className="h-max py-1 pl-[2ch] font-[inherit] whitespace-pre text-muted">
          {ascii}
        </pre>
      )}
    </div>
  );
}
