// Packages the built app with the real electron-builder configuration (--dir, for Linux and for
// Windows) and checks what ends up in app.asar and in the executables. Electron itself cannot be
// downloaded here, so electron-builder is given a stand-in unpacked Electron (electronDist): the files
// it renames, edits and moves, nothing more. What the stand-ins cannot show is Electron acting on the
// fuses and the integrity data at run time; what is checked is that the packaged executables and
// app.asar carry what Electron reads (issue 16: "the asar integrity fuse on; the packaging test checks
// the fuses"), and that this data catches a changed app.asar the way Electron's check compares it.
// Needs `npm run build` first.
import { createPackage, extractAll, extractFile, getRawHeader, listPackage } from '@electron/asar';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, chmod, copyFile, mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
// electron-builder's own PE resource editor (a dependency of app-builder-lib): the stand-in Windows
// executable is made with it, and the packaged one read back with it.
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** @electron/fuses' marker of the fuse wire in an Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The fuses in the order of the wire (@electron/fuses' FuseV1Options), by their electron-builder names. */
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** The state Electron ships them in (electron/build/fuses/fuses.json5): the stand-ins start from it. */
const SHIPPED_WIRE = '10110001';
/** The hardened set: no Node, cookies encrypted, app.asar only and checked, no V8 snapshot, no file:// privileges. */
const HARDENED_WIRE = '01001100';

const BUILT = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'];
const TIMEOUT = 180_000;
const run = promisify(execFile);

let work: string;
let unpacked: string;
let winUnpacked: string;
let entries: string[];

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Electron's fuse wire as the real binaries carry it: sentinel, version 1, eight fuses in their shipped state. */
const FUSE_WIRE = `${FUSE_SENTINEL}\x01\x08${SHIPPED_WIRE}`;

/** The files electron-builder needs of an unpacked Electron besides the executable, and the locales it prunes. */
async function standInResources(dir: string): Promise<void> {
  await mkdir(join(dir, 'locales'), { recursive: true });
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for the Electron license.\n');
  // electronLanguages (lt, en-US) prunes locales/: keep one file per wanted language, plus one it removes
  for (const locale of ['lt', 'en-US', 'de']) await writeFile(join(dir, 'locales', `${locale}.pak`), '');
}

/** Linux: a script that cannot run, carrying the fuse wire, which electron-builder renames and flips. */
async function standInLinuxElectron(dir: string): Promise<void> {
  await standInResources(dir);
  await writeFile(join(dir, 'electron'), `#!/bin/sh\necho "stand-in Electron: cannot run" >&2\nexit 1\n# ${FUSE_WIRE}\n`);
  await chmod(join(dir, 'electron'), 0o755);
}

/**
 * Windows: an empty PE executable with what electron-builder edits in Electron's electron.exe — a
 * version resource in one language, where it adds the asar integrity resource, then the product's
 * names, version and icon — and the fuse wire. In Electron's binary the wire lies in a data section;
 * here it lies in a data resource, which the resource edits keep (@electron/fuses looks for the
 * sentinel anywhere in the file).
 */
async function standInWindowsElectron(dir: string): Promise<void> {
  await standInResources(dir);
  const executable = NtExecutable.createEmpty(false, false);
  const resources = NtExecutableResource.from(executable);
  const version = Resource.VersionInfo.createEmpty();
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron' });
  version.outputToResourceEntries(resources.entries);
  const wire = Buffer.from(FUSE_WIRE, 'latin1');
  resources.entries.push({ type: 10 /* RT_RCDATA */, id: 'FUSES', lang: 1033, codepage: 1200, bin: new Uint8Array(wire).buffer });
  resources.outputResource(executable);
  await writeFile(join(dir, 'electron.exe'), Buffer.from(executable.generate()));
}

/**
 * A Windows icon holding build/icon.png whole. A release build converts build/icon.png itself, with
 * a tool electron-builder downloads; this network refuses the download, and an .ico of at least
 * 256 pixels is taken as it is.
 */
async function iconFile(path: string): Promise<void> {
  const png = await readFile(join(ROOT, 'build', 'icon.png'));
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image; width and height 0 mean 256
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18);
  await writeFile(path, Buffer.concat([header, png]));
}

