// Bundles the Electron main process and the preload into self-contained CommonJS files:
//   electron/main/index.ts    → dist/electron/main.cjs     (everything bundled but 'electron' and Node built-ins)
//   electron/preload/index.ts → dist/electron/preload.cjs  (everything bundled but 'electron')
//   electron/services/signing/pkcs11Worker.ts → dist/electron/pkcs11Worker.cjs  (the smart-card process,
//                                                          issue 16: everything bundled but Node built-ins and
//                                                          the native smart-card module pkcs11js, which only it loads)
// and copies the fonts the generated documents embed to dist/electron/fonts (docs/adr/0002).
// A sandboxed preload can require nothing else, and the bundle must not lean on import.meta
// (it is empty in CommonJS): both are checked here and fail the build.
import { build } from 'esbuild';
import { cp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist/electron';

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'pkcs11js'],
  sourcemap: false,
  metafile: true,
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'error' },
};

/**
 * @zip.js/zip.js (issue 15, docs/adr/0006) reads `import.meta.url` once, as the base address of its
 * web workers, which the app never uses (useWebWorkers: false). In the main bundle it is the
 * bundle's own file URL, so nothing is left empty; any other use of import.meta still fails.
 */
const mainImportMeta = {
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "'use strict';\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const entries = [
  // Issue 16: the main process never loads the card module; it starts pkcs11Worker.cjs, beside it, for that.
  { name: 'main', entry: 'electron/main/index.ts', allowed: (spec) => spec === 'electron' || isBuiltin(spec), options: mainImportMeta },
  { name: 'preload', entry: 'electron/preload/index.ts', allowed: (spec) => spec === 'electron', options: {} },
  { name: 'pkcs11Worker', entry: 'electron/services/signing/pkcs11Worker.ts', allowed: (spec) => spec === 'pkcs11js' || isBuiltin(spec), options: {} },
];

function isBuiltin(spec) {
  return spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
}

/** Whether `index` of `code` lies inside a string literal of its line (an error message quoting a require). */
function insideString(code, index) {
  const lineStart = code.lastIndexOf('\n', index) + 1;
  const before = code.slice(lineStart, index).replace(/\\./g, '');
  return ['"', "'", '`'].some((q) => before.split(q).length % 2 === 0);
}

/** Every require("…") left in a bundle; a require with a computed argument is reported as itself. */
function requiredModules(code) {
  return [...code.matchAll(/\brequire\s*\(\s*(?:(["'`])([^"'`]*)\1\s*\))?/g)]
    .filter((m) => !insideString(code, m.index))
    .map((m) => m[2] ?? m[0]);
}

await rm(`${root}/${outdir}`, { recursive: true, force: true });

const problems = [];
for (const { name, entry, allowed, options } of entries) {
  const outfile = `${outdir}/${name}.cjs`;
  // esbuild has already printed what went wrong; a stack trace of the bundler adds nothing.
  const result = await build({ ...common, ...options, entryPoints: [entry], outfile }).catch(() => process.exit(1));
  const external = result.metafile.outputs[outfile]?.imports.filter((i) => i.external).map((i) => i.path) ?? [];
  const required = requiredModules(await readFile(`${root}/${outfile}`, 'utf8'));
  for (const spec of new Set([...external, ...required])) {
    if (!allowed(spec)) problems.push(`${outfile} requires ${JSON.stringify(spec)}`);
  }
}

if (problems.length > 0) {
  await rm(`${root}/${outdir}`, { recursive: true, force: true });
  console.error(
    'bundle-electron: the bundles load modules they must not (the preload may require only "electron";\n' +
      'main may require only "electron" and Node built-ins, the card worker only pkcs11js and Node built-ins;\n' +
      'everything else must be bundled):\n  ' +
      problems.join('\n  '),
  );
  process.exit(1);
}
await cp(`${root}/build/fonts`, `${root}/${outdir}/fonts`, { recursive: true });
console.log(`bundle-electron: ${entries.map((e) => `${outdir}/${e.name}.cjs`).join(', ')}`);
