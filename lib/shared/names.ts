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

/** A child-list filter: names starting with `prefix` and containing `contains` (either may be ""). */
export interface NameFilter {
  prefix: string;
  contains: string;
}

export const NO_FILTER: NameFilter = { prefix: '', contains: '' };

export function matchesName(filter: NameFilter, name: string): boolean {
  return name.startsWith(filter.prefix) && name.includes(filter.contains);
}

export function isFiltered(filter: NameFilter): boolean {
  return filter.prefix !== '' || filter.contains !== '';
}

export function sameFilter(a: NameFilter, b: NameFilter): boolean {
  return a.prefix === b.prefix && a.contains === b.contains;
}
