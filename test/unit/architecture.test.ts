// Layering, enforced rather than hoped for (DESIGN §2, §4):
// - renderer/ and shared/ never reach into electron/ and never use a Node built-in;
// - only electron/main/ and electron/preload/ import 'electron';
// - a layer table (like VS Code's code-layering rule): what each layer of the repository may import,
//   folders and packages; inside electron/services/ and renderer/, what each feature folder may use
//   (an acyclic graph); every package is classified once, by name, as node, browser or both.
// Imports are read with TypeScript's own pre-processor (static, type-only, re-exports, dynamic
// import() and require()), so comments and strings that merely look like imports do not count.
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'release', 'coverage', '.git', '.tmp']);
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const NODE_BUILTINS = new Set(builtinModules);

interface SourceFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  text: string;
}

interface LayeringViolation {
  file: string;
  specifier: string;
  rule: string;
}

const isUnder = (path: string, folder: string): boolean => path.startsWith(`${folder}/`);

function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  const [first = ''] = specifier.split('/');
  return NODE_BUILTINS.has(first);
}

function isElectronPackage(specifier: string): boolean {
  return specifier === 'electron' || specifier.startsWith('electron/');
}

/** True when a relative or absolute specifier written in `file` lands inside electron/. */
function reachesElectronFolder(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.') && !isAbsolute(specifier)) return false;
  const target = isAbsolute(specifier)
    ? relative(ROOT, specifier).split(sep).join('/')
    : posix.normalize(posix.join(posix.dirname(file), specifier));
  return target === 'electron' || isUnder(target, 'electron');
}

function findLayeringViolations(files: readonly SourceFile[]): LayeringViolation[] {
  const violations: LayeringViolation[] = [];
  for (const { path, text } of files) {
    const pure = isUnder(path, 'renderer') || isUnder(path, 'shared');
    const shell = isUnder(path, 'electron/main') || isUnder(path, 'electron/preload');
    for (const specifier of importsOf(text)) {
      const found = (rule: string) => violations.push({ file: path, specifier, rule });
      if (pure && reachesElectronFolder(path, specifier)) found('renderer/ and shared/ must not import from electron/');
      if (pure && isNodeBuiltin(specifier)) found('renderer/ and shared/ must not use Node built-ins');
      if (!shell && isElectronPackage(specifier)) found("only electron/main/ and electron/preload/ may import 'electron'");
    }
  }
  return violations;
}

async function repositorySources(dir = ROOT): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...(await repositorySources(full)));
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) {
      files.push({ path: relative(ROOT, full).split(sep).join('/'), text: await readFile(full, 'utf8') });
    }
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------
// The layer table

/** Where a package may run. Every package imported anywhere (tests and tooling too) is classified here. */
type PackageKind = 'node' | 'browser' | 'both';

const PACKAGES: Readonly<Record<string, PackageKind>> = {
  // Pure JavaScript, runs anywhere.
  zod: 'both',
  asn1js: 'both',
  pkijs: 'both', // on WebCrypto
  '@pdf-lib/fontkit': 'both',
  'pdf-lib': 'both', // the merged dossier PDF (issue 15: copies the dossier's pages); the tests' PDF reader
  '@zip.js/zip.js': 'both', // case packages (issue 15, docs/adr/0006)
  resedit: 'node', // the packaging test's stand-in Windows executable (issue 16)
  'jpeg-js': 'both', // tests only
  // The browser's.
  react: 'browser',
  'react-dom': 'browser',
  'pdfjs-dist': 'browser', // the renderer's PDF viewer
  recharts: 'browser', // issue 17: the statistics' charts
  'react-day-picker': 'browser', // issue 17: the date fields' calendar
  'date-fns': 'both', // issue 17: the calendar's Lithuanian locale
  '@xmldom/xmldom': 'both', // issue 18: the trusted lists' XML (ETSI TS 119 612)
  // Node only.
  electron: 'node',
  lowdb: 'node', // the data directory's database: it belongs with the files on disk, never in a page
  pkcs11js: 'node', // a native addon (smart cards)
  'xml-crypto': 'node', // issue 18: the trusted lists' XML signatures (on node:crypto)
  // Build, lint and test tooling (Node).
  vitest: 'node',
  vite: 'node',
  '@vitejs/plugin-react': 'node',
  esbuild: 'node',
  typescript: 'node',
  'playwright-core': 'node',
  '@electron/asar': 'node',
  '@doyensec/electronegativity': 'node',
  'electron-builder': 'node',
  eslint: 'node',
  '@eslint/js': 'node',
  'typescript-eslint': 'node',
  'eslint-plugin-react-hooks': 'node',
  globals: 'node',
  '@axe-core/playwright': 'node', // issue 17: the accessibility checks of the e2e tests
  'axe-core': 'node',
};

interface Layer {
  /** Repository folders or files (without extension) it may import from, besides its own folder. */
  imports: readonly string[];
  /** Packages it may import; '*': any classified package. */
  packages: readonly string[] | '*';
  builtins: boolean;
}

/** The services' entry points, which the shell, the browser host and the command line may import. */
const SERVICE_ENTRY_POINTS = ['electron/services/index', 'electron/services/dataDir', 'electron/services/store/encryption'];

