// Lint: Next's rules, type-only imports written as such, and the layers of docs/architecture.md.
import boundaries from 'eslint-plugin-boundaries';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import zooscope from './eslint/plugin.mjs';

/** The layers: each may import itself and the ones listed (docs/architecture.md). */
const LAYERS = {
  shared: [],
  zk: ['shared'],
  kafka: ['shared', 'zk'],
  ops: ['shared', 'zk'],
  audit: ['shared', 'zk'],
  auth: ['shared', 'zk', 'audit'],
  services: ['shared', 'zk', 'kafka', 'ops', 'audit', 'auth'],
  api: ['shared', 'zk', 'services', 'audit', 'auth'],
  client: ['shared'],
  components: ['shared', 'client'],
  app: ['shared', 'client', 'components', 'api', 'services', 'auth'],
};

const element = (type) => ({ element: { type } });

const config = [
  { ignores: ['.next/**', '.data/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Test code: Playwright's fixture callback is named `use`, and loose typing of JSON is fine.
    files: ['tests/**', 'e2e/**', 'bench/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['app/**', 'components/**', 'lib/**'],
    plugins: { boundaries, zooscope },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true } },
      'boundaries/include': ['app/**', 'components/**', 'lib/**'],
      'boundaries/elements': [
        { type: 'app', pattern: 'app' },
        { type: 'components', pattern: 'components' },
        ...Object.keys(LAYERS)
          .filter((t) => !['app', 'components'].includes(t))
          .map((t) => ({ type: t, pattern: `lib/${t}` })),
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: Object.entries(LAYERS).map(([from, to]) => ({
            from: element(from),
            allow: { to: { element: { types: { anyOf: [from, ...to] } } } },
          })),
        },
      ],
      'boundaries/no-unknown-files': 'error',
      'zooscope/no-server-import-in-client': 'error',
      'zooscope/server-only-marker': 'error',
    },
  },
  {
    // User-visible text comes from the catalogs (messages/<locale>/<namespace>.json).
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['app/api/**'],
    plugins: { zooscope },
    // Names that are the same in every language.
    rules: { 'zooscope/no-literal-ui-string': ['error', { allow: ['Zooscope', 'ZooKeeper', 'TLS', 'SASL'] }] },
  },
];

export default config;
