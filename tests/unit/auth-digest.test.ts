import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestId, sha1 } from '@/lib/shared/digest';

describe('digest helper', () => {
  it('computes SHA-1 like node:crypto for every padding boundary', () => {
    for (const length of [0, 1, 2, 3, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = randomBytes(length);
      expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });

  it('builds user:base64(sha1(user:password)) as ZooKeeper does', () => {
    // The superDigest example of the ZooKeeper administrator's guide (password "test").
    expect(digestId('super', 'test')).toBe('super:D/InIHSb7yEEbrWz8b9l71RjZJU=');
    const expected = `operator:${createHash('sha1').update('operator:zooscope-demo').digest('base64')}`;
    expect(digestId('operator', 'zooscope-demo')).toBe(expected);
  });

  it('encodes non-ASCII passwords as UTF-8', () => {
    const expected = `jörg:${createHash('sha1').update('jörg:pässwörd✓', 'utf8').digest('base64')}`;
    expect(digestId('jörg', 'pässwörd✓')).toBe(expected);
  });
});