/** The layers, matched by the longest prefix of a file's path; anything in no layer is refused. */
const LAYERS: Readonly<Record<string, Layer>> = {
  'shared/domain': { imports: [], packages: [], builtins: false },
  'shared/contract': { imports: ['shared/domain'], packages: ['zod'], builtins: false },
  renderer: { imports: ['shared'], packages: ['react', 'react-dom', 'pdfjs-dist', 'zod', 'recharts', 'react-day-picker', 'date-fns'], builtins: false },
  // Which packages each feature may use is declared in SERVICE_FEATURES.
  'electron/services': { imports: ['shared', 'package.json'], packages: '*', builtins: true }, // package.json: the app's version
  'electron/main': { imports: ['shared', ...SERVICE_ENTRY_POINTS], packages: ['electron'], builtins: true },
  // A sandboxed preload can require nothing but 'electron' (the bundle inlines shared/contract).
  'electron/preload': { imports: ['shared/contract'], packages: ['electron'], builtins: false },
  'electron/browser-host': { imports: ['shared', ...SERVICE_ENTRY_POINTS, 'electron/cli/terminalKey'], packages: [], builtins: true },
  'electron/cli': {
    imports: [
      'shared',
      ...SERVICE_ENTRY_POINTS,
      // `verify` and `demo` reach the signature verifier and the demonstration PKI directly.
      'electron/services/documents/verification',
      'electron/services/signing/certificateIssuer',
      'electron/services/signing/pdfVerify',
      'electron/services/signing/pemCertificates',
      'electron/services/signing/revocation',
      // Issue 18: `verify` checks the PDF-LT format and reads trusted lists given on the command line.
      'electron/services/pdf/pdfLtCheck',
      'electron/services/trust/trustedList',
      'electron/services/trust/qualified',
      // Issue 15: `restore` fills an empty directory (no services to open), `verify` checks a package on its own.
      'electron/services/archive/backup',
      'electron/services/archive/packageCheck',
    ],
    packages: [],
    builtins: true,
  },
  test: { imports: ['*'], packages: '*', builtins: true },
  // Configuration at the root (vite, vitest, eslint) and build/ scripts.
  '(tooling)': { imports: ['*'], packages: '*', builtins: true },
};

interface ServiceFeature {
  /** Other feature folders of electron/services/ it may import. Every feature may import ../context. */
  uses: readonly string[];
  packages: readonly string[];
}

/**
 * The feature folders of electron/services/ and what each may use. The graph is acyclic; cases ⇄
 * dossier is not a cycle: the dossier moves a case (cases/caseChanges, cases/readiness), the cases
 * never look at the dossier's service. Likewise a signed act moves a case (issue 14: the order, the
 * submission, the decisions not to transfer and to return, V-77 p. 13–16, 46) and the documents read
 * the places and the list (cases/placeAccounting), while the cases never look at the documents.
 */
const SERVICE_FEATURES: Readonly<Record<string, ServiceFeature>> = {
  pdf: { uses: [], packages: ['@pdf-lib/fontkit'] },
  signing: { uses: ['pdf'], packages: ['asn1js', 'pkijs', 'pkcs11js', 'zod'] }, // zod: the card process's message protocol (issue 16)
  store: { uses: ['signing'], packages: ['lowdb', 'zod'] }, // the revocation store keeps parsed CRLs
  audit: { uses: ['store'], packages: ['zod'] },
  users: { uses: ['store'], packages: [] },
  settings: { uses: ['signing', 'users'], packages: [] }, // issue 16: the card module's path checked, its change confirmed with the password
  system: { uses: ['store'], packages: [] }, // issue 16: the free space of the data directory's disk
  trust: { uses: ['signing'], packages: ['xml-crypto', '@xmldom/xmldom'] }, // issue 18: the trusted lists and their XML signatures
  cases: { uses: ['store'], packages: [] },
  dossier: { uses: ['cases', 'pdf', 'store'], packages: [] },
  commission: { uses: [], packages: [] },
  meetings: { uses: ['cases', 'store'], packages: [] },
  documents: { uses: ['cases', 'meetings', 'pdf', 'signing', 'store', 'trust'], packages: [] },
  // Issue 15: case packages (BagIt in a zip), the merged dossier PDF, import, backups. It reads
  // everything a case holds and verifies signed documents; nothing else uses it.
  archive: { uses: ['audit', 'cases', 'documents', 'pdf', 'signing', 'store'], packages: ['@zip.js/zip.js', 'pdf-lib', '@pdf-lib/fontkit', 'zod'] },
  // Issue 16: the data key's slots as the administrator changes them (keys.json is the store's).
  keys: { uses: ['store'], packages: [] },
  // Issue 17: each role's start page gathers what waits for it from the other features' records.
  home: { uses: ['audit', 'cases', 'documents', 'meetings', 'store', 'trust'], packages: [] },
  // Issue 17: the statistics of a period, from the cases' index and the places.
  statistics: { uses: ['cases', 'store'], packages: [] },
};

/** Files directly in electron/services/: what each may import of the features. */
const SERVICE_ROOT_FILES: Readonly<Record<string, 'all' | 'types' | 'none'>> = {
  index: 'all', // the composition root: builds the context and gathers every feature's handlers
  context: 'types', // the context's type: the features' types, never their code
  dataDir: 'none',
};

