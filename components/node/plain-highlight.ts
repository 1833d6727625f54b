/**
 * Read-only highlighting for the plain view (plain-editor.tsx), a chunk of its own: the syntax's
 * Lezer grammar and @lezer/highlight, without a CodeMirror view. The classes take the colours of
 * the editor's GitHub theme (app/globals.css), so nothing shifts when CodeMirror takes over.
 */
import { highlightCode, tagHighlighter, tags as t } from '@lezer/highlight';
import type { Syntax } from '@/lib/client/syntax';

/** The tag groups of @uiw/codemirror-theme-github, one class each. */
const highlighter = tagHighlighter([
  { tag: [t.standard(t.tagName), t.tagName, t.name, t.quote], class: 'hl-tag' },
  { tag: [t.comment, t.bracket], class: 'hl-comment' },
  { tag: [t.className, t.propertyName], class: 'hl-property' },
  { tag: [t.variableName, t.attributeName, t.number, t.operator], class: 'hl-number' },
  { tag: [t.keyword, t.typeName, t.typeOperator], class: 'hl-keyword' },
  { tag: [t.string, t.meta, t.regexp, t.url, t.escape], class: 'hl-string' },
  { tag: [t.atom, t.bool, t.special(t.variableName)], class: 'hl-atom' },
  { tag: t.invalid, class: 'hl-invalid' },
]);

type Parser = Awaited<ReturnType<(typeof GRAMMARS)['json']>>;

const GRAMMARS = {
  json: () => import('@lezer/json').then((m) => m.parser),
  yaml: () => import('@lezer/yaml').then((m) => m.parser),
  xml: () => import('@lezer/xml').then((m) => m.parser),
};

export function hasGrammar(syntax: Syntax): syntax is keyof typeof GRAMMARS {
  return syntax in GRAMMARS;
}

/** The text as highlighted nodes (spans and text), or null for a syntax without a grammar. */
export async function highlighted(text: string, syntax: Syntax): Promise<DocumentFragment | null> {
  if (!hasGrammar(syntax)) return null;
  const parser: Parser = await GRAMMARS[syntax]();
  const out = document.createDocumentFragment();
  highlightCode(
    text,
    parser.parse(text),
    highlighter,
    (piece, classes) => {
      if (!classes) return void out.append(piece);
      const span = document.createElement('span');
      span.className = classes;
      span.textContent = piece;
      out.append(span);
    },
    () => out.append('\n'),
  );
  return out;
}
