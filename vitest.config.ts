import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real daemons; give them room but never hang CI.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    globalSetup: ['test/env/global-setup.ts'],
    // GitHub's workflow parser imports JSON without import attributes: inline it (DESIGN §7).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