/** renderer/ folders every feature may use, which themselves never import a feature. */
const RENDERER_INFRASTRUCTURE = ['api', 'auth', 'components', 'forms', 'i18n', 'layout', 'router'];

/** The renderer's feature folders and the other features each may use (acyclic). */
const RENDERER_FEATURES: Readonly<Record<string, readonly string[]>> = {
  audit: [],
  users: [],
  request: [],
  dossier: [],
  commission: ['users'],
  documents: ['dossier'], // the document viewer and file upload
  afterDecision: ['documents', 'dossier'], // issue 14: received acts, arrival, departure, appeals, corrections on the case page
  places: ['afterDecision', 'users'], // issue 14: the places, the p. 12 list and the freed places
  archive: [], // issue 15: the archivist's desk (packages out and in, the backup)
  cases: ['afterDecision', 'archive', 'documents', 'dossier', 'request'],
  meetings: ['commission', 'documents', 'dossier'],
  keys: [], // issue 16: the unlock page and the data key's slots
  settings: ['documents', 'keys', 'places', 'users'], // issue 14: the dated changes of the number of places; issue 16: the key slots
  home: ['cases', 'documents', 'meetings'], // issue 17: each role's start page
  statistics: [], // issue 17: the statistics page (charts, CSV)
};

/** A feature's message catalogue (renderer/<feature>/*Messages.ts): data that i18n gathers, importing only shared/. */
const MESSAGE_CATALOGUE = /^renderer\/[^/]+\/[^/]*Messages\.tsx?$/;

/**
 * Imports that break the table today and are being removed: each names its file and specifier,
 * and a test fails once it is gone, so that this list only shrinks.
 */
const KNOWN_EXCEPTIONS: readonly { file: string; specifier: string; why: string }[] = [];

// ---------------------------------------------------------------------------------------------------
// The table's checker

const withoutExtension = (path: string): string => path.replace(/\.(?:d\.)?(?:[cm]?[jt]s|[jt]sx)$/, '');

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath or a `?query`. */
function packageOf(specifier: string): string {
  const parts = specifier.replace(/\?.*$/, '').split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** The repository path (no extension, no `?query`) that a relative or absolute specifier in `file` names. */
function targetPath(file: string, specifier: string): string {
  const bare = specifier.replace(/\?.*$/, '');
  const path = isAbsolute(bare) ? relative(ROOT, bare).split(sep).join('/') : posix.normalize(posix.join(posix.dirname(file), bare));
  return withoutExtension(path);
}

/** The layer a repository path belongs to, by the longest matching prefix. */
function layerOf(path: string): string | null {
  if (!path.includes('/') || isUnder(path, 'build')) return '(tooling)';
  let best: string | null = null;
  for (const name of Object.keys(LAYERS)) {
    if (name.startsWith('(')) continue;
    if ((path === name || isUnder(path, name)) && (best === null || name.length > best.length)) best = name;
  }
  return best;
}

/** May `layer` import `target` (a repository path)? By its own folder or its list of imports. */
function layerReaches(layer: string, target: string): boolean {
  const rule = LAYERS[layer] as Layer;
  if (target === layer || isUnder(target, layer)) return true;
  return rule.imports.some((allowed) => allowed === '*' || target === allowed || isUnder(target, allowed));
}

/** The folder of `path` directly under `base` ('' for a file directly in `base`), and its name. */
function partOf(path: string, base: string): { folder: string; name: string } {
  const rest = path.slice(base.length + 1).split('/');
  return rest.length > 1 ? { folder: rest[0] as string, name: rest.slice(1).join('/') } : { folder: '', name: rest[0] as string };
}

const SERVICES = 'electron/services';

/** What electron/services/ code may import of electron/services/ and of packages; null when allowed. */
function serviceRule(file: string, target: string | null, pkg: string | null, typeOnly: boolean): string | null {
  const from = partOf(file, SERVICES);
  if (from.folder === '') {
    const root = SERVICE_ROOT_FILES[withoutExtension(from.name)];
    if (root === undefined) return null; // refused as a file (placeRule)
    if (pkg !== null) return `${SERVICES}/${from.name} may not import the package "${pkg}"`;
    if (target === null || !isUnder(target, SERVICES)) return null;
    if (root === 'all') return null;
    if (root === 'types' && typeOnly) return null;
    return root === 'types'
      ? `${SERVICES}/${from.name} may import the features' types only (import type)`
      : `${SERVICES}/${from.name} may not import the services' features`;
  }
  const feature = SERVICE_FEATURES[from.folder];
  if (feature === undefined) return null; // refused as a file (placeRule)
  if (pkg !== null) {
    return feature.packages.includes(pkg)
      ? null
      : `${SERVICES}/${from.folder}/ may not import the package "${pkg}": declare it in SERVICE_FEATURES.${from.folder}.packages if it belongs there`;
  }
  if (target === null || !isUnder(target, SERVICES)) return null;
  const to = partOf(target, SERVICES);
  if (to.folder === '') {
    return to.name === 'context' ? null : `${SERVICES}/${from.folder}/ may import only ../context of the services' root, not ${to.name}`;
  }
  if (to.folder === from.folder || feature.uses.includes(to.folder)) return null;
  return `${SERVICES}/${from.folder}/ may not import ${SERVICES}/${to.folder}/ (SERVICE_FEATURES.${from.folder}.uses: ${feature.uses.join(', ') || 'nothing'})`;
}

const knownRendererFolder = (folder: string): boolean => folder === '' || RENDERER_INFRASTRUCTURE.includes(folder) || folder in RENDERER_FEATURES;

/** Why a file may not be where it is (in no layer, or in an undeclared folder); null when its place is known. */
function placeRule(path: string, layer: string | null): string | null {
  if (layer === null) return `${path} is in no layer: add its folder to LAYERS`;
  if (layer === SERVICES) {
    const { folder, name } = partOf(path, SERVICES);
    if (folder === '' && SERVICE_ROOT_FILES[withoutExtension(name)] === undefined) {
      return `${path} is a new file in ${SERVICES}/: declare it in SERVICE_ROOT_FILES or put it in a feature folder`;
    }
    if (folder !== '' && SERVICE_FEATURES[folder] === undefined) {
      return `${SERVICES}/${folder}/ is not declared: add it to SERVICE_FEATURES with the features and packages it uses`;
    }
  }
  if (layer === 'renderer') {
    const { folder } = partOf(path, 'renderer');
    if (!knownRendererFolder(folder)) return `renderer/${folder}/ is not declared: add it to RENDERER_INFRASTRUCTURE or RENDERER_FEATURES`;
  }
  return null;
}

/** What renderer/ code may import of renderer/; null when allowed. */
function rendererRule(file: string, target: string): string | null {
  const from = partOf(file, 'renderer');
  const to = partOf(target, 'renderer');
  if (!knownRendererFolder(from.folder)) return null; // refused as a file (placeRule)
  if (!knownRendererFolder(to.folder)) return `renderer/${to.folder}/ is not declared: add it to RENDERER_INFRASTRUCTURE or RENDERER_FEATURES`;
  if (from.folder === '' || to.folder === from.folder) return null; // the shell (App, Workspace, main) gathers everything
  if (to.folder === '') return `renderer/${from.folder}/ may not import the shell (renderer/${to.name})`;
  if (RENDERER_INFRASTRUCTURE.includes(to.folder)) return null;
  // `to` is a feature.
  if (RENDERER_INFRASTRUCTURE.includes(from.folder)) {
    if (from.folder === 'i18n' && MESSAGE_CATALOGUE.test(`${target}.ts`)) return null;
    return `renderer/${from.folder}/ is infrastructure and may not import the feature renderer/${to.folder}/`;
  }
  const uses = RENDERER_FEATURES[from.folder] as readonly string[];
  if (uses.includes(to.folder)) return null;
  return `renderer/${from.folder}/ may not import renderer/${to.folder}/ (RENDERER_FEATURES.${from.folder}: ${uses.join(', ') || 'nothing'})`;
}

/** The specifiers of `text` imported or re-exported for types only (`import type`, `export type`, all-`type` names). */
function typeOnlyImports(path: string, text: string): Set<string> {
  const found = new Set<string>();
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const allNamedTypes = !clause?.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly);
      if (clause?.isTypeOnly || allNamedTypes) found.add(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && statement.isTypeOnly) {
      found.add(statement.moduleSpecifier.text);
    }
  }
  return found;
}

