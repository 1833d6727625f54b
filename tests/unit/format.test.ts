import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, detectFormat, detectTextFormat } from '@/lib/shared/format';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it.each([
    ['', 'empty'],
    ['{"a": [1, 2]}', 'json'],
    ['[1,2,3]', 'json'],
    ['{"broken": ', 'text'],
    ['<?xml version="1.0"?><a/>', 'xml'],
    ['<config><x>1</x></config>', 'xml'],
    ['a.b=1\n# comment\nc = two words\n', 'properties'],
    ['name: orders\nreplicas: 3\nlist:\n  - a\n  - b\n', 'yaml'],
    ['- one\n- two\n', 'yaml'],
    ['hello world', 'text'],
    ['42', 'text'],
    ['PLAINTEXT://host:9092', 'text'],
  ])('%j is %s', (input, format) => {
    expect(detectFormat(bytes(input))).toBe(format);
  });

  it('tells binary from text', () => {
    expect(detectFormat(new Uint8Array([0xc3, 0x28]))).toBe('binary');
    expect(detectFormat(new Uint8Array([0x61, 0x00, 0x62]))).toBe('binary');
    expect(detectFormat(bytes('héllo ✓'))).toBe('text');
  });

  it('recognises gzip by its magic bytes', () => {
    expect(detectFormat(gzipSync(Buffer.from('x')))).toBe('gzip');
  });

  it('decodes UTF-8 strictly', () => {
    expect(decodeUtf8(bytes('ok ✓'))).toBe('ok ✓');
    expect(decodeUtf8(new Uint8Array([0xff]))).toBeNull();
  });

  it('detects text formats without bytes', () => {
    expect(detectTextFormat('key=value')).toBe('properties');
  });
});
