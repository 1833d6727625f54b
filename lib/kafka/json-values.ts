import 'server-only';

/** Reading Kafka's JSON values, which are loosely typed (some numbers are written as strings). */

export type Json = unknown;

export function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An integer, also from a numeric string (Kafka writes some numbers as strings). */
export function int(v: Json): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) {
    const n = Number(v.trim());
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

export function intArray(v: Json): number[] | null {
  if (!Array.isArray(v)) return null;
  const out = v.map(int);
  return out.every((n): n is number => n !== null) ? out : null;
}