/**
 * Every import that the layer table does not allow, with the rule it breaks (one rule per import),
 * and every file in a place the table does not know (specifier '').
 */
function findTableViolations(files: readonly SourceFile[], exceptions = KNOWN_EXCEPTIONS): LayeringViolation[] {
  const violations: LayeringViolation[] = [];
  for (const { path, text } of files) {
    const layer = layerOf(path);
    const place = placeRule(path, layer);
    if (place !== null) violations.push({ file: path, specifier: '', rule: place });
    if (layer === null) continue;
    const specifiers = importsOf(text);
    const serviceRoot = isUnder(path, SERVICES) && partOf(path, SERVICES).folder === '';
    const typeOnly = serviceRoot ? typeOnlyImports(path, text) : new Set<string>();
    for (const specifier of specifiers) {
      const rule = tableRule(path, layer, specifier, typeOnly.has(specifier));
      if (rule !== null && !exceptions.some((e) => e.file === path && e.specifier === specifier)) violations.push({ file: path, specifier, rule });
    }
  }
  return violations;
}

function tableRule(file: string, layer: string, specifier: string, typeOnly: boolean): string | null {
  const rule = LAYERS[layer] as Layer;
  if (isNodeBuiltin(specifier)) return rule.builtins ? null : `${layer}/ may not use Node built-ins`;
  const relativeOrAbsolute = specifier.startsWith('.') || isAbsolute(specifier);
  if (MESSAGE_CATALOGUE.test(file) && !(relativeOrAbsolute && isUnder(targetPath(file, specifier), 'shared'))) {
    return `${file} is a message catalogue: it may import shared/ only`;
  }
  if (!relativeOrAbsolute) {
    const pkg = packageOf(specifier);
    const kind = PACKAGES[pkg];
    if (kind === undefined) return `the package "${pkg}" is not classified: add it to PACKAGES in test/unit/architecture.test.ts as node, browser or both`;
    if (rule.packages !== '*' && !rule.packages.includes(pkg)) {
      const why = kind === 'node' && layer === 'renderer' ? ' (it is Node-only)' : '';
      return `${layer}/ may not import the package "${pkg}"${why}: its packages are ${rule.packages.join(', ') || 'none'}`;
    }
    if (layer === SERVICES) {
      if (kind === 'browser') return `${SERVICES}/ may not import the browser package "${pkg}"`;
      return serviceRule(file, null, pkg, typeOnly);
    }
    return null;
  }
  const target = targetPath(file, specifier);
  if (!layerReaches(layer, target)) return `${layer}/ may not import ${target}`;
  if (layer === SERVICES) return serviceRule(file, target, null, typeOnly);
  if (layer === 'renderer' && isUnder(target, 'renderer')) return rendererRule(file, target);
  return null;
}

