import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Data at rest is encrypted (issue 3): the services unlock test data directories with this.
    // Issue 16: the workstation's integrity witnesses of the tests' directories, kept apart from the user's own.
    env: { PUSIAUKELE_PASSPHRASE: 'test-passphrase-pusiaukele', PUSIAUKELE_WITNESS_DIR: join(tmpdir(), 'pusiaukele-test-witness') },
  },
});
