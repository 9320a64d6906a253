import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    // Importing the real 'electron' package in plain Node tries to download the binary:
    // unit tests of electron/main run against a stub that records what the shell asked for.
    alias: { electron: fileURLToPath(new URL('./test/stubs/electron.ts', import.meta.url)) },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Data at rest is encrypted (issue 3): the services unlock test data directories with this.
    // Issue 16: the workstation's integrity witnesses of the tests' directories, kept apart from the user's own.
    env: { PUSIAUKELE_PASSPHRASE: 'test-passphrase-pusiaukele', PUSIAUKELE_WITNESS_DIR: join(tmpdir(), 'pusiaukele-test-witness') },
  },
});
