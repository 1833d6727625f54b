import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, endSession, onSessionEnd, sessionExpiresAt, sweep, touchSession, type SignInSession } from '@/lib/auth/sessions';

describe('sign-in sessions', () => {
  const ended: SignInSession[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    process.env.ZOOSCOPE_SESSION_IDLE_SECONDS = '600';
    process.env.ZOOSCOPE_SESSION_MAX_SECONDS = '3600';
    ended.length = 0;
    onSessionEnd('test', (s) => ended.push(s));
  });
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.ZOOSCOPE_SESSION_IDLE_SECONDS;
    delete process.env.ZOOSCOPE_SESSION_MAX_SECONDS;
  });

  it('ends after the idle timeout without use', () => {
    const { token, session } = createSession('ann', 'user');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    vi.advanceTimersByTime(599_000);
    expect(touchSession(token)?.id).toBe(session.id);
    vi.advanceTimersByTime(599_000); // idle clock restarted by the touch
    expect(touchSession(token)?.id).toBe(session.id);
    vi.advanceTimersByTime(601_000);
    expect(touchSession(token)).toBeNull();
    expect(ended.map((s) => s.id)).toEqual([session.id]);
  });

  it('ends after the absolute lifetime even when used', () => {
    const { token, session } = createSession('ann', 'user');
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(590_000);
      expect(touchSession(token)).not.toBeNull();
    }
    expect(sessionExpiresAt(session)).toBe(session.createdAt + 3_600_000);
    vi.advanceTimersByTime(70_000);
    expect(touchSession(token)).toBeNull();
  });

  it('ends on sign-out and ignores unknown tokens', () => {
    const { token, session } = createSession('bo', 'user');
    expect(touchSession('not-a-token')).toBeNull();
    expect(touchSession(null)).toBeNull();
    expect(endSession(token)?.id).toBe(session.id);
    expect(touchSession(token)).toBeNull();
    expect(ended).toHaveLength(1);
  });

  it('sweeps out idle sessions nobody comes back to, so their ZooKeeper sessions close', () => {
    const idle = createSession('cy', 'local').session;
    const { token, session: active } = createSession('di', 'user');
    vi.advanceTimersByTime(500_000);
    touchSession(token);
    vi.advanceTimersByTime(200_000);
    sweep();
    expect(ended.map((s) => s.id)).toEqual([idle.id]);
    expect(touchSession(token)?.id).toBe(active.id);
  });
});
