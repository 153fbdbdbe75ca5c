// Image build step: every package that the webpack bundle requires at run time must resolve from
// the production node_modules beside it, so a missing dependency fails the build, not the pod.
//   node check-externals.mjs [main.js]
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { resolve } from 'node:path';

const bundle = resolve(process.argv[2] ?? 'main.js');
const source = readFileSync(bundle, 'utf8');
const require = createRequire(bundle);
const names = new Set([...source.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1]));
const missing = [];
for (const name of [...names].sort()) {
  if (isBuiltin(name)) continue;
  try {
    require.resolve(name);
  } catch {
    missing.push(name);
  }
}
if (missing.length > 0) {
  console.error(`${bundle} requires packages that are not installed: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`${bundle}: all ${names.size} required modules resolve`);
