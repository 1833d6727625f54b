import 'server-only';

/**
 * A token bucket per watched path: a hot path is re-read at most once per interval on average,
 * after a burst of immediate re-reads. Pure: the caller passes the clock.
 */
export interface TokenBucket {
  /** Re-reads that may happen at once; refilled one per interval up to the capacity. */
  tokens: number;
  refilledAt: number;
}

/** 0 when a re-read may happen now (and takes the token), else how many ms until one may. */
export function takeToken(bucket: TokenBucket, capacity: number, intervalMs: number, now: number): number {
  bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.refilledAt) / intervalMs);
  bucket.refilledAt = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.ceil((1 - bucket.tokens) * intervalMs);
}