/** Runs electron-builder with the project's configuration for one platform, into `output`. */
async function packageFor(platform: '--linux' | '--win', electronDist: string, output: string, extra: string[] = []): Promise<void> {
  const unreachable = 'http://127.0.0.1:9/'; // any download attempt fails at once instead of waiting
  await run(
    join(ROOT, 'node_modules', '.bin', 'electron-builder'),
    [
      '-c',
      'build/electron-builder.yml',
      platform,
      '--dir',
      `-c.electronDist=${electronDist}`,
      // Rebuilding pkcs11js for Electron downloads Electron's headers, which this network refuses;
      // a release build does it (npmRebuild: true in the configuration).
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
      ...extra,
    ],
    {
      cwd: ROOT,
      timeout: TIMEOUT,
      maxBuffer: 16 * 1024 * 1024,
      env: {
        ...process.env,
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        ELECTRON_MIRROR: unreachable,
        ELECTRON_BUILDER_BINARIES_MIRROR: unreachable,
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      },
    },
  );
}

beforeAll(async () => {
  const missing = [];
  for (const file of BUILT) if (!(await exists(join(ROOT, file)))) missing.push(file);
  if (missing.length > 0) {
    throw new Error(`The packaging test packages the built app: run \`npm run build\` first (missing ${missing.join(', ')}).`);
  }
  work = await mkdtemp(join(tmpdir(), 'pusiaukele-packaging-'));
  await standInLinuxElectron(join(work, 'electron-linux'));
  await standInWindowsElectron(join(work, 'electron-win'));
  await iconFile(join(work, 'icon.ico'));
  await Promise.all([
    packageFor('--linux', join(work, 'electron-linux'), join(work, 'out-linux')),
    packageFor('--win', join(work, 'electron-win'), join(work, 'out-win'), [`-c.win.icon=${join(work, 'icon.ico')}`]),
  ]);
  unpacked = join(work, 'out-linux', 'linux-unpacked');
  winUnpacked = join(work, 'out-win', 'win-unpacked');
  entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((entry) =>
    entry.replaceAll('\\', '/').replace(/^\//, ''),
  );
}, TIMEOUT);

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('packaging (electron-builder, linux --dir)', () => {
  it('produces the renamed executable next to app.asar, with the Electron license and only lt/en-US locales', async () => {
    expect(await exists(join(unpacked, 'pusiaukele'))).toBe(true);
    expect(await exists(join(unpacked, 'LICENSE.electron.txt'))).toBe(true);
    expect((await readdir(join(unpacked, 'locales'))).sort()).toEqual(['en-US.pak', 'lt.pak']);
  });

  it('app.asar holds the bundled main process, the preload, the renderer, the documents\' fonts and package.json', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'dist/electron/main.cjs',
        'dist/electron/preload.cjs',
        'dist/renderer/index.html',
        'dist/electron/fonts/LiberationSerif-Regular.ttf',
        'dist/electron/fonts/LiberationSerif-Bold.ttf',
        'package.json',
      ]),
    );
  });

  it('the packaged package.json starts dist/electron/main.cjs, and the bundles are the built ones', async () => {
    const asar = join(unpacked, 'resources', 'app.asar');
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main?: string };
    expect(manifest.main).toBe('dist/electron/main.cjs');
    for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
      expect(extractFile(asar, file).equals(await readFile(join(ROOT, file))), file).toBe(true);
    }
  });

  it('the packaged preload requires nothing but electron (a sandboxed preload can require no more)', () => {
    const preload = extractFile(join(unpacked, 'resources', 'app.asar'), 'dist/electron/preload.cjs').toString('utf8');
    const required = [...preload.matchAll(/\brequire\s*\(([^)]*)\)/g)].map((m) => m[1]?.trim());
    expect(required).toEqual(['"electron"']);
  });

  it('holds no devDependencies, and of node_modules only the native smart-card module: the bundles are self-contained', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const devDependencies = Object.keys(manifest.devDependencies);
    expect(devDependencies).toContain('electron');
    for (const name of devDependencies) {
      expect(entries.filter((e) => e === `node_modules/${name}` || e.startsWith(`node_modules/${name}/`)), name).toEqual([]);
    }
    // pkcs11js is native (a .node file esbuild cannot bundle); nothing else is shipped as a module.
    const modules = new Set(entries.filter((e) => e.startsWith('node_modules/')).map((e) => e.split('/')[1]));
    expect([...modules]).toEqual(['pkcs11js']);
    expect(entries).toContain('node_modules/pkcs11js/build/Release/pkcs11.node');
  });

  it('holds no sources and no tests', () => {
    expect(entries.filter((e) => /\.(?:tsx?|mts|cts)$/.test(e))).toEqual([]);
    // only dist/, package.json and the native module: no test/, electron/, renderer/, shared/, build/ or docs/
    expect([...new Set(entries.map((e) => e.split('/')[0]))].sort()).toEqual(['dist', 'node_modules', 'package.json']);
  });
});

