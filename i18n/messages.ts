/**
 * The message catalogs: one JSON file per namespace and language (messages/<locale>/<namespace>.json),
 * one namespace per component folder, so that parallel work on two folders never edits one file.
 */
import type { Locale } from '@/lib/shared/locales';

export const NAMESPACES = [
  'common',
  'errors',
  'pages',
  'header',
  'shortcuts',
  'auth',
  'connections',
  'explorer',
  'node',
  'acl',
  'bulk',
  'audit',
  'ensemble',
  'kafka',
  'live',
  'search',
  'palette',
  'bookmarks',
  'recipes',
] as const;

export type Namespace = (typeof NAMESPACES)[number];

/** Every namespace of one language, keyed by namespace (next-intl's `messages`). */
export async function loadMessages(locale: Locale): Promise<Record<Namespace, Record<string, unknown>>> {
  const loaded = await Promise.all(NAMESPACES.map(async (ns) => [ns, (await import(`../messages/${locale}/${ns}.json`)).default] as const));
  return Object.fromEntries(loaded) as Record<Namespace, Record<string, unknown>>;
}

/** What every page's client components need: the shell, the sign-in page and shared widgets. */
export const SHELL_NAMESPACES: readonly Namespace[] = ['common', 'errors', 'pages', 'header', 'shortcuts', 'auth', 'connections'];

/** Only these namespaces of a catalog, for a client provider (the rest stays on the server). */
export function pickNamespaces<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  return Object.fromEntries(Object.entries(messages).filter(([ns]) => namespaces.includes(ns))) as Partial<M>;
}
