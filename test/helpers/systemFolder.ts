// Issue 16: a folder inside a real system library folder (/usr/lib), for the tests of which card
// module the app may load. The module's rule looks at real ownership and mode bits up to the root,
// so a temp folder (under /tmp, writable by everyone) cannot stand in: the tests run as root, as in
// this project's CI, and write here, then remove what they made.
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SOFTHSM_MODULE } from './softhsm';

export interface SystemFolder {
  /** /usr/lib/pusiaukele-test-XXXXXX, root's, mode 0755. */
  dir: string;
  /** A copy of SoftHSM2's module in it, root's, mode 0644: a real PKCS#11 module the app may load. */
  module: string;
  /** Removes the folder and everything in it. */
  remove(): void;
}

export function systemFolder(): SystemFolder {
  if (process.getuid?.() !== 0) throw new Error('the module-path tests write into /usr/lib and must run as root');
  const dir = mkdtempSync('/usr/lib/pusiaukele-test-');
  chmodSync(dir, 0o755);
  const module = join(dir, 'libkortele.so');
  copyFileSync(SOFTHSM_MODULE, module);
  chmodSync(module, 0o644);
  return { dir, module, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