/** The fuse wire of a packaged executable, as '0'/'1' per fuse in FUSES order. */
async function fuseWire(executable: string): Promise<string> {
  const binary = await readFile(executable, 'latin1');
  const at = binary.indexOf(FUSE_SENTINEL);
  expect(at, `${executable} carries the fuse wire`).toBeGreaterThanOrEqual(0);
  expect(binary.indexOf(FUSE_SENTINEL, at + 1), 'one fuse wire').toBe(-1);
  const length = binary.charCodeAt(at + FUSE_SENTINEL.length + 1);
  return binary.slice(at + FUSE_SENTINEL.length + 2, at + FUSE_SENTINEL.length + 2 + length);
}

/** The `electronFuses:` block of the configuration, read as the flat `key: true|false` lines it is. */
async function configuredFuses(): Promise<Record<string, boolean>> {
  const lines = (await readFile(join(ROOT, 'build', 'electron-builder.yml'), 'utf8')).split('\n');
  const start = lines.indexOf('electronFuses:');
  expect(start, 'the configuration has an electronFuses section').toBeGreaterThanOrEqual(0);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    const match = /^ {2}(\w+): (true|false)$/.exec(line);
    expect(match, `"${line}" sets a fuse on or off`).not.toBeNull();
    fuses[match![1]!] = match![2] === 'true';
  }
  return fuses;
}

interface AsarIntegrity {
  algorithm: string;
  hash: string;
  blockSize: number;
  blocks: string[];
}

