/**
 * Syntax checks and pretty-printing of edited values, run in the browser before a save. The YAML
 * and XML parsers (about 250 KiB) are chunks of their own, fetched the first time a value of that
 * syntax is checked or pretty-printed.
 */
import type { DataFormat } from '@/lib/shared/types';
import { lazy, type Lazy } from './lazy';

/** How the editor treats a text value: highlighting, validation and pretty-printing. */
export type Syntax = 'json' | 'yaml' | 'xml' | 'properties' | 'text';

export const SYNTAXES: ReadonlyArray<{ value: Syntax; label: string }> = [
  { value: 'json', label: 'JSON' },
  { value: 'yaml', label: 'YAML' },
  { value: 'xml', label: 'XML' },
  { value: 'properties', label: 'Properties' },
  { value: 'text', label: 'Plain text' },
];

export function syntaxOf(format: DataFormat): Syntax {
  return format === 'json' || format === 'yaml' || format === 'xml' || format === 'properties' ? format : 'text';
}

export type Validation = { ok: true } | { ok: false; message: string };

/** Where a value stops parsing (offsets into the text), for the editor's lint marks. */
export interface SyntaxProblem {
  from: number;
  to: number;
  message: string;
}

/** What a syntax's parser offers: a check, and for some a pretty-printer (null when the text does not parse). */
export interface SyntaxTools {
  validate(text: string): Validation;
  pretty?(text: string): string | null;
  /** The first problem with its place (JSON's come from CodeMirror's own JSON linter). */
  locate?(text: string): SyntaxProblem | null;
}

/** The offset of a 1-based line and column. */
export function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return Math.min(text.length, at + Math.max(0, column - 1));
}

const json: SyntaxTools = {
  validate(text) {
    try {
      JSON.parse(text);
      return { ok: true };
    } catch (e) {
      return { ok: false, message: `Invalid JSON: ${(e as Error).message}` };
    }
  },
  pretty(text) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return null;
    }
  },
};

const anything: SyntaxTools = { validate: () => ({ ok: true }) };

/** Each syntax's parser, fetched once per tab (a failed download is tried again next time). */
const TOOLS: Record<Syntax, Lazy<SyntaxTools>> = {
  json: lazy(() => Promise.resolve(json), json),
  yaml: lazy(() => import('./syntax-yaml').then((m) => m.yaml)),
  xml: lazy(() => import('./syntax-xml').then((m) => m.xml)),
  properties: lazy(() => Promise.resolve(anything), anything),
  text: lazy(() => Promise.resolve(anything), anything),
};

export function loadSyntax(syntax: Syntax): Promise<SyntaxTools> {
  return TOOLS[syntax].load();
}

/** Whether the text parses as `syntax`; the message says where it does not. */
export async function validateSyntax(text: string, syntax: Syntax): Promise<Validation> {
  return (await loadSyntax(syntax)).validate(text);
}

export function canPrettyPrint(syntax: Syntax): boolean {
  return syntax === 'json' || syntax === 'xml';
}

/**
 * The value reformatted for reading, or null when it does not parse. Synchronous, for the editor's
 * reducer: the syntax's parser must have been loaded first (loadSyntax), else this is null too.
 */
export function prettyPrint(text: string, syntax: Syntax): string | null {
  return TOOLS[syntax].current()?.pretty?.(text) ?? null;
}
