/**
 * Headers that never vary, on every answer (pages and API routes get their
 * Content-Security-Policy from proxy.ts, with a nonce for pages; static files get one here).
 * See docs/security.md.
 */
const EVERYWHERE = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
];
const STATIC_CSP = [{ key: 'Content-Security-Policy', value: "default-src 'none'; style-src 'self'; frame-ancestors 'none'" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The ZooKeeper client is a native addon: it must be required at run time, never bundled.
  serverExternalPackages: ['zookeeper', 'better-sqlite3'],
  poweredByHeader: false,
  // proxy.ts buffers request bodies up to this size; an import's export file may be large
  // (lib/api/request-limits.ts caps it, and every other route at 8 MiB).
  experimental: { proxyClientMaxBodySize: '256mb' },
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: EVERYWHERE },
      // What proxy.ts does not see (its matcher): Next's own files and the icons.
      ...['/_next/static/:path*', '/_next/image', '/favicon.ico', '/icon.svg'].map((source) => ({ source, headers: STATIC_CSP })),
    ];
  },
};

// next-intl: i18n/request.ts picks the language of each request (docs/i18n.md).
// Catalogs are precompiled at build time, so the browser gets no ICU parser.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this config file is CommonJS
const withNextIntl = require('next-intl/plugin')({
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

module.exports = withNextIntl(nextConfig);
