// Zooscope's own lint rules: which code may run in the browser, and which must say it may not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import noLiteralUiString from './no-literal-ui-string.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Folders whose code runs only on the server; each file there imports 'server-only'. */
const SERVER_FOLDERS = ['lib/zk', 'lib/services', 'lib/api', 'lib/audit', 'lib/auth', 'lib/ops', 'lib/kafka'];

const relative = (filename) => path.relative(root, filename).split(path.sep).join('/');
const inFolder = (file, folders) => folders.some((f) => file === f || file.startsWith(`${f}/`));

function isClientFile(context) {
  const file = relative(context.filename);
  if (file.startsWith('components/') || file.startsWith('lib/client/')) return true;
  const first = context.sourceCode.ast.body[0];
  return first?.type === 'ExpressionStatement' && first.directive === 'use client';
}

/** The file an `@/` or relative specifier names, or null for packages. */
function resolveLocal(specifier, fromFile) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try {
      return { file: relative(candidate), text: readFileSync(candidate, 'utf8') };
    } catch {
      // next candidate
    }
  }
  return null;
}

const SERVER_ONLY_IMPORT = /^import\s+['"]server-only['"];?\s*$/m;

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  (node.type === 'ImportDeclaration' && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));

const noServerImportInClient = {
  meta: {
    type: 'problem',
    docs: { description: 'Browser code may not import, at run time, a module that runs only on the server' },
    messages: {
      server: '{{file}} runs in the browser and may not import {{source}} ({{why}}). Move what both sides need to lib/shared.',
    },
    schema: [],
  },
  create(context) {
    if (!isClientFile(context)) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string' || isTypeOnly(node)) return;
      const source = node.source.value;
      let why = null;
      if (source === 'server-only' || source.startsWith('node:')) why = 'a server-only module';
      else {
        const target = resolveLocal(source, context.filename);
        if (target && inFolder(target.file, SERVER_FOLDERS)) why = `${target.file} is server code`;
        else if (target && SERVER_ONLY_IMPORT.test(target.text)) why = `${target.file} imports 'server-only'`;
      }
      if (why) context.report({ node, messageId: 'server', data: { file: relative(context.filename), source, why } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const serverOnlyMarker = {
  meta: {
    type: 'problem',
    docs: { description: "Every module of a server folder imports 'server-only', so a browser import fails the build" },
    messages: { missing: "{{file}} is server code: add `import 'server-only';` as its first import." },
    schema: [],
  },
  create(context) {
    const file = relative(context.filename);
    if (!inFolder(file, SERVER_FOLDERS)) return {};
    return {
      Program(program) {
        const marked = program.body.some((n) => n.type === 'ImportDeclaration' && n.source.value === 'server-only');
        if (!marked) context.report({ node: program, messageId: 'missing', data: { file } });
      },
    };
  },
};

const plugin = {
  meta: { name: 'zooscope' },
  rules: { 'no-server-import-in-client': noServerImportInClient, 'server-only-marker': serverOnlyMarker, 'no-literal-ui-string': noLiteralUiString },
};

export default plugin;
