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
] as const;

export type Namespace = (typeof NAMESPACES)[number];

/** Every namespace of one language, keyed by namespace (next-intl's `messages`). */
export async function loadMessages(locale: Locale): Promise<Record<Namespace, Record<string, unknown>>> {
  const loaded = await Promise.all(NAMESPACES.map(async (ns) => [ns, (await import(`../messages/${locale}/${ns}.json`)).default] as const));
  return Object.fromEntries(loaded) as Record<Namespace, Record<string, unknown>>;
}
