/**
 * Highlighting for a syntax, loaded when a value of that syntax is first shown: each language
 * package is a chunk of its own, so a JSON node never downloads the YAML and XML grammars.
 */
import type { Extension } from '@codemirror/state';
import { useEffect } from 'react';
import { lazy, useLazy, type Lazy } from '@/lib/client/lazy';
import type { Syntax } from '@/lib/client/syntax';

const LANGUAGES: Record<Syntax, Lazy<Extension>> = {
  json: lazy(() => import('@codemirror/lang-json').then((m) => m.json())),
  yaml: lazy(() => import('@codemirror/lang-yaml').then((m) => m.yaml())),
  xml: lazy(() => import('@codemirror/lang-xml').then((m) => m.xml())),
  properties: lazy(() => import('./properties-language').then((m) => m.properties)),
  text: lazy(() => Promise.resolve([]), []),
};

/** The syntax's language extension: none until its chunk has arrived (at once if it came before). */
export function useLanguage(syntax: Syntax): Extension {
  const chunk = LANGUAGES[syntax];
  // A failed download is retried the next time the syntax is shown.
  useEffect(() => void chunk.load().catch(() => undefined), [chunk]);
  return useLazy(chunk) ?? [];
}
