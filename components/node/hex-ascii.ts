/** The hex dump's right-hand column, shared by the editor's decoration and the plain view. */
import { asciiColumn, HEX_BYTES_PER_LINE } from '@/lib/client/bytes';

/** The ASCII column of one line of hex digits (padded to a full line), or null when it is not one. */
export function asciiOfHexLine(line: string): string | null {
  const digits = line.replace(/\s+/g, '');
  if (digits.length === 0 || digits.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(digits)) return null;
  const bytes = digits.match(/../g)!.map((h) => parseInt(h, 16));
  return `${' '.repeat(Math.max(0, HEX_BYTES_PER_LINE - bytes.length) * 3)}${asciiColumn(bytes)}`;
}

/** The gutter label of line `index` (0-based): byte offsets for a hex dump, line numbers otherwise. */
export function lineLabel(index: number, hex: boolean): string {
  return hex ? (index * HEX_BYTES_PER_LINE).toString(16).padStart(6, '0') : String(index + 1);
}
