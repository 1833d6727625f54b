/** Child names in the order ZooKeeper's own tools list them, and searching such a sorted list. */

/** Code-unit order, as ZooKeeper's own tools sort (and sequential suffixes sort numerically). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index of a sorted list whose name is not below `key`: where a prefix range starts. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
