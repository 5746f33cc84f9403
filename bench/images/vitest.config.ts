// The images benchmark runs under vitest only to reuse the test environment
// (registries, token servers, teardown by PID); it asserts nothing about speed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/images/run.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['test/env/global-setup.ts'],
  },
});