/** A cycle of the graph (its nodes, the first repeated at the end), or null when it is acyclic. */
function cycleOf(graph: Readonly<Record<string, readonly string[]>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph[node] ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of Object.keys(graph)) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const serviceGraph = (): Record<string, readonly string[]> =>
  Object.fromEntries(Object.entries(SERVICE_FEATURES).map(([name, feature]) => [name, feature.uses]));

/** The repository, read once for all the tests of this file. */
let sources: Promise<SourceFile[]> | undefined;
const repository = (): Promise<SourceFile[]> => (sources ??= repositorySources());

const lines = (...source: string[]): string => source.join('\n');

describe('architecture', () => {
  it('the repository respects the layering', async () => {
    const files = await repository();
    expect(files.some((f) => isUnder(f.path, 'shared'))).toBe(true);
    expect(findLayeringViolations(files)).toEqual([]);
  });

  it('the scan sees real imports: the shell does import electron, and nothing else does', async () => {
    const files = await repository();
    const electronImporters = files
      .filter((f) => importsOf(f.text).some(isElectronPackage))
      .map((f) => f.path)
      .sort();
    expect(electronImporters).toContain('electron/main/lifecycle.ts');
    expect(electronImporters).toContain('electron/preload/index.ts');
    expect(electronImporters.every((p) => isUnder(p, 'electron/main') || isUnder(p, 'electron/preload'))).toBe(true);
  });

  it('the checker finds each kind of offence (it can fail)', () => {
    const offending: SourceFile[] = [
      { path: 'renderer/App.tsx', text: "import { readFile } from 'node:fs';" },
      { path: 'renderer/paths.ts', text: "import path from 'path';\nexport const p = path.sep;" },
      { path: 'renderer/crypto.ts', text: "const { randomUUID } = require('crypto');" },
      { path: 'shared/domain/spawn.ts', text: "export * from 'child_process';" },
      { path: 'shared/domain/types.ts', text: "import type { Services } from '../../electron/services/index';" },
      { path: 'renderer/lazy.ts', text: "export const load = () => import('../electron/main/ipc');" },
      { path: 'renderer/deep/fs.ts', text: "import { x } from '../../electron';" },
      { path: 'electron/services/window.ts', text: "import { BrowserWindow } from 'electron';" },
      { path: 'test/helper.ts', text: "const { app } = require('electron/main');" },
    ];
    const found = findLayeringViolations(offending).map((v) => `${v.file} ${v.specifier}`);
    expect(found).toEqual([
      'renderer/App.tsx node:fs',
      'renderer/paths.ts path',
      'renderer/crypto.ts crypto',
      'shared/domain/spawn.ts child_process',
      'shared/domain/types.ts ../../electron/services/index',
      'renderer/lazy.ts ../electron/main/ipc',
      'renderer/deep/fs.ts ../../electron',
      'electron/services/window.ts electron',
      'test/helper.ts electron/main',
    ]);
  });

  it('the checker lets allowed code through', () => {
    const allowed: SourceFile[] = [
      { path: 'electron/main/window.ts', text: "import { BrowserWindow } from 'electron';\nimport { join } from 'node:path';" },
      { path: 'electron/preload/index.ts', text: "import { contextBridge } from 'electron';" },
      { path: 'electron/services/store.ts', text: "import { writeFile } from 'node:fs/promises';" },
      {
        path: 'renderer/App.tsx',
        text: lines(
          "import { useState } from 'react';",
          "import type { InvokeResult } from '../shared/contract/result';",
          "import { electronLike } from './electron-like';",
          "// import fs from 'fs' is only a comment",
          "const hint = \"import os from 'os'\";",
        ),
      },
      { path: 'shared/domain/calendar.ts', text: "import { z } from 'zod';\nimport { x } from './electronics';" },
    ];
    expect(findLayeringViolations(allowed)).toEqual([]);
  });
});

