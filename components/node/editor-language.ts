/**
 * Highlighting for a syntax, loaded when a value of that syntax is first shown: each language
 * package is a chunk of its own, so a JSON node never downloads the YAML and XML grammars.
 */
import type { Extension } from '@codemirror/state';
import { useEffect, useState } from 'react';
import type { Syntax } from '@/lib/client/syntax';

const LOADERS: Record<Syntax, () => Promise<Extension>> = {
  json: () => import('@codemirror/lang-json').then((m) => m.json()),
  yaml: () => import('@codemirror/lang-yaml').then((m) => m.yaml()),
  xml: () => import('@codemirror/lang-xml').then((m) => m.xml()),
  properties: () => import('./properties-language').then((m) => m.properties),
  text: () => Promise.resolve([]),
};

const loaded = new Map<Syntax, Extension>([['text', []]]);
const pending = new Map<Syntax, Promise<Extension>>();

function loadLanguage(syntax: Syntax): Promise<Extension> {
  let p = pending.get(syntax);
  if (!p) {
    p = LOADERS[syntax]().then((ext) => {
      loaded.set(syntax, ext);
      return ext;
    });
    // A failed download is retried the next time the syntax is shown.
    p.catch(() => pending.delete(syntax));
    pending.set(syntax, p);
  }
  return p;
}

/** The syntax's language extension: none until its chunk has arrived (at once if it came before). */
export function useLanguage(syntax: Syntax): Extension {
  const [state, setState] = useState(() => ({ syntax, ext: loaded.get(syntax) }));
  useEffect(() => {
    let live = true;
    loadLanguage(syntax).then(
      (ext) => live && setState({ syntax, ext }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [syntax]);
  return (state.syntax === syntax ? state.ext : loaded.get(syntax)) ?? [];
}
