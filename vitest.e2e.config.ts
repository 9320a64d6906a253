import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Data at rest is encrypted (issue 3): the services unlock test data directories with this.
    env: { PUSIAUKELE_PASSPHRASE: 'test-passphrase-pusiaukele' },
  },
});
