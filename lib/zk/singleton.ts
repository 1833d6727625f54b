import 'server-only';

/**
 * One value per Node process, kept on globalThis: Next.js evaluates a module once per route
 * bundle and again on every hot reload, and all those copies must share one registry, cache or
 * timer rather than each starting its own.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const store = globalThis as typeof globalThis & Record<symbol, unknown>;
  const slot = Symbol.for(`zooscope.${key}`);
  if (!(slot in store)) store[slot] = create();
  return store[slot] as T;
}
