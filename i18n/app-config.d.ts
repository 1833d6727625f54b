/** Typed catalogs: a key missing from the English catalog is a type error (`npx tsc --noEmit`). */
import type { Locale } from '@/lib/shared/locales';
import type acl from '@/messages/en/acl.json';
import type audit from '@/messages/en/audit.json';
import type auth from '@/messages/en/auth.json';
import type bookmarks from '@/messages/en/bookmarks.json';
import type bulk from '@/messages/en/bulk.json';
import type common from '@/messages/en/common.json';
import type connections from '@/messages/en/connections.json';
import type ensemble from '@/messages/en/ensemble.json';
import type errors from '@/messages/en/errors.json';
import type explorer from '@/messages/en/explorer.json';
import type header from '@/messages/en/header.json';
import type kafka from '@/messages/en/kafka.json';
import type live from '@/messages/en/live.json';
import type node from '@/messages/en/node.json';
import type pages from '@/messages/en/pages.json';
import type palette from '@/messages/en/palette.json';
import type recipes from '@/messages/en/recipes.json';
import type search from '@/messages/en/search.json';
import type shortcuts from '@/messages/en/shortcuts.json';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: {
      acl: typeof acl;
      audit: typeof audit;
      auth: typeof auth;
      bookmarks: typeof bookmarks;
      bulk: typeof bulk;
      common: typeof common;
      connections: typeof connections;
      ensemble: typeof ensemble;
      errors: typeof errors;
      explorer: typeof explorer;
      header: typeof header;
      kafka: typeof kafka;
      live: typeof live;
      node: typeof node;
      pages: typeof pages;
      palette: typeof palette;
      recipes: typeof recipes;
      search: typeof search;
      shortcuts: typeof shortcuts;
    };
  }
}
