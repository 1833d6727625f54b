/** Syntax checks and pretty-printing of edited values, run in the browser before a save. */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'yaml';
import type { DataFormat } from '@/lib/shared/types';

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

/** Whether the text parses as `syntax`; the message says where it does not. */
export function validateSyntax(text: string, syntax: Syntax): Validation {
  switch (syntax) {
    case 'json':
      try {
        JSON.parse(text);
        return { ok: true };
      } catch (e) {
        return { ok: false, message: `Invalid JSON: ${(e as Error).message}` };
      }
    case 'yaml': {
      const error = parseDocument(text).errors[0];
      return error ? { ok: false, message: `Invalid YAML: ${error.message.split('\n')[0]}` } : { ok: true };
    }
    case 'xml': {
      const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
      return result === true ? { ok: true } : { ok: false, message: `Invalid XML at line ${result.err.line}, column ${result.err.col}: ${result.err.msg}` };
    }
    default:
      return { ok: true };
  }
}

const XML_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  allowBooleanAttributes: true,
  trimValues: true,
};

export function canPrettyPrint(syntax: Syntax): boolean {
  return syntax === 'json' || syntax === 'xml';
}

/** The value reformatted for reading, or null when it does not parse. */
export function prettyPrint(text: string, syntax: Syntax): string | null {
  if (!validateSyntax(text, syntax).ok) return null;
  if (syntax === 'json') return JSON.stringify(JSON.parse(text), null, 2);
  if (syntax === 'xml') {
    const tree = new XMLParser(XML_OPTIONS).parse(text);
    return new XMLBuilder({ ...XML_OPTIONS, format: true, indentBy: '  ', suppressEmptyNode: true }).build(tree).trim();
  }
  return null;
}
