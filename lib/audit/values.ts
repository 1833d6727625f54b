/** Bounds recorded values so one huge node cannot bloat the audit log. */
import 'server-only';
import type { AuditValue } from '@/lib/shared/audit';

const DEFAULT_MAX_BYTES = 16 * 1024;

export function auditValueLimit(): number {
  const v = Number(process.env.ZOOSCOPE_AUDIT_VALUE_BYTES);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_MAX_BYTES;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text cut at `limit` bytes without splitting a character, or null when not UTF-8. */
function textPrefix(bytes: Uint8Array, limit: number): string | null {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return null;
  }
  if (bytes.length <= limit) return text;
  let end = limit;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // back off a continuation byte
  return decoder.decode(bytes.subarray(0, end));
}

export function boundedValue(bytes: Uint8Array, limit = auditValueLimit()): AuditValue {
  const text = textPrefix(bytes, limit);
  const truncated = bytes.length > limit;
  return {
    text,
    base64: text === null ? Buffer.from(bytes.subarray(0, limit)).toString('base64') : null,
    size: bytes.length,
    truncated,
  };
}

export function textValue(text: string): AuditValue {
  return boundedValue(Buffer.from(text, 'utf8'));
}
