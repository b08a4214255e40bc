// Tests live in test/; a scratch folder or a fetched copy elsewhere in the tree is never collected.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
  },
});
