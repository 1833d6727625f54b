import { describe, expect, it } from 'vitest';
import { bytesToText, isLossless, parseHex, textToBytes, type Representation } from '@/lib/client/bytes';

const binary = new Uint8Array([0x00, 0xff, 0x80, 0x7f, 0xc3, 0x28, 0x0a, 0x41, 0x42, 0xfe, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]);

describe('byte representations', () => {
  it('round-trips any bytes through hex and base64 exactly', () => {
    for (const rep of ['hex', 'base64', 'iso-8859-1'] as Representation[]) {
      const back = textToBytes(bytesToText(binary, rep), rep);
      expect(back.ok && Array.from(back.bytes)).toEqual(Array.from(binary));
    }
  });

  it('writes hex 16 bytes a line', () => {
    expect(bytesToText(binary, 'hex')).toBe('00 ff 80 7f c3 28 0a 41 42 fe 01 02 03 04 05 06\n07');
  });

  it('names what is wrong with hex that does not parse', () => {
    expect(parseHex('0g')).toEqual({ ok: false, problem: { code: 'hexDigit', char: 'g' } });
    expect(parseHex('abc')).toEqual({ ok: false, problem: { code: 'hexOdd' } });
  });

  it('refuses characters a charset cannot hold', () => {
    expect(textToBytes('€', 'iso-8859-1')).toEqual({ ok: false, problem: { code: 'latin1', char: '€' } });
    const utf16 = textToBytes('hé', 'utf-16le');
    expect(utf16.ok && Array.from(utf16.bytes)).toEqual([0x68, 0x00, 0xe9, 0x00]);
  });

  it('knows when UTF-8 text would not give the same bytes back', () => {
    expect(isLossless(binary, 'utf-8')).toBe(false);
    expect(isLossless(new TextEncoder().encode('plain ✓'), 'utf-8')).toBe(true);
  });
});
