/**
 * Lint marks while typing: a syntax's linter comes with its language (JSON's from
 * @codemirror/lang-json, YAML's and XML's from the parsers the save check uses), so a value of one
 * syntax never fetches another's parser.
 */
import { linter } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { useEffect } from 'react';
import { lazy, useLazy, type Lazy } from '@/lib/client/lazy';
import { loadSyntax, type Syntax } from '@/lib/client/syntax';

const DELAY_MS = 300;

function fromTools(syntax: 'yaml' | 'xml'): Lazy<Extension> {
  return lazy(() =>
    loadSyntax(syntax).then((tools) =>
      linter(
        (view) => {
          const problem = tools.locate?.(view.state.doc.toString());
          return problem ? [{ ...problem, severity: 'error' as const }] : [];
        },
        { delay: DELAY_MS },
      ),
    ),
  );
}

const none: Extension = [];

const LINTERS: Record<Syntax, Lazy<Extension>> = {
  json: lazy(() => import('@codemirror/lang-json').then((m) => linter(m.jsonParseLinter(), { delay: DELAY_MS }))),
  yaml: fromTools('yaml'),
  xml: fromTools('xml'),
  properties: lazy(() => Promise.resolve(none), none),
  text: lazy(() => Promise.resolve(none), none),
};

/** The syntax's linter once its chunk is there; none for an empty value (nothing to mark). */
export function useLinter(syntax: Syntax): Extension {
  const chunk = LINTERS[syntax];
  useEffect(() => void chunk.load().catch(() => undefined), [chunk]);
  return useLazy(chunk) ?? none;
}
