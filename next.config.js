/** @type {import('next').NextConfig} */
const nextConfig = {
  // The ZooKeeper client is a native addon: it must be required at run time, never bundled.
  serverExternalPackages: ['zookeeper', 'better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
