// The login benchmark runs under vitest only to reuse the test environment
// (dockerd, registries, teardown by PID); it asserts nothing about speed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/login/run.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['test/env/global-setup.ts'],
  },
});
