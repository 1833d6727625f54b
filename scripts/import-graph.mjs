#!/usr/bin/env node
// Prints which top-level folders import which (lib/* counted separately), with the number of
// import statements, so a layering change can be compared before and after:
//   node scripts/import-graph.mjs [DIR]
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const FOLDERS = ['app', 'components', 'lib'];
const IMPORT = /^\s*(?:import|export)\s(?:type\s)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(ts|tsx)$/.test(entry.name)) yield full;
  }
}

/** "lib/zk/x.ts" → "lib/zk"; "components/a/b.tsx" → "components". */
function layer(rel) {
  const parts = rel.split('/');
  return parts[0] === 'lib' ? `lib/${parts[1]}` : parts[0];
}

const edges = new Map();
for (const top of FOLDERS) {
  const dir = path.join(root, top);
  if (!fs.existsSync(dir)) continue;
  for (const file of files(dir)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      let target;
      if (spec.startsWith('@/')) target = spec.slice(2);
      else if (spec.startsWith('.')) target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
      else continue;
      const from = layer(rel);
      const to = layer(target);
      if (from === to || !FOLDERS.includes(to.split('/')[0])) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
}
for (const [edge, n] of [...edges].sort(([a], [b]) => a.localeCompare(b))) console.log(`${String(n).padStart(4)}  ${edge}`);
