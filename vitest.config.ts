import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // Domain modules import "server-only" to keep them out of client bundles; tests run them directly.
  "server-only": path.join(root, "tests/setup/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One embedded Postgres for the run; each test file gets its own database cloned from a migrated template.
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-file.ts"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
