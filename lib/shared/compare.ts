/**
 * The compare stream (GET/POST …/compare, docs/api.md, Compare): the differences between two
 * subtrees, paths relative to the compared roots ("" for the roots, "a/b" below them), as the
 * server sends them and the browser shows them. Pure.
 */

/** Left: the path on the connection of the URL; right: `with` (on `withConnection`) or the export file. */
export type CompareSide = 'left' | 'right';

/** A node (and, each on its own line, every node below it) that exists on one side only. */
export interface CompareOnlyLine {
  only: CompareSide;
  path: string;
}

/** A node on both sides whose value or ACL differ. */
export interface CompareChangedLine {
  changed: string;
  data: boolean;
  acl: boolean;
}

/** A node one side may not read (NO_AUTH): it and what is below it were not compared. */
export interface CompareNoAuthLine {
  noAuth: CompareSide;
  path: string;
}

export interface CompareProgressLine {
  progress: { compared: number; pending: number };
}

export interface CompareSummary {
  /** Nodes present on both sides and read on both. */
  compared: number;
  same: number;
  changed: number;
  onlyLeft: number;
  onlyRight: number;
  noAuth: number;
  ms: number;
}

export interface CompareSummaryLine {
  summary: CompareSummary;
}

export type CompareDifference = CompareOnlyLine | CompareChangedLine | CompareNoAuthLine;
export type CompareLine = CompareDifference | CompareProgressLine | CompareSummaryLine;

/** The relative path of a child ("" is the root). */
export const joinRelative = (parent: string, name: string): string => (parent === '' ? name : `${parent}/${name}`);

/** The absolute path of a relative one under `root`. */
export const absoluteUnder = (root: string, rel: string): string => (rel === '' ? root : root === '/' ? `/${rel}` : `${root}/${rel}`);
