/**
 * ZooKeeper path rules (org.apache.zookeeper.common.PathUtils), checked before any call so that a
 * bad path is a clear 400 and never reaches the server. Pure: shared by the server and the browser.
 */

/** What is wrong with a path: the browser renders it from the catalog (`errors.pathCheck`) with `params`. */
export type PathProblemCode = 'empty' | 'noLeadingSlash' | 'trailingSlash' | 'emptySegment' | 'relativeSegment' | 'invalidChar';

/** `reason` is the English (the API's words); `code` and `params` say the same for the catalogs. */
export type PathCheck = { ok: true } | { ok: false; reason: string; code: PathProblemCode; params?: Record<string, string | number> };

function invalidChar(c: number): boolean {
  return (
    c === 0 ||
    (c > 0x0000 && c <= 0x001f) ||
    (c >= 0x007f && c <= 0x009f) ||
    (c >= 0xd800 && c <= 0xf8ff) ||
    (c >= 0xfff0 && c <= 0xffff)
  );
}

/**
 * Checks a path. A sequential create may end in "/" (the server appends the counter), so
 * `sequential` validates the path as the server will see it.
 */
export function checkPath(path: unknown, sequential = false): PathCheck {
  if (typeof path !== 'string' || path.length === 0) return { ok: false, reason: 'Path must not be empty', code: 'empty' };
  const p = sequential ? `${path}1` : path;
  if (p[0] !== '/') return { ok: false, reason: 'Path must start with /', code: 'noLeadingSlash' };
  if (p.length === 1) return { ok: true };
  if (p.endsWith('/')) return { ok: false, reason: 'Path must not end with /', code: 'trailingSlash' };
  const segments = p.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '') return { ok: false, reason: 'Path must not contain an empty segment (//)', code: 'emptySegment' };
    if (segment === '.' || segment === '..') {
      return { ok: false, reason: `Path must not contain a relative segment (${segment})`, code: 'relativeSegment', params: { segment } };
    }
  }
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (invalidChar(c)) {
      const char = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      return { ok: false, reason: `Path contains an invalid character (${char}) at position ${i}`, code: 'invalidChar', params: { char, position: i } };
    }
  }
  return { ok: true };
}

export function isValidPath(path: unknown, sequential = false): path is string {
  return checkPath(path, sequential).ok;
}

export function joinPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

export function parentPath(path: string): string {
  if (path === '/') return '/';
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1);
}

/** The path and each of its ancestors, root first: "/a/b" → ["/", "/a", "/a/b"]. */
export function ancestors(path: string): string[] {
  if (path === '/') return ['/'];
  const out = ['/'];
  const parts = path.slice(1).split('/');
  for (let i = 1; i <= parts.length; i++) out.push(`/${parts.slice(0, i).join('/')}`);
  return out;
}

/** Whether `path` is `root` or lies below it. */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root === '/' ? '/' : `${root}/`);
}

/** Names as they appear in URLs: /c/{id}/browse/a/b ↔ "/a/b". Segments are URI-encoded. */
export function pathToSegments(path: string): string[] {
  return path === '/' ? [] : path.slice(1).split('/');
}

export function segmentsToPath(segments: readonly string[] | undefined): string {
  if (!segments || segments.length === 0) return '/';
  return `/${segments.join('/')}`;
}

/**
 * A path as an operator types it, made exact where only one reading is possible: a missing
 * leading slash added, repeated slashes merged, a trailing slash dropped (ZooKeeper has no empty
 * names, so none of these can mean anything else). Whatever else is wrong is left for checkPath.
 */
export function normalizeTypedPath(typed: string): string {
  const merged = `/${typed.trim()}`.replace(/\/{2,}/g, '/');
  return merged.length > 1 && merged.endsWith('/') ? merged.slice(0, -1) : merged;
}