describe('the layer table', () => {
  it('the repository keeps to the layer table', async () => {
    expect(findTableViolations(await repository())).toEqual([]);
  });

  it('every known exception is still there (the list only shrinks)', async () => {
    const files = await repository();
    for (const exception of KNOWN_EXCEPTIONS) {
      const file = files.find((f) => f.path === exception.file);
      expect(file && importsOf(file.text), `${exception.file} no longer imports ${exception.specifier}: remove it from KNOWN_EXCEPTIONS`).toContain(
        exception.specifier,
      );
      expect(findTableViolations(files.filter((f) => f === file), [])).not.toEqual([]);
    }
  });

  it('every feature folder on disk is declared, and the declarations name real folders and classified packages', async () => {
    const files = await repository();
    const folders = (base: string) =>
      new Set(files.filter((f) => isUnder(f.path, base) && partOf(f.path, base).folder !== '').map((f) => partOf(f.path, base).folder));
    expect([...folders(SERVICES)].sort()).toEqual(Object.keys(SERVICE_FEATURES).sort());
    expect([...folders('renderer')].sort()).toEqual([...RENDERER_INFRASTRUCTURE, ...Object.keys(RENDERER_FEATURES)].sort());
    for (const [name, feature] of Object.entries(SERVICE_FEATURES)) {
      for (const used of feature.uses) expect(SERVICE_FEATURES, `${name} uses ${used}`).toHaveProperty(used);
      for (const pkg of feature.packages) expect(['node', 'both'], `${name} uses ${pkg}`).toContain(PACKAGES[pkg]);
    }
    for (const [name, uses] of Object.entries(RENDERER_FEATURES)) for (const used of uses) expect(RENDERER_FEATURES, `${name} uses ${used}`).toHaveProperty(used);
    for (const pkg of LAYERS.renderer?.packages as string[]) expect(['browser', 'both'], pkg).toContain(PACKAGES[pkg]);
    for (const pkg of LAYERS['shared/contract']?.packages as string[]) expect(PACKAGES[pkg]).toBe('both');
  });

  it('the feature graphs are acyclic, and the check finds a made-up cycle', () => {
    expect(cycleOf(serviceGraph())).toBeNull();
    expect(cycleOf(RENDERER_FEATURES)).toBeNull();
    expect(cycleOf({ ...serviceGraph(), cases: ['store', 'dossier'] })).toEqual(['cases', 'dossier', 'cases']);
    expect(cycleOf({ pdf: ['signing'], signing: ['store'], store: ['pdf'] })).toEqual(['pdf', 'signing', 'store', 'pdf']);
    expect(cycleOf({ a: ['a'] })).toEqual(['a', 'a']);
  });

  it('the scan resolves paths and package names', () => {
    expect(packageOf('react-dom/client')).toBe('react-dom');
    expect(packageOf('@pdf-lib/fontkit')).toBe('@pdf-lib/fontkit');
    expect(packageOf('pdfjs-dist/build/pdf.worker.min.mjs?url')).toBe('pdfjs-dist');
    expect(targetPath('renderer/cases/CasePage.tsx', '../dossier/DossierSection')).toBe('renderer/dossier/DossierSection');
    expect(targetPath('renderer/main.tsx', './styles.css?inline')).toBe('renderer/styles.css');
    expect(layerOf('vite.config.ts')).toBe('(tooling)');
    expect(layerOf('build/bundle-electron.mjs')).toBe('(tooling)');
    expect(layerOf('shared/contract/schemas.ts')).toBe('shared/contract');
    expect(layerOf('docs/example.ts')).toBeNull();
  });

  // Each rule with a made-up file that breaks it (exactly one violation, naming the rule) ...
  const offences: { rule: string; path: string; text: string; says: string }[] = [
    // shared/domain imports nothing but itself
    { rule: 'shared/domain: no package', path: 'shared/domain/x.ts', text: "import { z } from 'zod';", says: 'shared/domain/ may not import the package "zod"' },
    { rule: 'shared/domain: not contract', path: 'shared/domain/x.ts', text: "import type { Role } from '../contract/roles';", says: 'shared/domain/ may not import shared/contract/roles' },
    // shared/contract: shared/domain, itself and zod
    { rule: 'shared/contract: only zod', path: 'shared/contract/x.ts', text: "import { useState } from 'react';", says: 'shared/contract/ may not import the package "react"' },
    { rule: 'shared/contract: no built-ins', path: 'shared/contract/x.ts', text: "import { randomUUID } from 'node:crypto';", says: 'shared/contract/ may not use Node built-ins' },
    { rule: 'shared: not renderer', path: 'shared/contract/x.ts', text: "import { t } from '../../renderer/i18n/translate';", says: 'shared/contract/ may not import renderer/i18n/translate' },
    // renderer: shared/ and browser packages
    { rule: 'renderer: Node-only package', path: 'renderer/cases/x.ts', text: "import { Low } from 'lowdb';", says: 'renderer/ may not import the package "lowdb" (it is Node-only)' },
    { rule: 'renderer: native addon', path: 'renderer/x.ts', text: "const p = await import('pkcs11js');", says: 'renderer/ may not import the package "pkcs11js" (it is Node-only)' },
    { rule: 'renderer: electron', path: 'renderer/api/x.ts', text: "import { ipcRenderer } from 'electron';", says: 'renderer/ may not import the package "electron" (it is Node-only)' },
    { rule: 'renderer: undeclared package', path: 'renderer/x.ts', text: "import { PDFDocument } from 'pdf-lib';", says: 'renderer/ may not import the package "pdf-lib"' },
    { rule: 'renderer: built-ins', path: 'renderer/x.ts', text: "import { join } from 'path';", says: 'renderer/ may not use Node built-ins' },
    { rule: 'renderer: not electron/', path: 'renderer/x.ts', text: "import type { Services } from '../electron/services/index';", says: 'renderer/ may not import electron/services/index' },
    // renderer infrastructure never imports a feature; a feature only the features it declares
    { rule: 'infrastructure → feature', path: 'renderer/components/x.tsx', text: "import { CaseTable } from '../cases/CaseTable';", says: 'renderer/components/ is infrastructure and may not import the feature renderer/cases/' },
    { rule: 'i18n → feature code', path: 'renderer/i18n/x.ts', text: "import { MeetingPage } from '../meetings/MeetingPage';", says: 'renderer/i18n/ is infrastructure and may not import the feature renderer/meetings/' },
    { rule: 'feature → undeclared feature', path: 'renderer/dossier/x.tsx', text: "import { CasePage } from '../cases/CasePage';", says: 'renderer/dossier/ may not import renderer/cases/' },
    { rule: 'feature → shell', path: 'renderer/cases/x.tsx', text: "import { Workspace } from '../Workspace';", says: 'renderer/cases/ may not import the shell (renderer/Workspace)' },
    { rule: 'undeclared renderer folder', path: 'renderer/reports/x.tsx', text: "import { t } from '../i18n/translate';", says: 'renderer/reports/ is not declared' },
    { rule: 'message catalogue: shared only', path: 'renderer/cases/caseMessages.ts', text: "import { t } from '../i18n/translate';", says: 'renderer/cases/caseMessages.ts is a message catalogue: it may import shared/ only' },
    { rule: 'message catalogue: no package', path: 'renderer/cases/caseMessages.ts', text: "import { z } from 'zod';", says: 'renderer/cases/caseMessages.ts is a message catalogue: it may import shared/ only' },
    // electron/services: shared/, built-ins, declared packages; never renderer/ nor electron
    { rule: 'services: not renderer/', path: 'electron/services/cases/x.ts', text: "import { t } from '../../../renderer/i18n/translate';", says: 'electron/services/ may not import renderer/i18n/translate' },
    { rule: 'services: not the shell', path: 'electron/services/system/x.ts', text: "import { ipc } from '../../main/ipc';", says: 'electron/services/ may not import electron/main/ipc' },
    { rule: 'services: not electron', path: 'electron/services/system/x.ts', text: "import { shell } from 'electron';", says: 'electron/services/system/ may not import the package "electron"' },
    { rule: 'services: browser package', path: 'electron/services/documents/x.ts', text: "import * as pdfjs from 'pdfjs-dist';", says: 'electron/services/ may not import the browser package "pdfjs-dist"' },
    { rule: 'feature: undeclared package', path: 'electron/services/cases/x.ts', text: "import { Low } from 'lowdb';", says: 'electron/services/cases/ may not import the package "lowdb"' },
    // each feature folder: only the features it declares (cases never imports dossier)
    { rule: 'cases → dossier', path: 'electron/services/cases/app.ts', text: "import { checkDocument } from '../dossier/fileCheck';", says: 'electron/services/cases/ may not import electron/services/dossier/' },
    { rule: 'signing → documents', path: 'electron/services/signing/x.ts', text: "import { certificateHolder } from '../documents/signerMatch';", says: 'electron/services/signing/ may not import electron/services/documents/' },
    { rule: 'pdf → signing', path: 'electron/services/pdf/x.ts', text: "export { signPdf } from '../signing/pdfSignature';", says: 'electron/services/pdf/ may not import electron/services/signing/' },
    { rule: 'feature → composition root', path: 'electron/services/users/x.ts', text: "import { createServices } from '../index';", says: 'electron/services/users/ may import only ../context of the services\' root, not index' },
    { rule: 'undeclared feature folder', path: 'electron/services/reports/x.ts', text: "import type { ServiceContext } from '../context';", says: 'electron/services/reports/ is not declared' },
    { rule: 'context: types only', path: 'electron/services/context.ts', text: "import { Staging } from './dossier/staging';", says: 'electron/services/context.ts may import the features\' types only' },
    { rule: 'undeclared root file', path: 'electron/services/helpers.ts', text: "import { join } from 'node:path';", says: 'electron/services/helpers.ts is a new file in electron/services/' },
    // the hosts
    { rule: 'main: entry points only', path: 'electron/main/x.ts', text: "import { signPdf } from '../services/signing/pdfSignature';", says: 'electron/main/ may not import electron/services/signing/pdfSignature' },
    { rule: 'main: no other package', path: 'electron/main/x.ts', text: "import { Low } from 'lowdb';", says: 'electron/main/ may not import the package "lowdb"' },
    { rule: 'preload: electron only', path: 'electron/preload/x.ts', text: "import { join } from 'node:path';", says: 'electron/preload/ may not use Node built-ins' },
    { rule: 'preload: no services', path: 'electron/preload/x.ts', text: "import { createServices } from '../services/index';", says: 'electron/preload/ may not import electron/services/index' },
    { rule: 'browser host: no electron', path: 'electron/browser-host/x.ts', text: "import { app } from 'electron';", says: 'electron/browser-host/ may not import the package "electron"' },
    { rule: 'browser host: not the renderer', path: 'electron/browser-host/x.ts', text: "import { App } from '../../renderer/App';", says: 'electron/browser-host/ may not import renderer/App' },
    { rule: 'cli: declared services only', path: 'electron/cli/x.ts', text: "import { casesHandlers } from '../services/cases/app';", says: 'electron/cli/ may not import electron/services/cases/app' },
    { rule: 'cli: not the shell', path: 'electron/cli/x.ts', text: "import { createWindow } from '../main/window';", says: 'electron/cli/ may not import electron/main/window' },
    // packages: classified, everywhere
    { rule: 'unclassified package (test/)', path: 'test/unit/x.test.ts', text: "import leftPad from 'left-pad';", says: 'the package "left-pad" is not classified: add it to PACKAGES' },
    { rule: 'unclassified package (tooling)', path: 'vite.config.ts', text: "import legacy from '@vitejs/plugin-legacy';", says: 'the package "@vitejs/plugin-legacy" is not classified' },
    // a file in no layer
    { rule: 'no layer', path: 'docs/example.ts', text: "import { z } from 'zod';", says: 'docs/example.ts is in no layer' },
  ];

  it.each(offences)('the table refuses: $rule', ({ path, text, says }) => {
    const found = findTableViolations([{ path, text }]);
    expect(found).toHaveLength(1);
    expect(found[0]?.rule).toContain(says);
  });

  // ... and what each rule lets through.
  it('the table lets allowed code through', () => {
    const allowed: SourceFile[] = [
      { path: 'shared/domain/x.ts', text: "import { addWorkingDays } from './calendar';\nimport type { DossierItem } from './documents/documentModel';" },
      { path: 'shared/contract/x.ts', text: "import { z } from 'zod';\nimport { CASE_STATES } from '../domain/caseStates';\nimport { roles } from './roles';" },
      {
        path: 'renderer/cases/x.tsx',
        text: lines(
          "import { useState } from 'react';",
          "import { createRoot } from 'react-dom/client';",
          "import { z } from 'zod';",
          "import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';",
          "import type { CaseRecord } from '../../shared/contract/schemas';",
          "import { invoke } from '../api/client';",
          "import { DossierSection } from '../dossier/DossierSection';",
          "import './cases.css';",
        ),
      },
      { path: 'renderer/i18n/messages.ts', text: "import { dossierLt } from '../dossier/dossierMessages';\nimport { lt } from './lt';" },
      { path: 'renderer/cases/caseMessages.ts', text: "import type { Text } from '../../shared/contract/verificationTexts';" },
      { path: 'renderer/api/x.ts', text: "import { sessionToken } from '../auth/sessionToken';\nimport { t } from '../i18n/translate';" },
      { path: 'renderer/Workspace.tsx', text: "import { CasePage } from './cases/CasePage';\nimport { Header } from './layout/Header';" },
      {
        path: 'electron/services/dossier/x.ts',
        text: lines(
          "import { createHash } from 'node:crypto';",
          "import type { ServiceContext } from '../context';",
          "import { advanceIfComplete } from '../cases/readiness';",
          "import { readRevision } from '../pdf/pdfSyntax';",
          "import { DomainError } from '../../../shared/domain/errors';",
          "import { staged } from './staging';",
        ),
      },
      { path: 'electron/services/signing/x.ts', text: "import * as asn1js from 'asn1js';\nimport { readRevision } from '../pdf/pdfSyntax';" },
      { path: 'electron/services/store/x.ts', text: "import { Low } from 'lowdb';\nimport { z } from 'zod';" },
      { path: 'electron/services/context.ts', text: "import type { Staging } from './dossier/staging';\nimport { type Sessions } from './users/sessions';" },
      { path: 'electron/services/index.ts', text: "import { casesHandlers } from './cases/app';\nimport type { ServiceContext } from './context';" },
      { path: 'electron/main/x.ts', text: "import { app } from 'electron';\nimport { createServices } from '../services/index';\nimport { join } from 'node:path';" },
      { path: 'electron/preload/x.ts', text: "import { contextBridge } from 'electron';\nimport type { InvokeResult } from '../../shared/contract/result';" },
      { path: 'electron/browser-host/x.ts', text: "import { createServer } from 'node:http';\nimport { terminalKey } from '../cli/terminalKey';\nimport { dataDirFrom } from '../services/dataDir';" },
      { path: 'electron/cli/x.ts', text: "import { reportOf } from '../services/documents/verification';\nimport { openEncryption } from '../services/store/encryption';" },
      { path: 'test/unit/x.test.ts', text: "import { it } from 'vitest';\nimport { PDFDocument } from 'pdf-lib';\nimport { x } from '../../renderer/cases/CasePage';" },
      { path: 'build/bundle-electron.mjs', text: "import { build } from 'esbuild';\nimport { cp } from 'node:fs/promises';" },
    ];
    expect(findTableViolations(allowed)).toEqual([]);
  });

  it('a known exception is let through, and only that import of that file', () => {
    const exception = { file: 'renderer/layout/Header.tsx', specifier: '../documents/SigningNavLink', why: 'test' };
    const files: SourceFile[] = [
      { path: 'renderer/layout/Header.tsx', text: "import { SigningNavLink } from '../documents/SigningNavLink';\nimport { x } from '../cases/x';" },
      { path: 'renderer/layout/Footer.tsx', text: "import { SigningNavLink } from '../documents/SigningNavLink';" },
    ];
    expect(findTableViolations(files, [exception]).map((v) => `${v.file} ${v.specifier}`)).toEqual([
      'renderer/layout/Header.tsx ../cases/x',
      'renderer/layout/Footer.tsx ../documents/SigningNavLink',
    ]);
  });
});
