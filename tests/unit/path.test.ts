import { describe, expect, it } from 'vitest';
import {
  ancestors,
  baseName,
  checkPath,
  isValidPath,
  joinPath,
  normalizeTypedPath,
  parentPath,
  pathToSegments,
  segmentsToPath,
} from '@/lib/shared/path';

function reason(path: unknown, sequential = false): string | null {
  const result = checkPath(path, sequential);
  return result.ok ? null : result.reason;
}

describe('checkPath', () => {
  it.each(['/', '/a', '/a/b/c', '/brokers/ids/1', '/with space', '/ünïcödé/日本', '/a.b/..c/c..', '/-_.:@'])('accepts %j', (p) => {
    expect(checkPath(p)).toEqual({ ok: true });
  });

  it('rejects what is not a non-empty string', () => {
    for (const p of ['', undefined, null, 42, {}, ['/a']]) expect(reason(p)).toBe('Path must not be empty');
  });

  it('requires a leading slash', () => {
    expect(reason('a/b')).toBe('Path must start with /');
    expect(reason(' /a')).toBe('Path must start with /');
  });

  it('rejects a trailing slash except on the root', () => {
    expect(reason('/a/')).toBe('Path must not end with /');
    expect(checkPath('/').ok).toBe(true);
  });

  it('rejects empty segments', () => {
    expect(reason('//a')).toBe('Path must not contain an empty segment (//)');
    expect(reason('/a//b')).toBe('Path must not contain an empty segment (//)');
  });

  it('rejects relative segments but not names that merely contain dots', () => {
    expect(reason('/a/./b')).toBe('Path must not contain a relative segment (.)');
    expect(reason('/a/..')).toBe('Path must not contain a relative segment (..)');
    expect(reason('/.')).toBe('Path must not contain a relative segment (.)');
    expect(checkPath('/.hidden/..x/x..').ok).toBe(true);
  });

  it('names an invalid character and its position', () => {
    expect(reason('/a\u0000b')).toBe('Path contains an invalid character (U+0000) at position 2');
    expect(reason('/a\nb')).toBe('Path contains an invalid character (U+000A) at position 2');
    expect(reason('/x\u007f')).toBe('Path contains an invalid character (U+007F) at position 2');
    expect(reason('/x\u009f')).toBe('Path contains an invalid character (U+009F) at position 2');
    expect(reason('/\ud800')).toBe('Path contains an invalid character (U+D800) at position 1');
    expect(reason('/\uf8ff')).toBe('Path contains an invalid character (U+F8FF) at position 1');
    expect(reason('/\ufff0')).toBe('Path contains an invalid character (U+FFF0) at position 1');
    expect(reason('/\uffff')).toBe('Path contains an invalid character (U+FFFF) at position 1');
  });

  it('accepts the characters just outside the forbidden ranges', () => {
    for (const c of ['\u0020', '\u007e', '\u00a0', '\ud7ff', '\uf900', '\uffef']) expect(checkPath(`/a${c}b`).ok).toBe(true);
  });

  it('validates a sequential path as the server sees it (with the counter appended)', () => {
    expect(checkPath('/queue/', true).ok).toBe(true);
    expect(checkPath('/queue/task-', true).ok).toBe(true);
    expect(reason('/queue/')).toBe('Path must not end with /');
    expect(reason('/', true)).toBeNull();
    expect(reason('//', true)).toBe('Path must not contain an empty segment (//)');
    expect(reason('queue/', true)).toBe('Path must start with /');
    expect(reason('', true)).toBe('Path must not be empty');
  });
});

describe('isValidPath', () => {
  it('agrees with checkPath', () => {
    expect(isValidPath('/a/b')).toBe(true);
    expect(isValidPath('/a/')).toBe(false);
    expect(isValidPath('/a/', true)).toBe(true);
    expect(isValidPath(7)).toBe(false);
  });
});

describe('joinPath / parentPath / baseName', () => {
  it('joins under the root without doubling the slash', () => {
    expect(joinPath('/', 'a')).toBe('/a');
    expect(joinPath('/a/b', 'c')).toBe('/a/b/c');
  });

  it('finds the parent', () => {
    expect(parentPath('/')).toBe('/');
    expect(parentPath('/a')).toBe('/');
    expect(parentPath('/a/b')).toBe('/a');
    expect(parentPath('/a/b/c')).toBe('/a/b');
  });

  it('finds the last segment', () => {
    expect(baseName('/')).toBe('/');
    expect(baseName('/a')).toBe('a');
    expect(baseName('/a/b.json')).toBe('b.json');
  });

  it('round-trips: joinPath(parentPath(p), baseName(p)) === p', () => {
    for (const p of ['/a', '/a/b', '/x/y/z-0000000001']) expect(joinPath(parentPath(p), baseName(p))).toBe(p);
  });
});

describe('ancestors', () => {
  it('lists the root first and ends with the path itself', () => {
    expect(ancestors('/')).toEqual(['/']);
    expect(ancestors('/a')).toEqual(['/', '/a']);
    expect(ancestors('/a/b/c')).toEqual(['/', '/a', '/a/b', '/a/b/c']);
  });
});

describe('pathToSegments / segmentsToPath', () => {
  it('maps the root to no segments and back', () => {
    expect(pathToSegments('/')).toEqual([]);
    expect(segmentsToPath([])).toBe('/');
    expect(segmentsToPath(undefined)).toBe('/');
  });

  it('round-trips nested paths', () => {
    expect(pathToSegments('/a/b c/d')).toEqual(['a', 'b c', 'd']);
    for (const p of ['/a', '/a/b c/d', '/brokers/topics/orders/partitions/0']) expect(segmentsToPath(pathToSegments(p))).toBe(p);
  });
});

describe('normalizeTypedPath', () => {
  it('adds the leading slash, merges repeated slashes and drops a trailing one', () => {
    expect(normalizeTypedPath('hidden/config.json')).toBe('/hidden/config.json');
    expect(normalizeTypedPath('/hidden/')).toBe('/hidden');
    expect(normalizeTypedPath('  //a///b// ')).toBe('/a/b');
    expect(normalizeTypedPath('/')).toBe('/');
    expect(normalizeTypedPath('')).toBe('/');
  });

  it('leaves what has no single reading for checkPath to name', () => {
    expect(checkPath(normalizeTypedPath('/a/../b'))).toEqual({ ok: false, reason: 'Path must not contain a relative segment (..)', code: 'relativeSegment', params: { segment: '..' } });
  });
});
