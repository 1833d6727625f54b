import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WatchWindow } from '@/lib/client/watch-window';

describe('the watch window of rows on screen', () => {
  let watched: Map<string, number>;
  const watch = (path: string) => {
    watched.set(path, (watched.get(path) ?? 0) + 1);
    return () => watched.set(path, watched.get(path)! - 1);
  };
  const held = () => [...watched].filter(([, n]) => n > 0).map(([p]) => p).sort();

  beforeEach(() => {
    vi.useFakeTimers();
    watched = new Map();
  });
  afterEach(() => vi.useRealTimers());

  it('watches rows as they appear and releases them once they stayed away', () => {
    const w = new WatchWindow(watch, 500);
    w.show(['/a', '/b']);
    expect(held()).toEqual(['/a', '/b']);
    w.show(['/b', '/c']);
    expect(held()).toEqual(['/a', '/b', '/c']);
    vi.advanceTimersByTime(499);
    expect(held()).toContain('/a');
    vi.advanceTimersByTime(1);
    expect(held()).toEqual(['/b', '/c']);
  });

  it('keeps a row that comes back before its release, without watching it twice', () => {
    const w = new WatchWindow(watch, 500);
    w.show(['/a']);
    w.show([]);
    vi.advanceTimersByTime(400);
    w.show(['/a']);
    vi.advanceTimersByTime(1000);
    expect(watched.get('/a')).toBe(1);
  });

  it('holds at most its bound, releasing rows that left first', () => {
    const w = new WatchWindow(watch, 10_000, 3);
    w.show(['/a', '/b', '/c']);
    w.show(['/d', '/e']);
    expect(w.size).toBe(3);
    expect(held()).toEqual(['/c', '/d', '/e']);
    w.show(['/1', '/2', '/3', '/4', '/5']);
    expect(held()).toEqual(['/1', '/2', '/3']);
  });

  it('releases everything when disposed', () => {
    const w = new WatchWindow(watch, 500);
    w.show(['/a', '/b']);
    w.dispose();
    expect(held()).toEqual([]);
  });
});
