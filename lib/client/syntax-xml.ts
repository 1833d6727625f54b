/** The XML check and pretty-printer, a chunk of its own (see syntax.ts). */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { offsetOf, type SyntaxTools } from './syntax';

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

export const xml: SyntaxTools = {
  validate(text) {
    const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
    return result === true ? { ok: true } : { ok: false, message: `Invalid XML at line ${result.err.line}, column ${result.err.col}: ${result.err.msg}` };
  },
  locate(text) {
    const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
    if (result === true) return null;
    const from = offsetOf(text, result.err.line, result.err.col);
    return { from, to: Math.min(text.length, from + 1), message: result.err.msg };
  },
  pretty(text) {
    if (!xml.validate(text).ok) return null;
    const tree = new XMLParser(XML_OPTIONS).parse(text);
    return new XMLBuilder({ ...XML_OPTIONS, format: true, indentBy: '  ', suppressEmptyNode: true }).build(tree).trim();
  },
};
