import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/robustness/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: forks keep onnxruntime's native threads out of each other's way.
    pool: 'forks',
    maxWorkers: 2,
  },
});
