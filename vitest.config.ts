import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and build tests start Chromium or esbuild: give them room on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
