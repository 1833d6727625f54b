/**
 * Detects what a znode value is, from its bytes. Pure (no Node APIs) so the browser can re-detect
 * an edited value; yaml is only tried on text that looks like YAML.
 */
import { parse as parseYaml } from 'yaml';
import type { DataFormat } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are valid UTF-8 without NUL bytes, otherwise null. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

const PROPERTIES_LINE = /^\s*[^\s=:#!][^=]*?\s*=.*$/;
const COMMENT_LINE = /^\s*([#!].*)?$/;
const YAML_HINT = /^(\s*-\s|\s*[\w.-]+:(\s|$)|---)/m;

function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

function looksLikeXml(text: string): boolean {
  const t = text.trim();
  return t.startsWith('<?xml') || /^<([A-Za-z_][\w.-]*)[\s\S]*(<\/\1>|\/>)$/.test(t);
}

function looksLikeProperties(text: string): boolean {
  const lines = text.split(/\r?\n/);
  let pairs = 0;
  for (const line of lines) {
    if (COMMENT_LINE.test(line)) continue;
    if (!PROPERTIES_LINE.test(line)) return false;
    pairs++;
  }
  return pairs > 0;
}

function looksLikeYaml(text: string): boolean {
  if (!YAML_HINT.test(text)) return false;
  try {
    const v = parseYaml(text);
    return v !== null && typeof v === 'object';
  } catch {
    return false;
  }
}

/** The format of a text value. */
export function detectTextFormat(text: string): DataFormat {
  if (text.length === 0) return 'empty';
  if (looksLikeJson(text)) return 'json';
  if (looksLikeXml(text)) return 'xml';
  if (looksLikeProperties(text)) return 'properties';
  if (looksLikeYaml(text)) return 'yaml';
  return 'text';
}

export function detectFormat(bytes: Uint8Array): DataFormat {
  if (bytes.length === 0) return 'empty';
  if (isGzip(bytes)) return 'gzip';
  const text = decodeUtf8(bytes);
  return text === null ? 'binary' : detectTextFormat(text);
}
