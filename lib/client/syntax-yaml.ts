/** The YAML check, a chunk of its own (see syntax.ts). */
import { parseDocument } from 'yaml';
import type { SyntaxTools } from './syntax';

export const yaml: SyntaxTools = {
  validate(text) {
    const error = parseDocument(text).errors[0];
    return error ? { ok: false, message: `Invalid YAML: ${error.message.split('\n')[0]}` } : { ok: true };
  },
  locate(text) {
    const error = parseDocument(text).errors[0];
    if (!error) return null;
    const [from, to] = error.pos;
    return { from, to: Math.max(to, Math.min(text.length, from + 1)), message: error.message.split('\n')[0] };
  },
};
