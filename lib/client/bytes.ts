/**
 * Byte-exact conversions between a znode value and the text shown in the editor, in the
 * browser: base64 on the wire, then one of a few representations the operator can choose.
 */

export type Representation = 'utf-8' | 'iso-8859-1' | 'utf-16le' | 'hex' | 'base64';

export const REPRESENTATIONS: ReadonlyArray<{ value: Representation; label: string }> = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'iso-8859-1', label: 'ISO-8859-1' },
  { value: 'utf-16le', label: 'UTF-16LE' },
  { value: 'hex', label: 'Hex' },
  { value: 'base64', label: 'Base64' },
];

export const HEX_BYTES_PER_LINE = 16;

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** "de ad be ef …", HEX_BYTES_PER_LINE bytes per line. */
export function bytesToHex(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += HEX_BYTES_PER_LINE) {
    lines.push(Array.from(bytes.subarray(i, i + HEX_BYTES_PER_LINE), (b) => b.toString(16).padStart(2, '0')).join(' '));
  }
  return lines.join('\n');
}

/** Printable ASCII for a hex dump's right-hand column; anything else is a dot. */
export function asciiColumn(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += bytes[i] >= 0x20 && bytes[i] < 0x7f ? String.fromCharCode(bytes[i]) : '.';
  return out;
}

/** Why a text is not bytes in its representation: rendered from the `node.editor.bytes` catalog. */
export type BytesProblem = { code: 'hexOdd' } | { code: 'hexDigit'; char: string } | { code: 'base64' } | { code: 'latin1'; char: string };

export type ParseResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: BytesProblem };

export function parseHex(text: string): ParseResult {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 2 !== 0) return { ok: false, problem: { code: 'hexOdd' } };
  const bad = clean.search(/[^0-9a-fA-F]/);
  if (bad >= 0) return { ok: false, problem: { code: 'hexDigit', char: clean[bad] } };
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return { ok: true, bytes };
}

export function parseBase64(text: string): ParseResult {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return { ok: false, problem: { code: 'base64' } };
  return { ok: true, bytes: base64ToBytes(clean) };
}

/** Text as shown for a representation. UTF-8 replaces invalid sequences (binary is shown as hex). */
export function bytesToText(bytes: Uint8Array, rep: Representation): string {
  switch (rep) {
    case 'hex':
      return bytesToHex(bytes);
    case 'base64':
      return bytesToBase64(bytes);
    case 'iso-8859-1':
      return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    case 'utf-16le':
    case 'utf-8':
      return new TextDecoder(rep).decode(bytes);
  }
}

/** The bytes an edited text stands for, or why it cannot be stored in that representation. */
export function textToBytes(text: string, rep: Representation): ParseResult {
  switch (rep) {
    case 'hex':
      return parseHex(text);
    case 'base64':
      return parseBase64(text);
    case 'utf-8':
      return { ok: true, bytes: new TextEncoder().encode(text) };
    case 'iso-8859-1': {
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c > 0xff) return { ok: false, problem: { code: 'latin1', char: text[i] } };
        bytes[i] = c;
      }
      return { ok: true, bytes };
    }
    case 'utf-16le': {
      const bytes = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        bytes[i * 2] = c & 0xff;
        bytes[i * 2 + 1] = c >> 8;
      }
      return { ok: true, bytes };
    }
  }
}

/** A text representation shows these bytes without loss (decoding then encoding gives them back). */
export function isLossless(bytes: Uint8Array, rep: Representation): boolean {
  const back = textToBytes(bytesToText(bytes, rep), rep);
  return back.ok && bytesEqual(back.bytes, bytes);
}
