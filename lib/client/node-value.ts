/** The value the editor works on: the node's bytes, or for gzip the decompressed bytes. */
import type { DataFormat, NodeValue } from '@/lib/shared/types';
import { base64ToBytes, bytesToText, type Representation } from './bytes';
import { prettyPrint, type Syntax } from './syntax';

export interface EditableValue {
  bytes: Uint8Array;
  /** The format of the editable bytes (the inflated content for gzip). */
  format: DataFormat;
  /** Stored gzip-compressed: shown decompressed, compressed again on save. */
  gzip: boolean;
  /** Size as stored. */
  storedSize: number;
}

export function editableValue(data: NodeValue): EditableValue {
  if (data.format === 'gzip' && data.inflated) {
    return { bytes: base64ToBytes(data.inflated.base64), format: data.inflated.format, gzip: true, storedSize: data.size };
  }
  return { bytes: base64ToBytes(data.base64), format: data.format, gzip: false, storedSize: data.size };
}

export function defaultRepresentation(value: EditableValue): Representation {
  return value.format === 'binary' ? 'hex' : 'utf-8';
}

export function isTextRepresentation(rep: Representation): boolean {
  return rep === 'utf-8' || rep === 'iso-8859-1' || rep === 'utf-16le';
}

/** The text the editor shows for the bytes; pretty-printing applies to UTF-8 text that parses. */
export function renderValue(bytes: Uint8Array, rep: Representation, syntax: Syntax, pretty: boolean): string {
  const text = bytesToText(bytes, rep);
  return pretty && rep === 'utf-8' ? (prettyPrint(text, syntax) ?? text) : text;
}
