import { describe, expect, it } from 'vitest';
import { assertSafeToListen, isLoopbackHost } from '@/lib/auth/exposure';
import { checkCrossSite, checkLocalHost, readSessionToken, sessionCookie } from '@/lib/auth/request-guard';

const req = (method: string, headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/v1/x') => new Request(url, { method, headers });

describe('cross-site guard', () => {
  it('lets same-origin requests and clients without browser headers through', () => {
    expect(checkCrossSite(req('GET', { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(checkCrossSite(req('GET', { host: '127.0.0.1:3000', 'sec-fetch-site': 'none' }))).toBeNull(); // a typed-in address
    expect(checkCrossSite(req('POST', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(checkCrossSite(req('PUT', { host: '127.0.0.1:3000' }))).toBeNull(); // curl: no Origin
  });
  it('refuses cross-site and same-site reads too (a heavy GET must not be triggered by another page)', () => {
    expect(checkCrossSite(req('GET', { host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }))?.code).toBe('FORBIDDEN');
    expect(checkCrossSite(req('GET', { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-site' }))?.code).toBe('FORBIDDEN'); // another port
    expect(checkCrossSite(req('GET', { host: '127.0.0.1:3000', origin: 'http://evil.example' }))?.code).toBe('FORBIDDEN');
  });
  it('refuses another origin, an opaque one and cross-site requests', () => {
    expect(checkCrossSite(req('POST', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' }))?.code).toBe('FORBIDDEN');
    expect(checkCrossSite(req('DELETE', { host: '127.0.0.1:3000', origin: 'null' }))?.code).toBe('FORBIDDEN');
    expect(checkCrossSite(req('PUT', { host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }))?.code).toBe('FORBIDDEN');
  });
  it('compares against the host the browser addressed behind a proxy', () => {
    const headers = { host: '127.0.0.1:3000', 'x-forwarded-host': 'zk.example.com', origin: 'https://zk.example.com' };
    expect(checkCrossSite(req('POST', headers))).toBeNull();
  });
});

describe('local mode host check', () => {
  it('accepts loopback names and refuses others, ignoring X-Forwarded-Host', () => {
    expect(checkLocalHost(req('GET', { host: 'localhost:3000' }))).toBeNull();
    expect(checkLocalHost(req('GET', { host: '[::1]:3000' }))).toBeNull();
    expect(checkLocalHost(req('GET', { host: 'rebind.evil.example:3000', 'x-forwarded-host': 'localhost' }))?.message).toMatch(/loopback/);
  });
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10:80', true],
    ['localhost', true],
    ['app.localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['localhost.evil.example', false],
  ])('isLoopbackHost(%s) is %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Strict, Secure only over HTTPS', () => {
    const plain = sessionCookie(req('POST', {}), 'tok', 60);
    expect(plain).toBe('zooscope_session=tok; Path=/; HttpOnly; SameSite=Strict; Max-Age=60');
    expect(sessionCookie(req('POST', {}, 'https://zk.example.com/'), 'tok', 60)).toMatch(/; Secure$/);
    expect(sessionCookie(req('POST', { 'x-forwarded-proto': 'https' }), 'tok', 60)).toMatch(/; Secure$/);
  });
  it('is read back from the Cookie header among others', () => {
    expect(readSessionToken(new Headers({ cookie: 'a=1; zooscope_session=abc_DEF-1; b=2' }))).toBe('abc_DEF-1');
    expect(readSessionToken(new Headers({ cookie: 'zooscope_session_other=x' }))).toBeNull();
    expect(readSessionToken(new Headers())).toBeNull();
  });
  it('is __Host- prefixed over HTTPS, and only that one is read there', () => {
    expect(sessionCookie(req('POST', { 'x-forwarded-proto': 'https' }), 'tok', 60)).toMatch(/^__Host-zooscope_session=tok; Path=\/; /);
    const https = { 'x-forwarded-proto': 'https' };
    expect(readSessionToken(new Headers({ ...https, cookie: 'zooscope_session=planted' }))).toBeNull();
    expect(readSessionToken(new Headers({ ...https, cookie: 'zooscope_session=planted; __Host-zooscope_session=mine' }))).toBe('mine');
  });
  it('answers a malformed cookie with a typed 400, not a crash', () => {
    expect(() => readSessionToken(new Headers({ cookie: 'zooscope_session=%E0%A4%A' }))).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST' }));
  });
});

describe('start-up exposure check', () => {
  it('refuses a non-loopback address without a users file', () => {
    const saved = process.env.ZOOSCOPE_USERS_FILE;
    delete process.env.ZOOSCOPE_USERS_FILE;
    try {
      expect(assertSafeToListen('127.0.0.1')).toEqual({ mode: 'local', users: 0 });
      expect(() => assertSafeToListen('0.0.0.0')).toThrow(/ZOOSCOPE_USERS_FILE/);
      expect(() => assertSafeToListen('10.0.0.5')).toThrow(/Refusing to listen on 10\.0\.0\.5/);
      process.env.ZOOSCOPE_USERS_FILE = '/nonexistent/zooscope-users.json';
      expect(() => assertSafeToListen('0.0.0.0')).toThrow(/does not exist/);
    } finally {
      if (saved === undefined) delete process.env.ZOOSCOPE_USERS_FILE;
      else process.env.ZOOSCOPE_USERS_FILE = saved;
    }
  });
});
