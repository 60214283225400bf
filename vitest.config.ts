import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships both .mjs and .js; force one copy so `instanceof` checks hold across packages.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/integration-setup.ts'],
          // One database: files run one after another, each starting from an empty graph.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