interface AsarEntry {
  files?: Record<string, AsarEntry>;
  offset?: string;
  size?: number;
  unpacked?: boolean;
  link?: string;
  integrity?: AsarIntegrity;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** The SHA-256 of app.asar's header: what Electron compares with the value the executable records. */
function headerHash(asar: string): string {
  return sha256(getRawHeader(asar).headerString);
}

/**
 * What Electron checks of each file in app.asar as it reads it, when asar integrity is on: the file's
 * hash and the hash of each of its blocks, as the header records them. Returns the files that fail.
 */
async function filesFailingIntegrity(asar: string): Promise<string[]> {
  const { header, headerSize } = getRawHeader(asar);
  const failing: string[] = [];
  const handle = await open(asar, 'r');
  try {
    const visit = async (entry: AsarEntry, path: string): Promise<void> => {
      if (entry.files !== undefined) {
        for (const [name, child] of Object.entries(entry.files)) await visit(child, path === '' ? name : `${path}/${name}`);
        return;
      }
      if (entry.link !== undefined || entry.unpacked === true) return;
      const { integrity } = entry;
      const content = Buffer.alloc(entry.size ?? 0);
      // the file's bytes follow the 8-byte size pickle and the header
      await handle.read(content, 0, content.length, 8 + headerSize + Number(entry.offset));
      // whole blocks, then the rest (empty when the size is a multiple of the block size), as @electron/asar cuts them
      const blocks: string[] = [];
      const blockSize = integrity?.blockSize ?? content.length + 1;
      let at = 0;
      for (; at + blockSize <= content.length; at += blockSize) blocks.push(sha256(content.subarray(at, at + blockSize)));
      blocks.push(sha256(content.subarray(at)));
      const intact = integrity?.algorithm === 'SHA256' && integrity.hash === sha256(content) && integrity.blocks.join() === blocks.join();
      if (!intact) failing.push(path);
    };
    await visit(header as AsarEntry, '');
  } finally {
    await handle.close();
  }
  return failing;
}

/** The Windows executable's resources, as electron-builder left them. */
async function windowsResources(): Promise<NtExecutableResource> {
  const executable = NtExecutable.from(await readFile(join(winUnpacked, 'Pusiaukelė.exe')));
  return NtExecutableResource.from(executable);
}

/** The asar integrity the Windows executable records (Electron reads the INTEGRITY/ELECTRONASAR resource). */
async function recordedAsarIntegrity(): Promise<unknown> {
  const entry = (await windowsResources()).entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
  expect(entry, 'the executable has an ELECTRONASAR integrity resource').toBeDefined();
  return JSON.parse(Buffer.from(entry!.bin).toString('utf8'));
}

describe('Electron fuses and asar integrity (issue 16: "the asar integrity fuse on; the packaging test checks the fuses")', () => {
  it('the configuration sets all eight fuses, each explicitly: no Node, cookies encrypted, app.asar only and checked, no V8 snapshot, no file:// privileges', async () => {
    expect(await configuredFuses()).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(Object.keys(await configuredFuses())).toEqual([...FUSES]);
  });

  it.each([
    ['Linux', () => join(unpacked, 'pusiaukele')],
    ['Windows', () => join(winUnpacked, 'Pusiaukelė.exe')],
  ])('the packaged %s executable carries the whole hardened set, flipped from what Electron ships', async (_platform, executable) => {
    const wire = await fuseWire(executable());
    expect(wire).not.toBe(SHIPPED_WIRE);
    expect(Object.fromEntries(FUSES.map((fuse, i) => [fuse, wire[i]]))).toEqual({
      runAsNode: '0',
      enableCookieEncryption: '1',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      loadBrowserProcessSpecificV8Snapshot: '0',
      grantFileProtocolExtraPrivileges: '0',
    });
    expect(wire).toBe(HARDENED_WIRE);
  });

  it('the Windows executable records the SHA-256 of its app.asar header, and keeps it through the edit of its names and icon', async () => {
    const asar = join(winUnpacked, 'resources', 'app.asar');
    expect(await recordedAsarIntegrity()).toEqual([{ file: 'resources\\app.asar', alg: 'SHA256', value: headerHash(asar) }]);
    // The product's names were written after the integrity resource: the edit kept it.
    const [version] = Resource.VersionInfo.fromEntries((await windowsResources()).entries);
    expect(version?.getStringValues({ lang: 1033, codepage: 1200 })).toMatchObject({ ProductName: 'Pusiaukelė', FileVersion: '0.1.0' });
  });

  it.each([
    ['Linux', () => join(unpacked, 'resources', 'app.asar')],
    ['Windows', () => join(winUnpacked, 'resources', 'app.asar')],
  ])('every file in the %s app.asar carries its hash and its block hashes, and matches them', async (_platform, asar) => {
    const files = listPackage(asar(), { isPack: false });
    expect(files).toContain('/dist/electron/main.cjs');
    expect(await filesFailingIntegrity(asar())).toEqual([]);
  });

  it('a byte changed in the packaged main process is caught by its file hash, though the header still matches the executable', async () => {
    const original = join(winUnpacked, 'resources', 'app.asar');
    const tampered = join(work, 'tampered-byte.asar');
    await copyFile(original, tampered);
    const { header, headerSize } = getRawHeader(tampered);
    const main = (header as AsarEntry).files!.dist!.files!.electron!.files!['main.cjs']!;
    const handle = await open(tampered, 'r+');
    try {
      const at = 8 + headerSize + Number(main.offset);
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, at);
      await handle.write(Buffer.from([byte[0]! ^ 0x20]), 0, 1, at);
    } finally {
      await handle.close();
    }
    expect(headerHash(tampered)).toBe(headerHash(original));
    expect(await filesFailingIntegrity(tampered)).toEqual(['dist/electron/main.cjs']);
  });

  it('an app.asar rebuilt around another main process, with fresh hashes of its own, no longer matches what the executable records', async () => {
    const original = join(winUnpacked, 'resources', 'app.asar');
    const extracted = join(work, 'extracted');
    extractAll(original, extracted);
    await writeFile(join(extracted, 'dist', 'electron', 'main.cjs'), `${await readFile(join(extracted, 'dist', 'electron', 'main.cjs'), 'utf8')}\n// added\n`);
    const rebuilt = join(work, 'rebuilt.asar');
    await createPackage(extracted, rebuilt);
    // The rebuilt archive is consistent in itself: only the hash in the executable gives it away.
    expect(await filesFailingIntegrity(rebuilt)).toEqual([]);
    expect(extractFile(rebuilt, 'dist/electron/main.cjs').toString('utf8')).toContain('// added');
    const [recorded] = (await recordedAsarIntegrity()) as Array<{ value: string }>;
    expect(recorded?.value).toBe(headerHash(original));
    expect(recorded?.value).not.toBe(headerHash(rebuilt));
  });
});
